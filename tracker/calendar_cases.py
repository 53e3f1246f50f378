"""Use cases of the working-day calendar: the Office's own corrections.

The calendar is one aggregate (``domain.calendar_record``), changed the way
the ledger changes the directory: load it (or open it with the first
correction), let it check the correction against the package and every
earlier correction, and save through the ledger, so the events, their chain
rows and their read-model rows are recorded together; on a conflict
(another clerk corrected it meanwhile) reload, check again and retry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from eventsourcing.application import AggregateNotFoundError

from domain.calendar_record import (
    CALENDAR_ID,
    CalendarChanged,
    CalendarRecord,
    OfficeDay,
)
from domain.working_days import WorkingCalendar, vietnam_calendar
from tracker.record_changes import change_record

if TYPE_CHECKING:
    from tracker.ledger import TaskLedger


def record_day_off(
    ledger: TaskLedger, on: date, reason: str, document: str, actor: str
) -> OfficeDay:
    """Record that the Office does not work on ``on`` (a moved day, a day
    off of its own)."""
    return _change_calendar(
        ledger,
        lambda record: record.add_day_off(
            on=on, reason=reason, document=document, actor=actor, today=ledger.today()
        ),
        actor,
    )


def record_workday(
    ledger: TaskLedger, on: date, reason: str, document: str, actor: str
) -> OfficeDay:
    """Record that the Office works on ``on`` (a make-up Saturday)."""
    return _change_calendar(
        ledger,
        lambda record: record.add_workday(
            on=on, reason=reason, document=document, actor=actor, today=ledger.today()
        ),
        actor,
    )


def recorded_calendar(ledger: TaskLedger) -> WorkingCalendar:
    """The calendar as its own events say (not a read model)."""
    record = _load(ledger)
    if record is None:
        return vietnam_calendar()
    return record.calendar


def _load(ledger: TaskLedger) -> CalendarRecord | None:
    try:
        return cast(CalendarRecord, ledger.repository.get(CALENDAR_ID))
    except AggregateNotFoundError:
        return None


def _change_calendar(
    ledger: TaskLedger, command: Callable[[CalendarRecord], OfficeDay], actor: str
) -> OfficeDay:
    """Apply ``command`` to the calendar (opened by its first correction) and
    save, retrying on conflicts (``tracker.record_changes``)."""

    def load() -> CalendarRecord:
        return _load(ledger) or CalendarRecord.open(actor=actor, today=ledger.today())

    return change_record(ledger, load, command, CalendarChanged)
