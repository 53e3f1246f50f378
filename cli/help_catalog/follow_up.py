"""Vietnamese for the help texts of the follow-up commands (remind, confirm,
tra-lai); see ``cli.help_catalog.commands``."""

from __future__ import annotations

VI: dict[str, str] = {
    # remind
    "Record a reminder letter (công văn đôn đốc) on each task of an agency that "
    "is overdue on --on (and, with --due-within, falling due), or on the tasks "
    "named; all of them or none.": (
        "Ghi nhận công văn đôn đốc cho từng nhiệm vụ của một cơ quan đang quá hạn "
        "vào ngày --on (và, với --due-within, sắp đến hạn), hoặc cho các nhiệm vụ "
        "được ghi mã; ghi nhận tất cả hoặc không ghi gì."
    ),
    "Remind this lead agency (no accents needed).": (
        "Cơ quan chủ trì được đôn đốc (không cần gõ dấu)."
    ),
    "Remind this task instead (repeatable; not with --agency).": (
        "Đôn đốc nhiệm vụ này (có thể ghi nhiều lần; không dùng cùng --agency)."
    ),
    "Date of the reminder letter.": "Ngày của công văn đôn đốc.",
    "The reminder letter's number, e.g. 1018/UBND-CCHC.": (
        "Số công văn đôn đốc, ví dụ 1018/UBND-CCHC."
    ),
    "Also remind the agency's open tasks due in the next DAYS days.": (
        "Đôn đốc thêm các nhiệm vụ chưa hoàn thành của cơ quan sẽ đến hạn trong "
        "DAYS ngày tới."
    ),
    # confirm
    "Confirm a completion an agency reported (the date it reported still "
    "decides on time or late); send one back with reopen (tra-lai).": (
        "Xác nhận kết quả hoàn thành do cơ quan báo cáo (ngày báo cáo vẫn quyết "
        "định đúng hạn hay quá hạn); trả lại kết quả bằng lệnh reopen (tra-lai)."
    ),
    "Date the Office confirmed it.": "Ngày Văn phòng xác nhận.",
    "Confirming document, if any.": "Văn bản xác nhận, nếu có.",
    # tra-lai
    "Send a reported completion back to the agency: the same as reopen.": (
        "Trả lại kết quả hoàn thành cho cơ quan báo cáo: giống lệnh reopen."
    ),
}
