"""Vietnamese for the command line's own messages: the boundary, the
commands' confirmations and the progress bars (see ``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # The boundary (cli/main.py)
    "Error:": "Lỗi:",
    "Error: the database cannot be used: {detail}": (
        "Lỗi: không dùng được cơ sở dữ liệu: {detail}"
    ),
    "Error: unexpected {name}: {detail}": "Lỗi: sự cố ngoài dự kiến {name}: {detail}",
    # Operating-system reasons that reach messages
    "No such file or directory": "không có tệp hoặc thư mục như vậy",
    "Permission denied": "không có quyền truy cập",
    "Is a directory": "đây là một thư mục",
    "File exists": "tệp đã tồn tại",
    "No space left on device": "hết dung lượng lưu trữ",
    # cli/ confirmations
    "Assigned {code} to {agency} (due {due}).": (
        "Đã giao nhiệm vụ {code} cho {agency} (thời hạn {due})."
    ),
    "Assigned {code} to {agency} (no deadline).": (
        "Đã giao nhiệm vụ {code} cho {agency} (không thời hạn)."
    ),
    "Extended {code} to {due}.": "Đã gia hạn nhiệm vụ {code} đến {due}.",
    "Reassigned {code} to {agency}.": (
        "Đã chuyển nhiệm vụ {code} cho {agency} chủ trì."
    ),
    "Noted progress on {code}.": "Đã cập nhật tiến độ nhiệm vụ {code}.",
    "Completed {code} on {on}.": "Đã ghi nhận hoàn thành nhiệm vụ {code} ngày {on}.",
    "Reopened {code}.": "Đã mở lại nhiệm vụ {code}.",
    "Cancelled {code}.": "Đã rút nhiệm vụ {code} khỏi chương trình.",
    "Corrected {field} of {code}.": "Đã đính chính {field} của nhiệm vụ {code}.",
    "Corrected title of {code}.": "Đã đính chính nội dung nhiệm vụ {code}.",
    "Corrected agency of {code}.": (
        "Đã đính chính cơ quan chủ trì của nhiệm vụ {code}."
    ),
    "Imported {recorded} tasks; {unchanged} already in the ledger unchanged; "
    "{rejected} rejected.": (
        "Đã nhập {recorded} nhiệm vụ; {unchanged} nhiệm vụ đã có trong nhật ký, "
        "không đổi; {rejected} dòng bị loại."
    ),
    "Rejected rows written to {target}.": "Các dòng bị loại đã ghi vào {target}.",
    "... and {count} more rows.": "... và {count} dòng nữa.",
    "Warning: cannot write the rejects file {target}: {reason}; the rejected "
    "rows are:": (
        "Cảnh báo: không ghi được tệp các dòng bị loại {target}: {reason}; các "
        "dòng bị loại là:"
    ),
    "Recorded {count} commands from {input}.": ("Đã ghi nhận {count} lệnh từ {input}."),
    "line {line}: {error} Nothing from the file was recorded.": (
        "dòng {line}: {error} Chưa ghi nhận gì từ tệp."
    ),
    "line {line}: {error}": "dòng {line}: {error}",
    "Nothing from the file was recorded.": "Chưa ghi nhận gì từ tệp.",
    "'{name}' cannot be used in a batch; use one of {commands}.": (
        "không dùng được '{name}' trong lô lệnh; hãy dùng một trong {commands}."
    ),
    "{file} is not UTF-8 text (byte {offset}); save it as UTF-8.": (
        "{file} không phải văn bản UTF-8 (byte {offset}); hãy lưu lại dạng UTF-8."
    ),
    "No closing quotation": "thiếu dấu nháy đóng",
    "No escaped character": "thiếu ký tự sau dấu thoát",
    "Ledger intact: {count} events, fingerprint {fingerprint}.": (
        "Nhật ký nguyên vẹn: {count} sự kiện, mã kiểm tra {fingerprint}."
    ),
    "It still holds the history of {fingerprint}.": (
        "Nhật ký vẫn giữ nguyên lịch sử của {fingerprint}."
    ),
    "Read models match a replay of the log: {count} task at position {position}.": (
        "Dữ liệu tổng hợp khớp với việc phát lại nhật ký: {count} nhiệm vụ ở vị "
        "trí {position}."
    ),
    "Read models match a replay of the log: {count} tasks at position {position}.": (
        "Dữ liệu tổng hợp khớp với việc phát lại nhật ký: {count} nhiệm vụ ở vị "
        "trí {position}."
    ),
    "Read models match a replay of the log: {count} task at position "
    "{position}, {behind} event behind its end.": (
        "Dữ liệu tổng hợp khớp với việc phát lại nhật ký: {count} nhiệm vụ ở vị "
        "trí {position}, chậm {behind} sự kiện so với cuối nhật ký."
    ),
    "Read models match a replay of the log: {count} tasks at position "
    "{position}, {behind} events behind its end.": (
        "Dữ liệu tổng hợp khớp với việc phát lại nhật ký: {count} nhiệm vụ ở vị "
        "trí {position}, chậm {behind} sự kiện so với cuối nhật ký."
    ),
    "Exported {count} events to {file}.": "Đã xuất {count} sự kiện ra {file}.",
    "Restored {count} events; fingerprint {fingerprint}.": (
        "Đã khôi phục {count} sự kiện; mã kiểm tra {fingerprint}."
    ),
    "Rebuilt read models from {count} events.": (
        "Đã dựng lại dữ liệu tổng hợp từ {count} sự kiện."
    ),
    "Stopped at position {position}.": "Đã dừng ở vị trí {position}.",
    "{projection}: at event {position} of {head} ({behind} behind)": (
        "{projection}: ở sự kiện {position} trên {head} (chậm {behind})"
    ),
    "read_models": "dữ liệu tổng hợp",
    "Marked {count} tasks overdue as of {date}.": (
        "Đã ghi nhận quá hạn {count} nhiệm vụ, tính đến ngày {date}."
    ),
    "Marked {count} task overdue as of {date}.": (
        "Đã ghi nhận quá hạn {count} nhiệm vụ, tính đến ngày {date}."
    ),
    "{text} is not a period; write {examples}.": (
        "{text} không phải kỳ báo cáo; hãy viết {examples}."
    ),
    "2023, 2023-H1, 2023-Q2 or 2023-06": "2023, 2023-H1, 2023-Q2 hoặc 2023-06",
    "This role may not write the read models: run this as the owner or as the "
    "projector role ('tracker db harden --kind projector').": (
        "Vai trò này không được ghi dữ liệu tổng hợp: hãy chạy lệnh với vai trò "
        "chủ sở hữu hoặc projector ('tracker db harden --kind projector')."
    ),
    "Schema ready on {kind} {version} ({url}).": (
        "Đã sẵn sàng lược đồ trên {kind} {version} ({url})."
    ),
    "Role {role} may now read and append events, never change them.": (
        "Vai trò {role} nay được đọc và ghi thêm sự kiện, không bao giờ được sửa."
    ),
    "Role {role} may now keep the read models; run it as the projector.": (
        "Vai trò {role} nay được cập nhật dữ liệu tổng hợp; hãy chạy nó làm projector."
    ),
    "Give a task CODE, or --since DATETIME.": (
        "Hãy cho mã nhiệm vụ CODE, hoặc --since DATETIME."
    ),
    "{value} is not a number of seconds.": "{value} không phải số giây.",
    "Wrote {path}.": "Đã ghi {path}.",
    # Progress-bar labels
    "Importing": "Đang nhập",
    "Verifying": "Đang kiểm tra",
    "Exporting": "Đang xuất",
    "Restoring": "Đang khôi phục",
    "Rebuilding read models": "Đang dựng lại dữ liệu tổng hợp",
}
