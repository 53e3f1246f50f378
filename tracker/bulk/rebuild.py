"""Rebuilding the read models from the whole log, task by task.

In log order, a task whose events are spread over years would be read back,
deleted and rewritten in every batch that touches it. Read aggregate by
aggregate (the events table's own index), each task's history arrives
together and its rows are written once.

Batches end between tasks, so each batch's rows are made from whole
histories by pure code, with nothing read back from the read models, and
written inside the one transaction that empties and refills the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from database import ddl
from database.plain_sql import PlainSQL

Prepared = TypeVar("Prepared")


def whole_histories(
    fetch: Callable[[tuple[Any, int] | None, int], list[Any]], limit: int
) -> Iterator[list[Any]]:
    """Batches of about ``limit`` notifications in aggregate order, each
    holding whole histories. ``fetch(after, limit)`` reads the next
    notifications after ``(originator_id, version)``."""
    carried: list[Any] = []
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


def replayed(
    recorder: Any,
    stop: int,
    prepare: Callable[[list[Any]], Prepared],
    *,
    batch_size: int,
) -> Iterator[Prepared]:
    """``prepare`` applied to the log up to position ``stop``, in batches of
    whole task histories in aggregate order (``whole_histories``)."""
    for batch in whole_histories(
        lambda after, limit: recorder.select_notifications_by_aggregate(
            after, stop, limit
        ),
        batch_size,
    ):
        yield prepare(batch)


def rebuild(
    sql: PlainSQL,
    *,
    recorder: Any,
    mapper: Any,
    read_model: Any,
    batch_size: int,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Empty ``read_model``'s tables and replay the log up to its current
    head into them, inside ``sql``'s transaction; the number of events and
    the head."""
    head = int(sql.scalar(f"SELECT max(id) FROM {recorder.events_table}") or 0)

    def prepare(notifications: list[Any]) -> tuple[int, Any]:
        events = [mapper.to_domain_event(n) for n in notifications]
        positions = [n.id for n in notifications]
        return len(events), read_model.rows_from_histories(events, positions)

    applied = 0
    ddl.create_missing(sql, read_model.tables, read_model.definitions)
    ddl.empty(sql, read_model.tables)
    for count, rows in replayed(recorder, head, prepare, batch_size=batch_size):
        rows.insert(sql)
        applied += count
        if progress is not None:
            progress(count)
    return applied, head
