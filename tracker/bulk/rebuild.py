"""Rebuilding the read models from the whole log, task by task.

In log order, a task whose events are spread over years would be read back,
deleted and rewritten in every batch that touches it. Read aggregate by
aggregate (the events table's own index), each task's history arrives
together and its rows are written once.

Batches end between tasks, so each batch's rows are made from whole
histories by pure code, with nothing read back from the read models. That is
what lets a helper process (``forked_helper``) read, decode and project
batches on its own connection while this process writes their rows, inside
the one transaction that empties and refills the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar
from uuid import UUID

from eventsourcing.persistence import Mapper, Notification

from database import ddl
from database.plain_sql import PlainSQL
from database.transactions import Datastore
from projections.calendar import (
    CalendarReadModel,
    calendar_rows,
    insert_calendar_rows,
)
from projections.directory import (
    DirectoryReadModel,
    Row,
    directory_rows,
    insert_rows,
)
from projections.task_rows import TaskRows
from projections.tasks import TaskReadModel
from tracker.bulk.forked_helper import helper_available, prepared_chunks
from tracker.eventstore.recorder import LedgerRecorder

Prepared = TypeVar("Prepared")


def whole_histories(
    fetch: Callable[[tuple[UUID, int] | None, int], list[Notification]], limit: int
) -> Iterator[list[Notification]]:
    """Batches of about ``limit`` notifications in aggregate order, each
    holding whole histories. ``fetch(after, limit)`` reads the next
    notifications after ``(originator_id, version)``."""
    carried: list[Notification] = []
    after = None
    while True:
        fetched = fetch(after, limit)
        batch = carried + fetched
        if len(fetched) < limit:  # the end of the log
            if batch:
                yield batch
            return
        after = (fetched[-1].originator_id, fetched[-1].originator_version)
        last = batch[-1].originator_id
        cut = len(batch)
        while cut and batch[cut - 1].originator_id == last:
            cut -= 1
        if cut:
            yield batch[:cut]
        carried = batch[cut:]  # a history that may go on in the next fetch


def reader_for_a_helper(recorder: LedgerRecorder) -> LedgerRecorder | None:
    """A recorder on connections of its own to the same database, for a
    forked helper (which must not use this process's connections), if it
    could read while this process writes: on PostgreSQL, and on a SQLite
    file in WAL mode (not in memory, nor behind a rollback journal, which
    locks readers out once a big transaction spills)."""
    store = recorder.datastore
    if store.location.in_memory:
        return None
    if store.is_sqlite:
        with store.transaction(commit=False) as sql:
            if str(sql.scalar("PRAGMA journal_mode")).lower() != "wal":
                return None
    # It reads the log once, in index order: SQLite's small default cache
    # serves that as well as a large one would.
    return LedgerRecorder(Datastore(store.url, large_cache=False), recorder.prefix)


@contextmanager
def replayed(
    recorder: LedgerRecorder,
    stop: int,
    prepare: Callable[[list[Notification]], Prepared],
    *,
    batch_size: int,
    in_helper: bool | None,
) -> Iterator[Iterator[Prepared]]:
    """``prepare`` applied to the log up to position ``stop``, in batches of
    whole task histories in aggregate order (``whole_histories``).

    ``in_helper=None``: with a forked helper reading on a connection of its
    own when the machine has a second core and the database lets another
    connection read meanwhile; the helper is forked here, before the caller
    writes anything, while it is still small (a forked process starts with
    all of its parent's memory).
    """
    wanted = helper_available() if in_helper is None else in_helper
    reader = reader_for_a_helper(recorder) if wanted and stop else None
    source = reader or recorder

    def histories() -> Iterator[list[Notification]]:
        """Runs where it is read: in the helper, on the helper's connection."""
        yield from whole_histories(
            lambda after, limit: source.select_notifications_by_aggregate(
                after, stop, limit
            ),
            batch_size,
        )

    with prepared_chunks(
        histories(),
        lambda chunk: prepare(chunk[0]),
        1,
        in_helper=reader is not None,
    ) as batches:
        yield batches


def rebuild(
    sql: PlainSQL,
    *,
    recorder: LedgerRecorder,
    mapper: Mapper,
    read_model: TaskReadModel,
    directory: DirectoryReadModel,
    calendar: CalendarReadModel,
    batch_size: int,
    progress: Callable[[int], None] | None = None,
    in_helper: bool | None = None,
) -> tuple[int, int]:
    """Empty the tables of ``read_model``, ``directory`` and ``calendar`` and
    replay the log up to its current head into them, inside ``sql``'s
    transaction; the number of events and the head."""
    head = int(sql.scalar(f"SELECT max(id) FROM {recorder.events_table}") or 0)

    def prepare(
        notifications: list[Notification],
    ) -> tuple[int, TaskRows, list[Row], list[Row]]:
        events = [mapper.to_domain_event(n) for n in notifications]
        positions = [n.id for n in notifications]
        rows = read_model.rows_from_histories(events, positions)
        names = directory_rows(events, positions)
        return len(events), rows, names, calendar_rows(events, positions)

    applied = 0
    with replayed(
        recorder,
        head,
        prepare,
        batch_size=batch_size,
        in_helper=in_helper,
    ) as batches:
        for model in (read_model, directory, calendar):
            ddl.create_missing(sql, model.tables, model.definitions)
            ddl.empty(sql, model.tables)
        for count, rows, names, days in batches:
            rows.insert(sql)
            insert_rows(sql, names)
            insert_calendar_rows(sql, days)
            applied += count
            if progress is not None:
                progress(count)
    return applied, head
