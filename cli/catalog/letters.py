"""Vietnamese for the messages of the reminder letters (``tracker letters``,
see ``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "Wrote the letter to {agency}: {path} ({count} tasks).": (
        "Đã viết công văn gửi {agency}: {path} ({count} nhiệm vụ)."
    ),
    "Wrote the letter to {agency}: {path} (1 task).": (
        "Đã viết công văn gửi {agency}: {path} (1 nhiệm vụ)."
    ),
    "Wrote {letters} letters on {tasks} tasks as of {as_of}.": (
        "Đã viết {letters} công văn về {tasks} nhiệm vụ, tính đến ngày {as_of}."
    ),
    "Wrote {letters} letters on 1 task as of {as_of}.": (
        "Đã viết {letters} công văn về 1 nhiệm vụ, tính đến ngày {as_of}."
    ),
    "Wrote 1 letter on {tasks} tasks as of {as_of}.": (
        "Đã viết 1 công văn về {tasks} nhiệm vụ, tính đến ngày {as_of}."
    ),
    "Wrote 1 letter on 1 task as of {as_of}.": (
        "Đã viết 1 công văn về 1 nhiệm vụ, tính đến ngày {as_of}."
    ),
    "Recorded {count} reminders with the letter {document}.": (
        "Đã ghi {count} lượt đôn đốc theo công văn {document}."
    ),
    "No agency has overdue tasks on {as_of}.": (
        "Không có cơ quan nào có nhiệm vụ quá hạn tính đến ngày {as_of}."
    ),
    "No agency matching {agency} has overdue tasks on {as_of}.": (
        "Không có cơ quan nào khớp với {agency} có nhiệm vụ quá hạn tính đến "
        "ngày {as_of}."
    ),
    "No agency has overdue tasks or tasks due within {days} days on {as_of}.": (
        "Không có cơ quan nào có nhiệm vụ quá hạn hoặc sắp đến hạn trong {days} "
        "ngày tính đến ngày {as_of}."
    ),
    "No agency matching {agency} has overdue tasks or tasks due within {days} "
    "days on {as_of}.": (
        "Không có cơ quan nào khớp với {agency} có nhiệm vụ quá hạn hoặc sắp đến "
        "hạn trong {days} ngày tính đến ngày {as_of}."
    ),
    "--record needs --doc NUMBER: the letter's number is recorded with each "
    "reminder.": (
        "--record cần có --doc NUMBER: số công văn được ghi kèm mỗi lượt đôn đốc."
    ),
    "--record cannot be used with --as-known-at: reminders are recorded on the "
    "ledger as it is now.": (
        "Không dùng --record cùng --as-known-at: việc đôn đốc được ghi vào nhật "
        "ký như hiện tại."
    ),
    "The reply-by date {date} is before the letters' date {as_of}.": (
        "Hạn báo cáo {date} trước ngày của công văn {as_of}."
    ),
    "Cannot write the letters into {path}: {problem}.": (
        "Không ghi được công văn vào thư mục {path}: {problem}."
    ),
    "it is a file, not a folder": "đó là một tệp, không phải thư mục",
    "{folder} is a file, not a folder": "{folder} là một tệp, không phải thư mục",
    "the folder is not writable": "thư mục không cho phép ghi",
    "the folder {folder} does not exist": "thư mục {folder} không tồn tại",
    "the folder {folder} is not writable": "thư mục {folder} không cho phép ghi",
    # cli.files.check_writable, on each letter's file
    "Cannot write the {what} {path}: {problem}.": (
        "Không ghi được {what} {path}: {problem}."
    ),
    "it is not a regular file": "đó không phải là một tệp thông thường",
    "it is not writable": "tệp không cho phép ghi",
    "letter": "công văn",
    "Cannot read the template {path}: {reason}.": (
        "Không đọc được tệp mẫu {path}: {reason}."
    ),
    "The template {path} is not a Word .docx document (save it as .docx in Word "
    "or LibreOffice).": (
        "Tệp mẫu {path} không phải văn bản Word .docx (hãy lưu lại dưới dạng .docx "
        "bằng Word hoặc LibreOffice)."
    ),
    "The template {path} is not a valid template: {detail} (check its Jinja "
    "tags).": "Tệp mẫu {path} không hợp lệ: {detail} (hãy kiểm tra các thẻ Jinja).",
    "The template {path} uses fields that do not exist: {names}; the fields are "
    "{fields}.": (
        "Tệp mẫu {path} dùng trường không có: {names}; các trường có thể dùng: "
        "{fields}."
    ),
    "an expression fails ({kind})": "một biểu thức bị lỗi ({kind})",
    "The template {path} cannot be filled in: {detail}.": (
        "Không điền được tệp mẫu {path}: {detail}."
    ),
}
