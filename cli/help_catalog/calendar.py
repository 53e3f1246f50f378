"""Vietnamese for the help texts of ``tracker calendar`` (the working-day
calendar and the Office's corrections); see ``cli.help_catalog.commands``."""

from __future__ import annotations

VI: dict[str, str] = {
    "The working-day calendar deadlines in working days are counted on: "
    "weekends and Vietnam's public holidays from the holidays package, plus "
    "the Office's own corrections.": (
        "Lịch ngày làm việc dùng để tính các thời hạn theo ngày làm việc: ngày "
        "nghỉ cuối tuần và các ngày lễ, Tết của Việt Nam theo gói holidays, "
        "cùng các điều chỉnh do Văn phòng tự ghi."
    ),
    "Record a day off the package does not know: a weekday the Government or "
    "the province gives off (a moved day, nghỉ bù).": (
        "Ghi một ngày nghỉ mà gói holidays không có: ngày thường được Chính phủ "
        "hoặc tỉnh cho nghỉ (ngày nghỉ hoán đổi, nghỉ bù)."
    ),
    "Record a working day the package does not know: a Saturday worked to "
    "make up for a moved day off (làm bù).": (
        "Ghi một ngày làm việc mà gói holidays không có: ngày thứ Bảy đi làm "
        "bù cho ngày nghỉ hoán đổi (làm bù)."
    ),
    "List the year's days off that are not plain weekends and its make-up "
    "working Saturdays, each with its name and source, then where each "
    "year's data comes from; the Office's own corrections are marked.": (
        "Liệt kê các ngày nghỉ trong năm (ngoài thứ Bảy, Chủ nhật thông "
        "thường) và các ngày thứ Bảy làm bù, kèm tên ngày và nguồn, rồi cho "
        "biết dữ liệu của từng năm lấy từ đâu; các ngày do Văn phòng tự ghi "
        "được đánh dấu."
    ),
    "Why: the name the calendar shows for the day (e.g. 'Nghỉ bù Tết').": (
        "Lý do: tên ngày sẽ hiện trong lịch (ví dụ 'Nghỉ bù Tết')."
    ),
    "The decision or notice it follows (e.g. 'Quyết định 123/QĐ-UBND').": (
        "Quyết định hoặc thông báo làm căn cứ (ví dụ 'Quyết định 123/QĐ-UBND')."
    ),
}
