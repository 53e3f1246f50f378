"""Days overdue and days left in working days, on one date: what the overdue
list and the listing show beside the calendar days (``working_days_overdue``,
``working_days_left``), counted on the calendar the read models hold.

A date the calendar does not know (before its first year or after its last)
has no working-day count (``None``, JSON ``null``) rather than a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.working_days import WorkingCalendar


@dataclass
class WorkingDays:
    calendar: WorkingCalendar
    as_of: date
    _since: dict[int, int | None] = field(default_factory=dict)

    def between(self, start: date, end: date) -> int | None:
        """Working days in (start, end], negative when end comes first."""
        calendar = self.calendar
        if not (calendar.covers(start) and calendar.covers(end)):
            return None
        return calendar.working_days_between(start, end)

    def since(self, due_day: int) -> int | None:
        """Working days overdue on ``as_of`` of a task due on the day of
        ordinal ``due_day`` (many tasks share a due day: counted once)."""
        if due_day not in self._since:
            self._since[due_day] = self.between(date.fromordinal(due_day), self.as_of)
        return self._since[due_day]

    def until(self, due: date) -> int | None:
        """Working days left on ``as_of`` until ``due``."""
        return self.between(self.as_of, due)

    def overdue_tail(self, due_day: int) -> bytes:
        """What closes an overdue entry due on that day (JSON, UTF-8)."""
        count = self.since(due_day)
        shown = b"null" if count is None else str(count).encode()
        return b', "working_days_overdue": ' + shown + b"}"
