"""Vietnamese for periodic tasks' confirmations and refusals
(``domain.schedule``, ``tracker.schedules``, ``assign --every``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "{code} is a periodic task's schedule, not a task; its periods are listed "
    "by 'tracker list --schedule {code}'.": (
        "{code} là lịch của một nhiệm vụ định kỳ, không phải một nhiệm vụ; các "
        "kỳ của nó được liệt kê bằng 'tracker list --schedule {code}'."
    ),
    "With --every, --from and --assigned both give the first date: give one.": (
        "Với --every, --from và --assigned đều là ngày bắt đầu: chỉ ghi một."
    ),
    "Scheduled {code} every month from {date}; recorded {count} occurrences.": (
        "Đã ghi lịch {code} hằng tháng từ ngày {date}; đã ghi {count} kỳ."
    ),
    "Scheduled {code} every quarter from {date}; recorded {count} occurrences.": (
        "Đã ghi lịch {code} hằng quý từ ngày {date}; đã ghi {count} kỳ."
    ),
    "Scheduled {code} every half from {date}; recorded {count} occurrences.": (
        "Đã ghi lịch {code} mỗi nửa năm từ ngày {date}; đã ghi {count} kỳ."
    ),
    "Scheduled {code} every year from {date}; recorded {count} occurrences.": (
        "Đã ghi lịch {code} hằng năm từ ngày {date}; đã ghi {count} kỳ."
    ),
    "Recorded {count} occurrences of periodic tasks.": (
        "Đã ghi {count} kỳ của các nhiệm vụ định kỳ."
    ),
    "{count} occurrences of periodic tasks are not recorded yet: run 'tracker "
    "sweep'.": (
        "Còn {count} kỳ của nhiệm vụ định kỳ chưa được ghi: hãy chạy 'tracker sweep'."
    ),
    "Cancelled schedule {code}: no occurrence of a period beginning after "
    "{date}; those recorded stay.": (
        "Đã hủy lịch {code}: không ghi kỳ nào bắt đầu sau ngày {date}; các kỳ đã "
        "ghi vẫn giữ."
    ),
    "Every {every} is not a period; use month, quarter, half or year.": (
        "{every} không phải là một kỳ; dùng month, quarter, half hoặc year."
    ),
    "The due day {day} is not a day of a month (1-31).": (
        "Ngày hạn {day} không phải là một ngày trong tháng (1-31)."
    ),
    "Due in {due_in} is not a month of the period; use last-month, same-month "
    "or next-month.": (
        "{due_in} không phải là một tháng của kỳ; dùng last-month, same-month "
        "hoặc next-month."
    ),
    "The schedule's last date {until} is before its first date {date}.": (
        "Ngày kết thúc của lịch {until} trước ngày bắt đầu {date}."
    ),
    "The schedule code {code} is longer than {length} characters (its "
    "occurrences add a period to it).": (
        "Mã lịch {code} dài quá {length} ký tự (mỗi kỳ còn thêm tên kỳ vào mã)."
    ),
    "{code} is a task's code; a schedule needs a code of its own.": (
        "{code} là mã của một nhiệm vụ; lịch định kỳ cần mã riêng."
    ),
    "{code} is the code of a period of the schedule {schedule}; 'tracker sweep' "
    "records it.": (
        "{code} là mã một kỳ của nhiệm vụ định kỳ {schedule}; lệnh 'tracker sweep' "
        "sẽ ghi kỳ này."
    ),
    "{taken} is a task's code already; the schedule {code} would take it for its "
    "period.": (
        "{taken} đã là mã của một nhiệm vụ; nhiệm vụ định kỳ {code} sẽ coi nhiệm "
        "vụ đó là một kỳ của mình."
    ),
    "Schedule {code}: the cancellation date {on} is before it began ({start}).": (
        "Nhiệm vụ định kỳ {code}: ngày dừng {on} trước ngày bắt đầu ({start})."
    ),
    "{code} is a schedule's code; a task needs a code of its own.": (
        "{code} là mã của một lịch định kỳ; nhiệm vụ cần mã riêng."
    ),
    "Schedule {code} is already recorded.": "Lịch {code} đã được ghi.",
    "No schedule with code {code}.": "Không có lịch định kỳ mã {code}.",
    "Schedule {code} was cancelled on {date} already.": (
        "Lịch {code} đã bị hủy từ ngày {date}."
    ),
    "Schedule {code}: the cancellation date {date} is in the future.": (
        "Lịch {code}: ngày hủy {date} là ngày trong tương lai."
    ),
    "--due-day, --due-in, --from and --until need --every.": (
        "--due-day, --due-in, --from và --until chỉ dùng cùng --every."
    ),
    "--every sets each occurrence's deadline: give --due-day, not --due.": (
        "--every tự định hạn của mỗi kỳ: hãy dùng --due-day, không dùng --due."
    ),
    "--every needs --due-day (the deadline's day).": (
        "--every cần --due-day (ngày hạn trong tháng)."
    ),
    "Missing option '--assigned'.": "Thiếu tùy chọn '--assigned'.",
}
