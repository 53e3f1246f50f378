"""Vietnamese for the messages of ``tracker shell`` (``cli.shell``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "The line cannot be read: {reason}.": "Không đọc được dòng lệnh: {reason}.",
    "The line is not UTF-8 text; save it as UTF-8.": (
        "Dòng này không phải văn bản UTF-8; hãy lưu tệp dưới dạng UTF-8."
    ),
    "Line {number}:": "Dòng {number}:",
    "The shell is already running.": "Trình nhập lệnh đang chạy rồi.",
    "demo builds a ledger of its own; run it outside the shell.": (
        "demo tạo một nhật ký riêng; hãy chạy lệnh này bên ngoài trình nhập lệnh."
    ),
    "projections follow runs until it is stopped; run it outside the shell.": (
        "projections follow chạy cho đến khi bị dừng; hãy chạy lệnh này bên ngoài "
        "trình nhập lệnh."
    ),
    "db harden changes the database's roles; run it outside the shell.": (
        "db harden thay đổi các vai trò của cơ sở dữ liệu; hãy chạy lệnh này bên "
        "ngoài trình nhập lệnh."
    ),
    "restore writes a new ledger from an export; run it outside the shell.": (
        "restore ghi một nhật ký mới từ tệp xuất; hãy chạy lệnh này bên ngoài "
        "trình nhập lệnh."
    ),
    # help
    "Type a command as on the command line, without 'tracker'.": (
        "Gõ lệnh như trên dòng lệnh, không cần chữ 'tracker' ở đầu."
    ),
    "Tab completes commands, options, task codes, names and dates.": (
        "Phím Tab gợi ý lệnh, tùy chọn, mã nhiệm vụ, tên cơ quan và ngày."
    ),
    "help COMMAND shows a command's help; exit or Ctrl-D leaves.": (
        "help LỆNH xem hướng dẫn của một lệnh; exit hoặc Ctrl-D để thoát."
    ),
    # the bottom bar
    "{actor} · today {today} · ledger at event {position} · read models current": (
        "{actor} · hôm nay {today} · nhật ký ở sự kiện {position} · dữ liệu "
        "tổng hợp đã cập nhật"
    ),
    "{actor} · today {today} · ledger at event {position} · read models {behind} "
    "events behind": (
        "{actor} · hôm nay {today} · nhật ký ở sự kiện {position} · dữ liệu "
        "tổng hợp chậm {behind} sự kiện"
    ),
}
