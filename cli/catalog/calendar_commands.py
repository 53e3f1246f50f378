"""Vietnamese for the messages of the Office's corrections to the working-day
calendar (``tracker calendar``, ``domain.calendar_record``; see
``cli.catalog``)."""

from __future__ import annotations

VI: dict[str, str] = {
    # Field names the refusals put into their sentences
    "reason": "lý do",
    "date": "ngày",
    "the calendar": "lịch ngày làm việc",
    # Confirmations (cli/calendar_commands.py)
    "Recorded {date} as a day off: {name}.": (
        "Đã ghi ngày {date} là ngày nghỉ: {name}."
    ),
    "Recorded {date} as a working day: {name}.": (
        "Đã ghi ngày {date} là ngày làm việc: {name}."
    ),
    # Refusals (domain/calendar_record.py)
    "{date} is already recorded as a day off ({document}).": (
        "Ngày {date} đã được ghi là ngày nghỉ ({document})."
    ),
    "{date} is already recorded as a working day ({document}).": (
        "Ngày {date} đã được ghi là ngày làm việc ({document})."
    ),
    "{date} is a working day already.": "Ngày {date} vốn đã là ngày làm việc.",
    "{date} is a working day already ({name}).": (
        "Ngày {date} vốn đã là ngày làm việc ({name})."
    ),
    "{date} is a day off already ({name}).": (
        "Ngày {date} vốn đã là ngày nghỉ ({name})."
    ),
    "{date} is a Saturday, a day off already.": (
        "Ngày {date} là thứ Bảy, vốn đã là ngày nghỉ."
    ),
    "{date} is a Sunday, a day off already.": (
        "Ngày {date} là Chủ nhật, vốn đã là ngày nghỉ."
    ),
    "The working-day calendar was changed by someone else at the same time; "
    "nothing was recorded, please try again.": (
        "Lịch ngày làm việc vừa được người khác thay đổi cùng lúc; chưa ghi gì, "
        "đề nghị thực hiện lại."
    ),
    # verify --read-models (tracker/audit/row_comparison.py)
    "The read models differ from the log: calendar_days has a row (position "
    "{position}) that the calendar's events do not make; run 'tracker "
    "projections rebuild'.": (
        "Dữ liệu tổng hợp khác với nhật ký: bảng calendar_days có một dòng (vị "
        "trí {position}) mà các sự kiện của lịch ngày làm việc không tạo ra; hãy "
        "chạy 'tracker projections rebuild'."
    ),
    "The read models differ from the log: calendar_days has a row that the "
    "calendar's events do not make; run 'tracker projections rebuild'.": (
        "Dữ liệu tổng hợp khác với nhật ký: bảng calendar_days có một dòng mà "
        "các sự kiện của lịch ngày làm việc không tạo ra; hãy chạy 'tracker "
        "projections rebuild'."
    ),
}
