"""Use cases of periodic tasks: schedules and their occurrences.

A schedule is one aggregate per code (``domain.schedule``); each period's
occurrence is an ordinary task (``CODE/2024-Q1``) recorded through the
ledger like any other, so reports, reminders and completion treat it as
one. Occurrences are recorded by ``assign --every`` (the periods already
begun) and by ``sweep`` (every period begun since), in the command's
batch, and only those missing: recording them twice records nothing.

The schedules are found without a read model: their IDs share their first
half (``SCHEDULE_ID_PREFIX``), so their creation events are one range of
the events table's aggregate index, a few rows however long the log.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.errors import DuplicateTask
from domain.limits import LATEST_DATE, checked_code
from domain.schedule import (
    Occurrence,
    Schedule,
    ScheduleError,
    checked_recurrence,
    schedule_id,
)
from domain.task import Task
from tracker.eventstore.ids import IN_RANGE, from_stored_id, schedule_range

if TYPE_CHECKING:
    from tracker.ledger import TaskLedger

TASK_FIELDS = ("title", "assigner", "lead_agency", "co_agencies", "document")


def record_schedule(
    ledger: TaskLedger,
    *,
    actor: str,
    code: str,
    every: str,
    due_day: int,
    due_in: str,
    starts_on: date,
    until: date | None,
    **fields: Any,
) -> tuple[Schedule, list[str]]:
    """Record a schedule and the occurrences of the periods begun by today,
    all or nothing; the schedule and the codes recorded. ``fields`` are an
    occurrence's title, assigner, lead_agency, co_agencies and document."""
    code = checked_code(code)
    recurrence = checked_recurrence(every, due_day, due_in, starts_on, until)
    if ledger.exists(code):
        raise ScheduleError(
            f"{code} is a task's code; a schedule needs a code of its own."
        )
    if find_schedule(ledger, code) is not None:
        raise ScheduleError(f"Schedule {code} is already recorded.")
    _refuse_taken_periods(ledger, code, recurrence)
    # The values as an occurrence would store them, checked as a task's are.
    probe = Task.assign(
        code=code, assigned_on=recurrence.starts_on, due_on=None, actor=actor,
        today=max(recurrence.starts_on, ledger.today()), **fields,
    )  # fmt: skip
    facts = probe.facts
    task_fields: dict[str, object] = {
        "title": facts.title,
        "assigner": facts.assigner,
        "lead_agency": facts.lead_agency,
        "co_agencies": list(facts.co_agencies),
        "document": facts.document,
    }
    schedule = Schedule.record(
        code=code,
        recurrence=recurrence,
        task_fields=task_fields,
        actor=actor,
        today=ledger.today(),
    )
    with ledger.batch():
        try:
            ledger.save(schedule)
        except IntegrityError:
            raise DuplicateTask(code) from None
        created = _record_occurrences(ledger, schedule, ledger.today(), actor)
    return schedule, created


def refuse_schedule_code(ledger: TaskLedger, code: str) -> None:
    """A task may not take a schedule's code, nor the code of one of its
    periods (``sweep`` records those): it would stand for the period."""
    code = checked_code(code)
    if find_schedule(ledger, code) is not None:
        raise ScheduleError(
            f"{code} is a schedule's code; a task needs a code of its own."
        )
    if is_period(ledger, code):
        schedule = code.rpartition("/")[0]
        raise ScheduleError(
            f"{code} is the code of a period of the schedule {schedule}; "
            "'tracker sweep' records it."
        )


def is_period(ledger: TaskLedger, code: str) -> bool:
    """Whether ``code`` is a period's (``SCHEDULE/label``) of a schedule the
    ledger holds."""
    schedule, slash, _ = code.rpartition("/")
    return bool(slash) and find_schedule(ledger, schedule) is not None


def _refuse_taken_periods(ledger: TaskLedger, code: str, recurrence: Any) -> None:
    """A schedule whose periods' codes tasks already hold would take those
    tasks for its periods: refused, naming the first (periods looked at for
    thirty years, or to ``until``)."""
    horizon = date(min(recurrence.starts_on.year + 30, LATEST_DATE.year), 12, 31)
    periods = recurrence.occurrences(min(recurrence.until or horizon, horizon))
    taken = ledger.existing_codes([f"{code}/{period.label}" for period in periods])
    if taken:
        raise ScheduleError(
            f"{sorted(taken)[0]} is a task's code already; the schedule {code} "
            "would take it for its period."
        )


def find_schedule(ledger: TaskLedger, code: str) -> Schedule | None:
    try:
        return cast(Schedule, ledger.repository.get(schedule_id(code)))
    except AggregateNotFoundError:
        return None


def cancel_schedule(
    ledger: TaskLedger, code: str, *, on: date, reason: str, document: str, actor: str
) -> Schedule:
    """Stop the occurrences of the periods beginning after ``on``; those
    already recorded stay, each cancelled on its own if need be."""
    schedule = find_schedule(ledger, code)
    if schedule is None:
        raise ScheduleError(f"No schedule with code {checked_code(code)}.")
    schedule.cancel(
        on=on, reason=reason, document=document, actor=actor, today=ledger.today()
    )
    ledger.save(schedule)  # a conflict: the other cancellation won, refuse
    return schedule


def all_schedules(ledger: TaskLedger) -> list[Schedule]:
    """Every schedule, in code order (one range of the aggregate index)."""
    store = ledger.store
    with store.transaction(commit=False) as sql:
        rows = sql.rows(
            f"SELECT originator_id FROM {store.events_table}"
            f" WHERE {IN_RANGE} AND originator_version = 1",
            **schedule_range(store.is_sqlite),
        )
    schedules = [
        cast(Schedule, ledger.repository.get(from_stored_id(row[0]))) for row in rows
    ]
    return sorted(schedules, key=lambda schedule: schedule.code)


def record_due_occurrences(ledger: TaskLedger, as_of: date, actor: str) -> int:
    """Record every schedule's missing occurrences of the periods begun by
    ``as_of``, in one batch; how many."""
    with ledger.batch():
        return sum(
            len(_record_occurrences(ledger, schedule, as_of, actor))
            for schedule in all_schedules(ledger)
        )


def missing_occurrences(ledger: TaskLedger, as_of: date) -> int:
    """How many occurrences of periods begun by ``as_of`` (at most today)
    are not recorded yet; reads only."""
    as_of = min(as_of, ledger.today())
    return sum(len(_missing(ledger, s, as_of)) for s in all_schedules(ledger))


def occurrence_code(schedule: Schedule, occurrence: Occurrence) -> str:
    return f"{schedule.code}/{occurrence.label}"


def _missing(ledger: TaskLedger, schedule: Schedule, as_of: date) -> list[Occurrence]:
    assert schedule.recurrence is not None
    due = schedule.recurrence.occurrences(as_of)
    taken = ledger.existing_codes([occurrence_code(schedule, o) for o in due])
    return [o for o in due if occurrence_code(schedule, o) not in taken]


def _record_occurrences(
    ledger: TaskLedger, schedule: Schedule, as_of: date, actor: str
) -> list[str]:
    """Record the schedule's missing occurrences begun by ``as_of`` (inside
    the caller's batch); their codes."""
    recorded = []
    for occurrence in _missing(ledger, schedule, as_of):
        task = Task.assign(
            code=occurrence_code(schedule, occurrence),
            assigned_on=occurrence.assigned_on,
            due_on=occurrence.due_on,
            actor=actor,
            today=ledger.today(),
            **{name: schedule.task_fields[name] for name in TASK_FIELDS},  # type: ignore[arg-type]
        )
        try:
            ledger.save(task)
        except IntegrityError:
            raise DuplicateTask(task.facts.code) from None
        recorded.append(task.facts.code)
    return recorded
