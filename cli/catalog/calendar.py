"""Vietnamese for the working-day calendar's and the deadline rules'
refusals (``domain.working_days``, ``domain.due_rules``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "The working-day calendar knows the years {first} to {last}; {date} is "
    "outside them.": (
        "Lịch ngày làm việc chỉ có các năm từ {first} đến {last}; ngày {date} "
        "nằm ngoài các năm đó."
    ),
    "The working-day calendar knows the years up to {last}; {count} working "
    "days after {start} fall after them.": (
        "Lịch ngày làm việc chỉ có các năm đến hết năm {last}; {count} ngày làm "
        "việc sau ngày {start} vượt ra ngoài các năm đó."
    ),
    "The {field} '{rule}' counts backwards; a deadline comes after the date it "
    "counts from (write it like 10wd).": (
        "{field} '{rule}' đếm lùi; thời hạn phải sau ngày bắt đầu tính (ghi như "
        "10wd hoặc 10 ngày làm việc)."
    ),
    "The {field} '{rule}' counts no days; a deadline comes at least one day "
    "after the date it counts from.": (
        "{field} '{rule}' không tính ngày nào; thời hạn phải sau ngày bắt đầu "
        "tính ít nhất một ngày."
    ),
    "The {field} '{rule}' counts more than 3,660 working days; check the number.": (
        "{field} '{rule}' tính quá 3.660 ngày làm việc; hãy kiểm tra lại con số."
    ),
    "The {field} '{rule}' counts more than 3,660 days; check the number.": (
        "{field} '{rule}' tính quá 3.660 ngày; hãy kiểm tra lại con số."
    ),
}
