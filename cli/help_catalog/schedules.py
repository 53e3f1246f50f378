"""Vietnamese for the help texts of periodic tasks (``assign --every``,
``list --schedule``); see ``cli.help_catalog.commands``."""

from __future__ import annotations

VI: dict[str, str] = {
    "A periodic task: one occurrence each month, quarter, half year or year.": (
        "Nhiệm vụ định kỳ: mỗi tháng, quý, nửa năm hoặc năm một lần."
    ),
    "With --every: each occurrence's deadline, a day of the month (1-31; 31 "
    "in a shorter month is its last day).": (
        "Dùng với --every: hạn của mỗi kỳ, là một ngày trong tháng (1-31; ngày "
        "31 ở tháng ít ngày hơn là ngày cuối tháng đó)."
    ),
    "With --every: the month of the deadline day: the period's last month "
    "(default, as Decree 09/2019 sets reports), its first month (same-month) "
    "or the month after it (next-month).": (
        "Dùng với --every: tháng có ngày hạn: tháng cuối kỳ (mặc định, như Nghị "
        "định 09/2019 quy định thời hạn báo cáo), tháng đầu kỳ (same-month) "
        "hoặc tháng sau kỳ (next-month)."
    ),
    "With --every: the first date of the duty (default: --assigned, else today).": (
        "Dùng với --every: ngày bắt đầu thực hiện (mặc định: --assigned, nếu "
        "không có thì hôm nay)."
    ),
    "With --every: no occurrence of a period beginning after it.": (
        "Dùng với --every: không có nhiệm vụ của kỳ nào bắt đầu sau ngày này."
    ),
    "Only the occurrences of this periodic task (CODE/2024-Q1, ...), in "
    "period order.": (
        "Chỉ các kỳ của nhiệm vụ định kỳ này (MÃ/2024-Q1, ...), theo thứ tự kỳ."
    ),
}
