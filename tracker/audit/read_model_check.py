"""Proving the read models: they equal a replay of the log at their position.

Reports count from the read models, so a row changed behind the tool's back
changes a figure while the chain of events stays whole. The check replays the
log up to the position the read models track, in batches of whole task
histories in aggregate order (``tracker.bulk.rebuild.whole_histories``), makes
each batch's rows with the projection's own pure code
(``TaskReadModel.rows_from_histories``) and compares them with the stored
rows of those tasks. Then it counts each table's rows: a row of a task the
log does not hold is in no batch, and only the count shows it.

Everything stored is read in the caller's snapshot (``Audit.snapshot``). A
helper process may prepare the expected rows meanwhile, on its own
connection, as a rebuild does: it reads only positions up to the tracked one,
which an append-only log never changes once they are applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from database.plain_sql import PlainSQL, chunks, in_list
from domain.errors import IntegrityFailure
from projections.tables import OVERDUE, SPANS, TASK_FACTS, TASKS
from projections.task_rows import (
    ENTRY_COLUMNS,
    FACT_COLUMNS,
    SPAN_COLUMNS,
    TASK_COLUMNS,
)
from tracker.audit.stored_values import code_in_state, shown, stored_rows
from tracker.bulk.forked_helper import helper_available, prepared_chunks
from tracker.bulk.rebuild import whole_histories
from tracker.eventstore.topics import event_topics

# Events per batch, as a rebuild reads them; tasks per ``IN (...)`` query.
CHECK_BATCH = 5_000
IDS_PER_QUERY = 500
# Of every CHECK_CALLER_SHARE batches, this process prepares one itself: less
# than a rebuild's caller (one in two), as it also walks the chain and
# fetches and compares every stored row (bench/README.md).
CHECK_CALLER_SHARE = 3
TABLES = (
    (TASKS, TASK_COLUMNS),
    (TASK_FACTS, FACT_COLUMNS),
    (SPANS, SPAN_COLUMNS),
    (OVERDUE, ENTRY_COLUMNS),
)
REBUILD = "run 'tracker projections rebuild'"


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
    recorder: Any,
    mapper: Any,
    read_model: Any,
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
    wanted = helper_available() if in_helper is None else in_helper
    reader = recorder.reopened() if wanted and position else None
    source = reader or recorder
    topics = event_topics()[0]

    def histories() -> Iterator[list[Any]]:
        """Runs where it is read: in the helper, on the helper's connection."""
        yield from whole_histories(
            lambda after, limit: source.select_notifications_by_aggregate(
                after, position, limit
            ),
            batch_size,
        )

    def prepare(chunk: list[list[Any]]) -> tuple[int, Any]:
        (notifications,) = chunk
        return len(notifications), expected_rows(
            notifications, mapper, read_model, topics
        )

    totals = [0] * len(TABLES)
    seen: set[str] = set()
    events = done = 0
    with prepared_chunks(
        histories(),
        prepare,
        1,
        in_helper=reader is not None,
        caller_share=CHECK_CALLER_SHARE,
    ) as batches:
        for count, rows in batches:
            compare_batch(sql, rows, totals, seen)
            events += count
            if progress is not None:
                progress(count)
            while done < events * head // max(position, 1):
                step = next(alongside, None)
                if step is None:
                    break
                done += step
                if progress is not None:
                    progress(step)
    for step in alongside:
        done += step
        if progress is not None:
            progress(step)
    compare_counts(sql, totals, seen, whole=position == head)
    check_tail(recorder, mapper, position, head, topics)
    return ReadModelCheck(position, head, len(seen), events)


def expected_rows(
    notifications: Sequence[Any], mapper: Any, read_model: Any, topics: frozenset[str]
) -> Any:
    """The rows these whole histories make (pure: it runs in the helper too),
    or ``IntegrityFailure`` naming the event that cannot be replayed."""

    def named(culprit: Any) -> str | None:  # its Assigned event is in the batch
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
        return read_model.rows_from_histories(events, positions)
    except Exception:
        raise _replay_failure(notifications, events, read_model, named) from None


def decoded(
    notifications: Sequence[Any],
    mapper: Any,
    topics: frozenset[str],
    named: Callable[[Any], str | None],
) -> list[Any]:
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
    notifications: Sequence[Any], named: Callable[[Any], str | None]
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
    recorder: Any, mapper: Any, position: int, head: int, topics: frozenset[str]
) -> None:
    """The events the read models have yet to apply decode too (they will
    have to apply them)."""

    def named(culprit: Any) -> str | None:
        first = recorder.select_first_events([culprit.originator_id])
        return next((code_in_state(state) for _, state in first), None)

    start = position
    while start < head:
        notifications = recorder.select_notifications(
            start=start, limit=CHECK_BATCH, stop=head, inclusive_of_start=False
        )
        if not notifications:
            return
        decoded(notifications, mapper, topics, named)
        start = notifications[-1].id


def _replay_failure(
    notifications: Sequence[Any],
    events: Sequence[Any],
    read_model: Any,
    named: Callable[[Any], str | None],
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


def _unreadable(culprit: Any, what: str, code: str | None) -> IntegrityFailure:
    task = f"task {code}" if code else f"task {culprit.originator_id}"
    return IntegrityFailure(
        f"The event at position {culprit.id} ({task}) {what}: it was written "
        "outside the tool."
    )


def compare_batch(sql: PlainSQL, rows: Any, totals: list[int], seen: set[str]) -> None:
    """Compare the stored rows of a batch's tasks with the expected ``rows``
    (a ``TaskRows``), table by table."""
    ids = [row[0] for row in rows.tasks]
    seen.update(ids)
    codes = {row[0]: row[1] for row in rows.tasks}
    expected_tables = (rows.tasks, rows.facts, rows.spans, rows.overdue)
    for number, ((table, columns), expected) in enumerate(
        zip(TABLES, expected_tables, strict=True)
    ):
        totals[number] += len(expected)
        stored = rows_of_tasks(sql, table, columns, ids)
        if len(stored) != len(expected) or set(stored) != set(expected):
            raise _difference(table, columns, expected, stored, codes)


def rows_of_tasks(
    sql: PlainSQL, table: str, columns: Sequence[str], ids: Sequence[str]
) -> list[tuple[Any, ...]]:
    """The rows of these tasks in ``table``, values as the projection makes
    them (dates as ISO text)."""
    found: list[tuple[Any, ...]] = []
    for chunk in chunks(ids, IDS_PER_QUERY):
        listed, keys = in_list("id", chunk)
        rows = stored_rows(
            sql, columns, f"FROM {table} WHERE task_id IN ({listed})", **keys
        )
        found += rows if sql.is_sqlite else [_iso_dates(row) for row in rows]
    return found


def _iso_dates(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """PostgreSQL returns ``date`` where SQLite and the projection have ISO
    text."""
    return tuple(
        value.isoformat() if isinstance(value, date) else value for value in row
    )


def _difference(
    table: str,
    columns: Sequence[str],
    expected: Sequence[tuple[Any, ...]],
    stored: Sequence[tuple[Any, ...]],
    codes: dict[str, str],
) -> IntegrityFailure:
    """The first task (in the batch's order) whose rows in ``table`` differ."""
    key = columns.index("task_id")
    wanted, found = Counter(expected), Counter(stored)
    missing = {row[key] for row in (wanted - found)}
    extra = {row[key] for row in (found - wanted)}
    task = next(task for task in codes if task in missing | extra)
    if task not in extra:
        what = "lacks a row its events make"
    elif task not in missing:
        what = "has a row its events do not make"
    else:
        what = "has a row that differs from what its events make"
    return IntegrityFailure(
        f"The read models differ from the log: task {codes[task]} {what} in "
        f"{table}; {REBUILD}."
    )


def compare_counts(
    sql: PlainSQL, totals: list[int], seen: set[str], *, whole: bool = True
) -> None:
    """Every table holds exactly the rows the replay made: a row of a task
    the log does not hold is caught here, and that task named (``whole``:
    the replay was of the whole log, not of the part the read models
    reached)."""
    for (table, _), total in zip(TABLES, totals, strict=True):
        count = int(sql.scalar(f"SELECT count(*) FROM {table}") or 0)
        if count == total:
            continue
        stranger = _stranger(sql, table, seen)
        if stranger is None:
            raise IntegrityFailure(
                f"The read models differ from the log: {table} holds {count} rows "
                f"where its events make {total}; {REBUILD}."
            )
        holder = "the ledger does not have" if whole else "their position's log lacks"
        raise IntegrityFailure(
            f"The read models hold rows of a task {holder}: {stranger} in {table}; "
            f"{REBUILD}."
        )


def _stranger(sql: PlainSQL, table: str, seen: set[str]) -> str | None:
    """A task with rows in ``table`` that the replay did not meet, named by
    its code where the read models give one."""
    ids = [
        row[0]
        for row in stored_rows(sql, ["task_id"], f"FROM {table} GROUP BY task_id")
    ]
    strangers = sorted(
        value if isinstance(value, str) else repr(value)
        for value in ids
        if not isinstance(value, str) or value not in seen
    )
    if not strangers:
        return None
    stranger = strangers[0]
    code = _code_in_read_models(sql, stranger)
    if code:
        return f"task {code}"
    return f"a task with ID {shown(stranger) or '(that cannot be shown)'}"


def _code_in_read_models(sql: PlainSQL, task: str) -> str | None:
    """The code the read models give a task: its row in ``tasks_view`` or
    ``overdue_entries``, or its facts."""
    for query in (
        f"SELECT code FROM {TASKS} WHERE task_id = :task",
        f"SELECT code FROM {OVERDUE} WHERE task_id = :task",
    ):
        rows = sql.utf8_rows(query, task=task)
        for (code,) in rows:
            text = code.decode("utf-8", "replace") if isinstance(code, bytes) else code
            if shown(text):
                return text
    for (facts,) in sql.utf8_rows(
        f"SELECT facts FROM {TASK_FACTS} WHERE task_id = :task", task=task
    ):
        code = code_in_state(facts)
        if code:
            return code
    return None
