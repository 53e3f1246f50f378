"""Vietnamese for the deadline rule's setting (``tracker.settings``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "The setting {name} is on or off, not {value}.": (
        "Thiết lập {name} chỉ nhận on (bật) hoặc off (tắt), không nhận {value}."
    ),
    "There is no setting named {name}; the settings are office, "
    "deadline_rolls_to_working_day, undo_window_minutes.": (
        "Không có thiết lập tên {name}; các thiết lập gồm: 'office' (tên cơ quan "
        "ở đầu văn bản), 'deadline_rolls_to_working_day' (thời hạn rơi vào "
        "ngày nghỉ tính đến hết ngày làm việc tiếp theo) và "
        "'undo_window_minutes' (số phút còn hủy ghi nhận được)."
    ),
}
