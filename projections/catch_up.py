"""Catching the read models up with the event log, exactly once.

SQLite cannot push notifications (``recorder.subscribe()`` is PostgreSQL
only), so every process pulls: read the notifications after the tracked
position, apply them, and move the tracking row forward in the same
transaction. The tracking row is locked first (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite has one writer at a time) and then moved with a
compare-and-set (``... WHERE notification_id = <what we read>``): two
processes catching up at once cannot both win, and the loser rolls back and
starts again from the new position. A crash anywhere leaves either the old
position and old rows, or the new position and new rows.

After its own write a process does not wait for a busy projector
(``blocking=False`` skips a locked tracking row): whoever holds it, or the
next reader, applies the new events. Readers always wait, so every answer is
current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from eventsourcing.persistence import IntegrityError, Mapper, Notification

from database.plain_sql import PlainSQL
from domain.errors import IntegrityFailure

BATCH_SIZE = 2000
MAX_CONTENTION_RETRIES = 50


class EventLog(Protocol):
    """What catching up needs of the event store (``LedgerRecorder``, which
    this package may not import)."""

    def transaction(self, commit: bool = True) -> AbstractContextManager[PlainSQL]:
        """A transaction that joins the one this thread has open."""

    def max_notification_id(self) -> int | None: ...

    def select_notifications(
        self,
        start: int | None,
        limit: int,
        stop: int | None = None,
        topics: Sequence[str] = (),
        *,
        inclusive_of_start: bool = True,
    ) -> list[Notification]: ...


class ReadModel(Protocol):
    tables: Sequence[str]

    def apply(
        self, sql: PlainSQL, events: Sequence[Any], positions: Sequence[int]
    ) -> None:
        """Apply decoded events; ``positions`` are their log ids.

        Each aggregate's events come in version order. Aggregates may come in
        any order relative to each other: a read model's rows for an
        aggregate depend on that aggregate's events only (``rebuild`` relies
        on it).
        """


def tracked_position(value: object) -> int:
    """A tracking row's position (0 before any event), or ``IntegrityFailure``
    if someone stored something else there."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    raise IntegrityFailure(
        "The read models' tracking position is not a log position (it was "
        "edited behind the tool's back); run 'tracker verify', then "
        "'tracker projections rebuild'."
    )


def removed_events(position: int, head: int) -> IntegrityFailure:
    return IntegrityFailure(
        f"The read models have applied the log up to position {position}, but "
        f"it ended at {head}: its newest events were removed. Nothing was "
        "recorded; run 'tracker verify'."
    )


class LostRace(Exception):
    """Another process moved the tracking position first."""


class CatchUp:
    """Pulls the event log into a set of read models under one tracking row."""

    def __init__(
        self,
        *,
        name: str,
        recorder: EventLog,
        mapper: Mapper,
        tracking_table: str,
        read_models: Sequence[ReadModel],
    ) -> None:
        self.name = name
        self.recorder = recorder
        self.mapper = mapper
        self.tracking = tracking_table
        self.read_models = read_models

    def position(self, sql: PlainSQL | None = None) -> int:
        """The log position the read models reflect (0 before any event)."""
        if sql is None:
            with self.recorder.transaction(commit=False) as own:
                return self.position(own)
        return tracked_position(sql.scalar(self._tracked(), name=self.name))

    def head(self) -> int:
        return int(self.recorder.max_notification_id() or 0)

    def lag(self) -> int:
        """Events recorded and not yet applied. Read models beyond the end of
        the log mean that its newest events were removed: appending on top
        would give new events the positions of the removed ones, which the
        read models would take for applied, so nothing goes on."""
        head, position = self.head(), self.position()
        if position > head:
            raise removed_events(position, head)
        return head - position

    def run(
        self,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
        *,
        blocking: bool = True,
    ) -> int:
        """Apply every pending event; return how many were applied here.

        With ``blocking=False``, return at once if another process is applying.
        """
        applied = 0
        contention = 0
        while True:
            if self.lag() == 0:  # two cheap reads, no lock: the usual case
                return applied
            try:
                count = self._step(batch_size, blocking)
            except LostRace:
                contention += 1
                if contention > MAX_CONTENTION_RETRIES:
                    raise
                continue
            if count == 0:
                return applied
            applied += count
            if progress is not None:
                progress(count)

    def _step(self, batch_size: int, blocking: bool = True) -> int:
        try:
            with self.recorder.transaction(commit=True) as sql:
                start = self._lock(sql, blocking)
                if start is None:
                    return 0  # another process is applying right now
                notifications = self.recorder.select_notifications(
                    start=start, limit=batch_size, inclusive_of_start=False
                )
                if not notifications:
                    return 0
                end = notifications[-1].id
                self._move_tracking(sql, start, end)
                apply_notifications(sql, notifications, self.mapper, self.read_models)
                return len(notifications)
        except IntegrityError as exc:
            raise LostRace from exc

    def apply_recorded(self, events: Sequence[Any], positions: Sequence[int]) -> bool:
        """Apply events this process has just recorded, as they are in memory,
        if the read models stand exactly before them; ``False`` leaves them
        to ``run``.

        The same projection and the same compare-and-set as ``run``, minus
        reading the events back from the log and decoding them, which would
        be much of a bulk import's work.
        """

        def apply(sql: PlainSQL) -> None:
            for model in self.read_models:
                model.apply(sql, events, positions)

        return self.write_through(positions, apply)

    def write_through(
        self, positions: Sequence[int], write: Callable[[PlainSQL], None]
    ) -> bool:
        """Move the tracking row over ``positions`` (events just recorded) and
        let ``write`` write every read model's rows for them, in one
        transaction, if the read models stand exactly before them; ``False``
        leaves the events to ``run``.

        Inside a batch this joins the batch's transaction, which already holds
        the append lock, so no other process can have moved the tracking row
        in between.
        """
        if not positions:
            return True
        try:
            with self.recorder.transaction(commit=True) as sql:
                row = sql.first(self._tracked(sql, skip_locked=True), name=self.name)
                if row is None and not self._never_started(sql):
                    return False  # another process is applying: ``run``
                tracked = tracked_position(row[0] if row else None)
                if tracked >= positions[0]:
                    raise removed_events(tracked, positions[0] - 1)
                if tracked != positions[0] - 1:
                    return False  # behind: ``run``
                self._move_tracking(sql, positions[0] - 1, positions[-1])
                write(sql)
                return True
        except LostRace:
            return False  # another process applied them first

    def _lock(self, sql: PlainSQL, blocking: bool) -> int | None:
        """Lock the tracking row and return its position (0 if there is none
        yet); ``None`` when not blocking and another process holds it."""
        query = self._tracked(sql, skip_locked=not blocking)
        locked = sql.first(query, name=self.name)
        if locked is not None:
            return tracked_position(locked[0])
        if not blocking and not self._never_started(sql):
            return None
        return 0

    def _never_started(self, sql: PlainSQL) -> bool:
        """No tracking row at all (not one locked by another process): the
        read models stand at position 0, and the first move inserts it."""
        return sql.first(self._tracked(), name=self.name) is None

    def _tracked(
        self, locked_on: PlainSQL | None = None, *, skip_locked: bool = False
    ) -> str:
        """The query for this catch-up's tracking row (its position, for the
        parameter ``name``); with ``locked_on``, the row is locked for update
        where that database locks rows (SQLite locks the whole file for the
        writing transaction instead)."""
        query = (
            f"SELECT notification_id FROM {self.tracking}"
            " WHERE application_name = :name"
        )
        if locked_on is not None and not locked_on.is_sqlite:
            query += " FOR UPDATE SKIP LOCKED" if skip_locked else " FOR UPDATE"
        return query

    def _move_tracking(self, sql: PlainSQL, start: int, end: int) -> None:
        """Compare-and-set; the very first move inserts the row. Losing
        either race raises ``LostRace`` without a database error, which on
        PostgreSQL would spoil the whole transaction: a clerk's own events,
        recorded in it just before, must still commit."""
        moved = sql.execute(
            f"UPDATE {self.tracking} SET notification_id = :end"
            " WHERE application_name = :name AND notification_id = :start",
            name=self.name,
            start=start,
            end=end,
        )
        if moved == 1:
            return
        if start != 0:
            raise LostRace
        inserted = sql.execute(
            f"INSERT INTO {self.tracking} (application_name, notification_id)"
            " VALUES (:name, :end) ON CONFLICT (application_name) DO NOTHING",
            name=self.name,
            end=end,
        )
        if inserted != 1:
            raise LostRace

    def rebuilt(self, sql: PlainSQL, head: int) -> None:
        """The read models, just rebuilt inside ``sql``'s transaction, reflect
        the log up to ``head``: the tracking row says so in the same
        transaction."""
        self.reset(sql)
        if head:
            self._move_tracking(sql, 0, head)

    def reset(self, sql: PlainSQL) -> None:
        """Forget the tracked position (read models are being rebuilt)."""
        sql.execute(
            f"DELETE FROM {self.tracking} WHERE application_name = :name",
            name=self.name,
        )


def apply_notifications(
    sql: PlainSQL,
    notifications: Sequence[Notification],
    mapper: Mapper,
    read_models: Sequence[ReadModel],
) -> None:
    """Decode stored notifications and apply them to every read model."""
    events = [mapper.to_domain_event(n) for n in notifications]
    positions = [n.id for n in notifications]
    for model in read_models:
        model.apply(sql, events, positions)


def replay(
    sql: PlainSQL,
    *,
    recorder: EventLog,
    mapper: Mapper,
    read_models: Sequence[ReadModel],
    stop: int,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Apply the log up to position ``stop`` into fresh read models (no
    tracking): the state of the read models as it was known at ``stop``."""
    applied = 0
    for notifications in log_batches(recorder, 0, stop, batch_size):
        apply_notifications(sql, notifications, mapper, read_models)
        applied += len(notifications)
    return applied


def log_batches(
    recorder: EventLog, start: int, stop: int, batch_size: int = BATCH_SIZE
) -> Iterator[list[Notification]]:
    """The log's notifications after position ``start`` up to ``stop``, in
    order, ``batch_size`` at a time."""
    while start < stop:
        notifications = recorder.select_notifications(
            start=start, limit=batch_size, stop=stop, inclusive_of_start=False
        )
        if not notifications:
            return
        yield notifications
        start = notifications[-1].id
