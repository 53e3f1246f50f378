"""Periodic tasks: a schedule, its periods, and each period's deadline.

A document that sets a recurring duty ("báo cáo định kỳ hằng quý, trước
ngày 15 của tháng cuối quý") is recorded once, as a ``Schedule``; each of
its periods is then a task of its own (an *occurrence*, ``CODE/2024-Q1``),
assigned on the first day of its period (not before the schedule's first
date) and due on the schedule's day of the month:

- ``last-month`` (the default): in the period's last month, as Decree
  09/2019/NĐ-CP sets periodic reports ("ngày 20 của tháng cuối kỳ báo cáo");
- ``same-month``: in the period's first month;
- ``next-month``: in the month after the period ends.

For a monthly schedule ``same-month`` and ``last-month`` are the same month.
A day the month does not have (31 in April, 30 in February) is the month's
last day. A period whose deadline would come before the schedule's first
date has no occurrence: the duty begins with the next period.

The schedule's ID is derived from its code, in a namespace of its own and
with a fixed first half (``SCHEDULE_ID_PREFIX``), so that it is never a
task's ID and the ledger finds every schedule by one range of its aggregate
index (``tracker.schedules``) without a read model.

Event class names and module paths are stored with every event: they are a
public, versioned API. Rename nothing here without an upcaster.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass
from datetime import date

from eventsourcing.domain import Aggregate

from domain.checks import cleaned_text
from domain.codes import SCHEDULE_ID_PREFIX
from domain.dates import show_date
from domain.errors import TaskRuleError
from domain.limits import (
    CITATION_LENGTH,
    CODE_LENGTH,
    NOTE_LENGTH,
    checked_actor,
    checked_code,
    checked_date,
    checked_optional_date,
    optional_text,
)

MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}
DUE_IN = ("last-month", "same-month", "next-month")
DEFAULT_DUE_IN = "last-month"
SCHEDULE_NAMESPACE = uuid.UUID("3a9c7e14-52d8-5b6f-8e21-d4f0b7a6c935")
LABEL_LENGTH = len("/2024-Q1")  # the longest an occurrence adds to its code
SCHEDULE_CODE_LENGTH = CODE_LENGTH - LABEL_LENGTH


class ScheduleError(TaskRuleError):
    """A schedule the rules refuse (exit 1, nothing recorded)."""


def schedule_id(code: str) -> uuid.UUID:
    """The aggregate ID of the schedule ``code`` (checked and normalised)."""
    tail = uuid.uuid5(SCHEDULE_NAMESPACE, checked_code(code)).bytes[8:]
    return uuid.UUID(bytes=SCHEDULE_ID_PREFIX + tail)


@dataclass(frozen=True)
class Occurrence:
    """One period of a schedule: its label, its dates, and the task's."""

    label: str
    start: date
    end: date
    assigned_on: date
    due_on: date


@dataclass(frozen=True)
class Recurrence:
    """How a schedule repeats: the pure part of a ``Schedule``."""

    every: str
    due_day: int
    due_in: str
    starts_on: date
    until: date | None = None
    stops_after: date | None = None  # cancelled: no period begins after it

    def occurrences(self, as_of: date) -> list[Occurrence]:
        """The periods begun by ``as_of``, oldest first, that have an
        occurrence: from the one holding ``starts_on`` to the last that
        begins on or before ``until`` and ``stops_after``."""
        last = min(d for d in (as_of, self.until, self.stops_after) if d is not None)
        found = []
        start = period_start(self.every, self.starts_on)
        while start <= last:
            end = period_end(self.every, start)
            due_on = due_date(self.every, start, self.due_day, self.due_in)
            if due_on >= self.starts_on:
                assigned_on = max(start, self.starts_on)
                label = period_label(self.every, start)
                found.append(Occurrence(label, start, end, assigned_on, due_on))
            start = _add_months(start, MONTHS[self.every])
        return found


def period_start(every: str, day: date) -> date:
    """The first day of the period of kind ``every`` holding ``day``."""
    months = MONTHS[every]
    month = (day.month - 1) // months * months + 1
    return date(day.year, month, 1)


def period_end(every: str, start: date) -> date:
    last = _add_months(start, MONTHS[every] - 1)
    return _day_of(last.year, last.month, 31)


def period_label(every: str, start: date) -> str:
    """``2024-03``, ``2024-Q1``, ``2024-H1`` or ``2024``: the forms
    ``domain.periods`` reads, so a report can be asked for the same period."""
    if every == "month":
        return f"{start.year}-{start.month:02d}"
    if every == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if every == "half":
        return f"{start.year}-H{(start.month - 1) // 6 + 1}"
    return f"{start.year}"


def due_date(every: str, start: date, due_day: int, due_in: str) -> date:
    """The deadline of the period beginning on ``start`` (see the module)."""
    offset = {"same-month": 0, "last-month": MONTHS[every] - 1}.get(
        due_in, MONTHS[every]
    )
    month = _add_months(start, offset)
    return _day_of(month.year, month.month, due_day)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _day_of(year: int, month: int, day: int) -> date:
    """``day`` of the month, or its last day if it has none such."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def checked_recurrence(
    every: str, due_day: int, due_in: str, starts_on: date, until: date | None
) -> Recurrence:
    """The recurrence as stored, or a refusal naming the value."""
    if every not in MONTHS:
        raise ScheduleError(
            f"Every {every!r} is not a period; use month, quarter, half or year."
        )
    if not 1 <= due_day <= 31:
        raise ScheduleError(f"The due day {due_day} is not a day of a month (1-31).")
    if due_in not in DUE_IN:
        raise ScheduleError(
            f"Due in {due_in!r} is not a month of the period; use last-month, "
            "same-month or next-month."
        )
    starts_on = checked_date(starts_on, "first date")
    until = checked_optional_date(until, "last date")
    if until is not None and until < starts_on:
        raise ScheduleError(
            f"The schedule's last date {show_date(until)} is before its first "
            f"date {show_date(starts_on)}."
        )
    return Recurrence(every, due_day, due_in, starts_on, until)


class Schedule(Aggregate):
    """A recurring duty: what each occurrence copies, and how it repeats."""

    def __init__(self) -> None:
        """``Scheduled.apply`` sets the rest."""
        self.code = ""
        self.task_fields: dict[str, object] = {}
        self.recurrence: Recurrence | None = None
        self.cancelled_on: date | None = None

    class Event(Aggregate.Event):
        effective_on: date
        actor: str

    class Scheduled(Event, Aggregate.Created):
        code: str
        title: str
        assigner: str
        lead_agency: str
        co_agencies: list[str]
        document: str
        every: str
        due_day: str  # text, as every field the append path checks
        due_in: str
        starts_on: date
        until: date | None

        def apply(self, aggregate: Schedule) -> None:  # type: ignore[override]
            aggregate.code = self.code
            aggregate.task_fields = {
                "title": self.title,
                "assigner": self.assigner,
                "lead_agency": self.lead_agency,
                "co_agencies": list(self.co_agencies),
                "document": self.document,
            }
            aggregate.recurrence = Recurrence(
                self.every, int(self.due_day), self.due_in, self.starts_on, self.until
            )

    class ScheduleCancelled(Event):
        reason: str
        document: str

        def apply(self, aggregate: Schedule) -> None:  # type: ignore[override]
            aggregate.cancelled_on = self.effective_on
            recurrence = aggregate.recurrence
            assert recurrence is not None
            aggregate.recurrence = Recurrence(
                recurrence.every,
                recurrence.due_day,
                recurrence.due_in,
                recurrence.starts_on,
                recurrence.until,
                self.effective_on,
            )

    @classmethod
    def record(
        cls, *, code: str, recurrence: Recurrence, task_fields: dict[str, object],
        actor: str, today: date,
    ) -> Schedule:  # fmt: skip
        """A new schedule; ``task_fields`` are an occurrence's fields as
        ``Task.assign`` checked them (title, assigner, agencies, document)."""
        code = checked_code(code)
        if len(code) > SCHEDULE_CODE_LENGTH:
            raise ScheduleError(
                f"The schedule code {code} is longer than {SCHEDULE_CODE_LENGTH} "
                "characters (its occurrences add a period to it)."
            )
        return cls._create(
            cls.Scheduled,
            id=schedule_id(code),
            effective_on=today,
            actor=checked_actor(actor),
            code=code,
            every=recurrence.every,
            due_day=str(recurrence.due_day),
            due_in=recurrence.due_in,
            starts_on=recurrence.starts_on,
            until=recurrence.until,
            **task_fields,
        )

    def cancel(
        self, *, on: date, reason: str, document: str, actor: str, today: date
    ) -> None:
        """Stop the occurrences of the periods beginning after ``on``."""
        on = checked_date(on, "cancellation date")
        reason = cleaned_text(reason, "reason for cancelling", NOTE_LENGTH)
        document = optional_text(document, "cancellation document", CITATION_LENGTH)
        actor = checked_actor(actor)
        if self.cancelled_on is not None:
            raise ScheduleError(
                f"Schedule {self.code} was cancelled on "
                f"{show_date(self.cancelled_on)} already."
            )
        if on > today:
            raise ScheduleError(
                f"Schedule {self.code}: the cancellation date {show_date(on)} is "
                "in the future."
            )
        assert self.recurrence is not None
        if on < self.recurrence.starts_on:
            raise ScheduleError(
                f"Schedule {self.code}: the cancellation date {show_date(on)} is "
                f"before it began ({show_date(self.recurrence.starts_on)})."
            )
        self.trigger_event(
            self.ScheduleCancelled,
            effective_on=on,
            actor=actor,
            reason=reason,
            document=document,
        )
