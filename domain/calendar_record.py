"""The Office's own corrections to the working-day calendar, as events of one
aggregate.

The package's calendar (``domain.working_days``) knows the public holidays
and the moved days of the years whose decisions it encodes; every other
decision (a Prime Minister's notice moving a day, a province's own day off)
the Office records here, with the document it follows. The calendar has one
aggregate for the whole ledger (``CALENDAR_ID``), like the directory: each
correction is checked against the package and every earlier correction, and
two clerks recording at once conflict on its version (the later one reloads
and is checked again) instead of both being recorded unchecked.

A correction that says what the calendar already says is refused: it would
record nothing the calendar does not know, and a clerk who types it has
usually mistyped the date.

Event class names and module paths are stored with every event: they are a
public, versioned API. Rename nothing here without an upcaster.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventsourcing.domain import Aggregate

from domain.dates import show_date
from domain.errors import ConcurrentChange, TaskRuleError, TrackerError
from domain.limits import (
    CITATION_LENGTH,
    NOTE_LENGTH,
    checked_actor,
    checked_date,
    checked_text,
)
from domain.record_ids import CALENDAR_ID as CALENDAR_ID  # re-exported
from domain.working_days import Correction, WorkingCalendar, vietnam_calendar

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday")  # fmt: skip


class CalendarError(TaskRuleError):
    """A correction the calendar cannot take as asked (exit 1, nothing
    recorded)."""


class CalendarChanged(ConcurrentChange):
    """Others kept correcting the calendar, every retry included (exit 3)."""

    def __init__(self) -> None:
        TrackerError.__init__(
            self,
            "The working-day calendar was changed by someone else at the same "
            "time; nothing was recorded, please try again.",
        )
        self.code = "calendar"


@dataclass(frozen=True)
class OfficeDay:
    """One correction as recorded: the date, whether the Office works that
    day, why (the name the calendar shows) and the document it follows."""

    on: date
    working: bool
    reason: str
    document: str

    @property
    def correction(self) -> Correction:
        return Correction(self.on, self.working, self.reason)

    @property
    def cited(self) -> str:
        """What a refusal or a listing names it by: its document, else its
        reason."""
        return self.document or self.reason


class CalendarRecord(Aggregate):
    """The calendar's recorded corrections, oldest first."""

    def __init__(self) -> None:
        self.days: tuple[OfficeDay, ...] = ()

    class Event(Aggregate.Event):
        effective_on: date  # the day it was recorded, in Vietnam
        actor: str

        def apply(self, aggregate: CalendarRecord) -> None:  # type: ignore[override]
            day = self.office_day()
            if day is not None:
                aggregate.days = (*aggregate.days, day)

        def office_day(self) -> OfficeDay | None:
            """The correction this event records, if any."""
            return None

    class Opened(Event, Aggregate.Created):
        """The first correction's companion: it begins the aggregate."""

    class DayOffAdded(Event):
        on: date
        reason: str
        document: str

        def office_day(self) -> OfficeDay:
            return OfficeDay(self.on, False, self.reason, self.document)

    class WorkdayAdded(Event):
        on: date
        reason: str
        document: str

        def office_day(self) -> OfficeDay:
            return OfficeDay(self.on, True, self.reason, self.document)

    @classmethod
    def open(cls, *, actor: str, today: date) -> CalendarRecord:
        return cls._create(
            cls.Opened, id=CALENDAR_ID, effective_on=today, actor=checked_actor(actor)
        )

    @property
    def calendar(self) -> WorkingCalendar:
        """The package's calendar with the corrections recorded so far."""
        return vietnam_calendar(day.correction for day in self.days)

    def add_day_off(
        self, *, on: date, reason: str, document: str, actor: str, today: date
    ) -> OfficeDay:
        """Record that the Office does not work on ``on``."""
        return self._add(self.DayOffAdded, on, False, reason, document, actor, today)

    def add_workday(
        self, *, on: date, reason: str, document: str, actor: str, today: date
    ) -> OfficeDay:
        """Record that the Office works on ``on`` (a make-up Saturday)."""
        return self._add(self.WorkdayAdded, on, True, reason, document, actor, today)

    def _add(
        self,
        kind: type[Event],
        on: date,
        working: bool,
        reason: str,
        document: str,
        actor: str,
        today: date,
    ) -> OfficeDay:
        day = checked_office_day(on, working, reason, document)
        actor = checked_actor(actor)
        refuse_same(self.calendar, self.days, day)
        self.trigger_event(
            kind,
            effective_on=today,
            actor=actor,
            on=day.on,
            reason=day.reason,
            document=day.document,
        )
        return day


def checked_office_day(
    on: date, working: bool, reason: str, document: str
) -> OfficeDay:
    """The correction's values as stored, or a refusal naming the field."""
    return OfficeDay(
        on=checked_date(on, "date"),
        working=working,
        reason=checked_text(reason, "reason", NOTE_LENGTH),
        document=checked_text(document, "document", CITATION_LENGTH, required=False),
    )


def refuse_same(
    calendar: WorkingCalendar, recorded: tuple[OfficeDay, ...], day: OfficeDay
) -> None:
    """Refuse a correction that says what ``calendar`` already says of its
    date (which must lie in its known years), saying why."""
    shown = show_date(day.on)
    if calendar.is_working_day(day.on) != day.working:  # refuses unknown years
        return
    latest = next((d for d in reversed(recorded) if d.on == day.on), None)
    if latest is not None:
        what = "a working day" if day.working else "a day off"
        raise CalendarError(f"{shown} is already recorded as {what} ({latest.cited}).")
    listed = next(
        (d for d in calendar.exceptions_in(day.on.year) if d.on == day.on), None
    )
    if day.working:
        if listed is None:
            raise CalendarError(f"{shown} is a working day already.")
        raise CalendarError(f"{shown} is a working day already ({listed.name_vi}).")
    if listed is None:  # a plain weekend day
        raise CalendarError(
            f"{shown} is a {WEEKDAYS[day.on.weekday()]}, a day off already."
        )
    raise CalendarError(f"{shown} is a day off already ({listed.name_vi}).")
