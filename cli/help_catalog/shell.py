"""Vietnamese for the help text of ``tracker shell``; see
``cli.help_catalog.commands``."""

from __future__ import annotations

VI: dict[str, str] = {
    "Type commands at a prompt that completes codes, names and dates.": (
        "Gõ lệnh tại một dấu nhắc biết gợi ý mã nhiệm vụ, tên cơ quan và ngày."
    ),
    "Every logging, listing and report command works as on the command line, "
    "without the leading 'tracker'; each line is its own transaction, and a "
    "refused line shows its reason while the shell goes on. Tab completes "
    "commands, options, task codes (also by words of the title, accents aside), "
    "agency and assigner names and dates; the bottom bar shows who is logging, "
    "today's date, the ledger's position and whether the read models are "
    "current. 'help' lists the commands, 'help COMMAND' shows one's help, 'exit' "
    "or Ctrl-D leaves, Ctrl-C clears the line.": (
        "Mọi lệnh ghi nhận, liệt kê và báo cáo dùng được như trên dòng lệnh, "
        "không cần chữ 'tracker' ở đầu; mỗi dòng là một giao dịch riêng, dòng bị "
        "từ chối hiện lý do và trình nhập lệnh vẫn chạy tiếp. Phím Tab gợi ý "
        "lệnh, tùy chọn, mã nhiệm vụ (cả theo các từ trong nội dung nhiệm vụ, "
        "không cần gõ dấu), tên cơ quan chủ trì, cấp giao và ngày; thanh dưới "
        "cùng cho biết người đang ghi, ngày hôm nay, vị trí của nhật ký và dữ "
        "liệu tổng hợp đã cập nhật hay chưa. 'help' liệt kê các lệnh, 'help "
        "LỆNH' xem hướng dẫn của một lệnh, 'exit' hoặc Ctrl-D để thoát, Ctrl-C "
        "xóa dòng đang gõ."
    ),
    "When the commands do not come from a terminal (piped in, or --file), each "
    "runs as its own transaction with one result line, and the shell exits "
    "non-zero if any was refused (unlike batch, which records all or nothing).": (
        "Khi lệnh không được gõ tại màn hình (chuyển vào qua ống dẫn, hoặc "
        "--file), mỗi lệnh chạy thành một giao dịch riêng với một dòng kết quả, "
        "và trình nhập lệnh kết thúc với mã lỗi nếu có lệnh bị từ chối (khác với "
        "batch, ghi nhận tất cả hoặc không ghi gì)."
    ),
    "Run the commands in FILE, each as its own transaction, instead of prompting "
    "(as when they are piped in).": (
        "Chạy các lệnh trong tệp FILE, mỗi lệnh một giao dịch riêng, thay vì hiện "
        "dấu nhắc (như khi lệnh được chuyển vào qua ống dẫn)."
    ),
}
