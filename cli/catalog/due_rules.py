"""Vietnamese for the refusals of deadlines typed as rules and counted from
the task's own date (``domain.task.deadline_from``, ``Task.assign``)."""

from __future__ import annotations

VI: dict[str, str] = {
    "rule of the due date": "cách tính thời hạn hoàn thành",
    "rule of the new due date": "cách tính thời hạn mới",
    "The {field} rule '{rule}' gave no date.": (
        "Cách tính {field} '{rule}' không cho ra ngày nào."
    ),
}
