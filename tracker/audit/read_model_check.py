"""Proving the read models: they equal a replay of the log at their position.

Reports count from the read models, so a row changed behind the tool's back
changes a figure while the chain of events stays whole. The check replays the
log up to the position the read models track, in batches of whole task
histories in aggregate order (``tracker.bulk.rebuild.whole_histories``), makes
each batch's rows with the projection's own pure code
(``TaskReadModel.rows_from_histories``) and compares them with the stored
rows of those tasks. Then it counts each table's rows: a row of a task the
log does not hold is in no batch, and only the count shows it. The
directory's and the calendar's few rows (``projections.directory``,
``projections.calendar``) are compared whole.

Everything stored is read in the caller's snapshot (``Audit.snapshot``). A
helper process may prepare the expected rows meanwhile, on its own
connection, as a rebuild does: it reads only positions up to the tracked one,
which an append-only log never changes once they are applied.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import Mapper, Notification

from database.plain_sql import PlainSQL
from domain.calendar_record import CALENDAR_ID
from domain.directory import DIRECTORY_ID
from domain.errors import IntegrityFailure
from projections.calendar import calendar_rows
from projections.catch_up import log_batches
from projections.directory import Row, directory_rows
from projections.task_rows import TaskRows
from projections.tasks import TaskReadModel
from tracker.audit.row_comparison import (
    REBUILD,
    TABLES,
    compare_batch,
    compare_calendar,
    compare_counts,
    compare_directory,
)
from tracker.audit.stored_values import code_in_state, shown
from tracker.bulk.rebuild import replayed
from tracker.eventstore.recorder import LedgerRecorder
from tracker.eventstore.topics import event_topics

CHECK_BATCH = 5_000  # events per batch, as a rebuild reads them
# The directory's and the calendar's events, which only their own aggregate
# records (and it no other): ``domain.directory_record``,
# ``domain.calendar_record``.
DIRECTORY_EVENTS = "domain.directory_record:DirectoryRecord."
CALENDAR_EVENTS = "domain.calendar_record:CalendarRecord."
SINGLETONS = ((DIRECTORY_ID, DIRECTORY_EVENTS), (CALENDAR_ID, CALENDAR_EVENTS))


@dataclass(frozen=True)
class ReadModelCheck:
    """What was proven: the read models at ``position``, of a log ending at
    ``head``, hold exactly the rows of ``tasks`` tasks replayed from
    ``events`` events."""

    position: int
    head: int
    tasks: int
    events: int

    @property
    def behind(self) -> int:
        return max(self.head - self.position, 0)


def check_read_models(
    sql: PlainSQL,
    *,
    recorder: LedgerRecorder,
    mapper: Mapper,
    read_model: TaskReadModel,
    position: int,
    head: int,
    progress: Callable[[int], None] | None = None,
    in_helper: bool | None = None,
    batch_size: int = CHECK_BATCH,
    alongside: Iterator[int] | None = None,
) -> ReadModelCheck:
    """Compare the read models with a replay of the log up to ``position``
    (what they track); ``IntegrityFailure`` names the first difference.

    ``in_helper=None``: with a helper when the machine has a second core and
    the database lets another connection read meanwhile. ``alongside`` is
    other work (the walk of the chain), yielding how many of the log's
    events it has done: it is advanced between batches, at the pace of the
    replay, and finished at the end.
    """
    alongside = alongside or iter(())
    topics = event_topics()[0]

    def prepare(
        notifications: list[Notification],
    ) -> tuple[int, TaskRows, list[Row], list[Row]]:
        expected, names, days = expected_rows(notifications, mapper, read_model, topics)
        return len(notifications), expected, names, days

    totals = [0] * len(TABLES)
    seen: set[str] = set()
    directory: list[Row] = []
    calendar: list[Row] = []
    events = done = 0
    with replayed(
        recorder,
        position,
        prepare,
        batch_size=batch_size,
        in_helper=in_helper,
    ) as batches:
        for count, rows, names, days in batches:
            compare_batch(sql, rows, totals, seen)
            directory.extend(names)
            calendar.extend(days)
            events += count
            if progress is not None:
                progress(count)
            done = keep_up(alongside, done, events * head // max(position, 1), progress)
    keep_up(alongside, done, sys.maxsize, progress)
    compare_counts(sql, totals, seen, whole=position == head)
    compare_directory(sql, directory)
    compare_calendar(sql, calendar)
    check_tail(recorder, mapper, position, head, topics)
    return ReadModelCheck(position, head, len(seen), events)


def keep_up(
    alongside: Iterator[int],
    done: int,
    due: int,
    progress: Callable[[int], None] | None,
) -> int:
    """Advance ``alongside`` (yielding events done) until ``due`` events are
    done or it ends; how many are done."""
    while done < due:
        step = next(alongside, None)
        if step is None:
            break
        done += step
        if progress is not None:
            progress(step)
    return done


def expected_rows(
    notifications: Sequence[Notification],
    mapper: Mapper,
    read_model: TaskReadModel,
    topics: frozenset[str],
) -> tuple[TaskRows, list[Row], list[Row]]:
    """The task, directory and calendar rows these whole histories make (pure: it
    runs in the helper too), or ``IntegrityFailure`` naming the event that
    cannot be replayed."""

    def named(culprit: Notification) -> str | None:
        # Its task's Assigned event is in this batch of whole histories.
        return next(
            (
                code_in_state(n.state)
                for n in notifications
                if n.originator_id == culprit.originator_id
                and n.originator_version == 1
            ),
            None,
        )

    check_versions(notifications, named)
    events = decoded(notifications, mapper, topics, named)
    positions = [notification.id for notification in notifications]
    try:
        rows = read_model.rows_from_histories(events, positions)
        return (
            rows,
            directory_rows(events, positions),
            calendar_rows(events, positions),
        )
    except Exception:
        raise _replay_failure(notifications, events, read_model, named) from None


def decoded(
    notifications: Sequence[Notification],
    mapper: Mapper,
    topics: frozenset[str],
    named: Callable[[Notification], str | None],
) -> list[DomainEventProtocol]:
    """The domain events of these notifications, or ``IntegrityFailure``
    naming the first one of a type unknown here or that cannot be decoded."""
    events = []
    for notification in notifications:
        if notification.topic not in topics:
            kind = shown(notification.topic)
            raise _unreadable(
                notification,
                f"is of a type this tracker does not know ({kind})"
                if kind
                else "is of a type this tracker does not know",
                named(notification),
            )
        if any(
            (notification.originator_id == singleton)
            != notification.topic.startswith(topics_of)
            for singleton, topics_of in SINGLETONS
        ):
            raise _unreadable(
                notification,
                "is of a kind its aggregate does not record",
                named(notification),
            )
        try:
            events.append(mapper.to_domain_event(notification))
        except Exception:
            raise _unreadable(
                notification,
                "cannot be decoded (its stored JSON is damaged)",
                named(notification),
            ) from None
    return events


def check_versions(
    notifications: Sequence[Notification], named: Callable[[Notification], str | None]
) -> None:
    """Each task's history is versions 1, 2, 3... in aggregate order."""
    current, expected = None, 1
    for notification in notifications:
        if notification.originator_id != current:
            current, expected = notification.originator_id, 1
        if notification.originator_version != expected:
            raise _unreadable(
                notification,
                f"is version {notification.originator_version} of its task, "
                f"whose version {expected} is missing",
                named(notification),
            )
        expected += 1


def check_tail(
    recorder: LedgerRecorder,
    mapper: Mapper,
    position: int,
    head: int,
    topics: frozenset[str],
) -> None:
    """The events the read models have yet to apply decode too (they will
    have to apply them)."""

    def named(culprit: Notification) -> str | None:
        first = recorder.select_first_events([culprit.originator_id])
        return next((code_in_state(state) for _, state in first), None)

    for notifications in log_batches(recorder, position, head, CHECK_BATCH):
        decoded(notifications, mapper, topics, named)


def _replay_failure(
    notifications: Sequence[Notification],
    events: Sequence[DomainEventProtocol],
    read_model: TaskReadModel,
    named: Callable[[Notification], str | None],
) -> IntegrityFailure:
    """The first event whose task's history up to it cannot be replayed:
    each task's history is tried again, one event longer at a time."""
    positions = [notification.id for notification in notifications]
    start = 0
    while start < len(events):
        end = start + 1
        while end < len(events) and (
            events[end].originator_id == events[start].originator_id
        ):
            end += 1
        for stop in range(start + 1, end + 1):
            try:
                read_model.rows_from_histories(
                    events[start:stop], positions[start:stop]
                )
            except Exception:
                culprit = notifications[stop - 1]
                return _unreadable(
                    culprit,
                    "cannot be replayed onto its task's history",
                    named(culprit),
                )
        start = end
    return IntegrityFailure(
        "The log's events cannot be replayed into read models; " + REBUILD + "."
    )


def _unreadable(culprit: Notification, what: str, code: str | None) -> IntegrityFailure:
    task = f"task {code}" if code else f"task {culprit.originator_id}"
    if culprit.originator_id == DIRECTORY_ID:
        task = "the directory"
    elif culprit.originator_id == CALENDAR_ID:
        task = "the calendar"
    return IntegrityFailure(
        f"The event at position {culprit.id} ({task}) {what}: it was written "
        "outside the tool."
    )
