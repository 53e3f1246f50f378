"""The event store: eventsourcing's recorder interface on SQLAlchemy Core.

Why the tracker has its own recorder instead of eventsourcing-sqlalchemy
(DESIGN.md asks for the reason in writing): importing eventsourcing-sqlalchemy
pulls in ``sqlalchemy_utils`` and the ORM, about 0.15 s of a 0.4 s budget for
one ``complete`` on this machine, and its ORM round trips cost more per event
than the import and rebuild targets allow. This module keeps everything
DESIGN.md asked the library for: one code path for SQLite and PostgreSQL
(Core statements compiled for either dialect), the same table layout (old
ledgers open unchanged), the read models and their tracking in the very
transaction the recorder uses, and eventsourcing's own ``IntegrityError`` for
a conflicting append.

Appends are serialised. On PostgreSQL, by a transaction-scoped advisory lock
rather than ``LOCK TABLE ... IN EXCLUSIVE MODE``, which PostgreSQL only grants
to roles that may UPDATE, DELETE or TRUNCATE the table, and the append-only
clerk role (``tracker db harden``) has none of those. On SQLite, by the
database's own write lock. Under the lock the next positions are known, so
events go in at explicit positions with one ``executemany``, and each event's
chain row is written in the same transaction, chaining onto the hash
committed just before it.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from typing import Any, NoReturn
from uuid import UUID

from eventsourcing import persistence
from eventsourcing.persistence import (
    ApplicationRecorder,
    InfrastructureFactory,
    Notification,
    StoredEvent,
    Transcoding,
)
from sqlalchemy import (
    Select,
    create_engine,
    event,
    exc,
    func,
    literal,
    select,
    text,
    tuple_,
    type_coerce,
)
from sqlalchemy.engine import Connection
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import NullType

from projections.bulk import insert_many
from tracker.chain import GENESIS, chain_hash
from tracker.tables import from_stored_id, ledger_tables, metadata, to_stored_id

SQLITE_CACHE_KIB = 32 * 1024


def utc_now_text() -> str:
    """Recording times are stored as fixed-width UTC ISO text: they sort as
    they happened and hash identically on every database."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_xact_lock``."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def translated(error: exc.SQLAlchemyError) -> persistence.PersistenceError:
    """eventsourcing's exception for a database error (the application and
    the use cases catch ``eventsourcing.persistence.IntegrityError``)."""
    for name in (
        "IntegrityError",
        "OperationalError",
        "InterfaceError",
        "DataError",
        "InternalError",
        "ProgrammingError",
        "NotSupportedError",
        "DatabaseError",
    ):
        if isinstance(error, getattr(exc, name)):
            return getattr(persistence, name)(error)  # type: ignore[no-any-return]
    return persistence.PersistenceError(error)


def _sqlite_page_cache(dbapi_connection: Any, _record: Any) -> None:
    """A 32 MiB page cache instead of SQLite's 2 MiB: a province's indexes
    (random UUID keys) outgrow the default, and pages are re-read (measured:
    import of 100,000 tasks 37.0 s with the default, 35.6 s with this)."""
    dbapi_connection.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")


def is_in_memory(url: str) -> bool:
    return url.startswith("sqlite") and (
        ":memory:" in url or "mode=memory" in url or url.rstrip("/") == "sqlite:"
    )


class Datastore:
    """An engine and the current transaction of each thread.

    A transaction opened while another is open on the same thread joins it, so
    a batch, its saves and the read-model catch-up commit or roll back
    together. Database errors leave the outermost transaction as
    eventsourcing's exceptions.
    """

    def __init__(self, url: str) -> None:
        options: dict[str, Any] = {}
        # An in-memory database is one connection shared by every thread.
        self.lock_reads = is_in_memory(url)
        if self.lock_reads:
            options["poolclass"] = StaticPool
            options["connect_args"] = {"check_same_thread": False}
        self.engine = create_engine(url, **options)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        # SQLite lets one writer at a time in: the threads of this process
        # queue here rather than time out on the file's lock.
        self.lock = threading.Lock() if self.is_sqlite else None
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_page_cache)
        self._local = threading.local()

    @contextmanager
    def transaction(self, commit: bool) -> Iterator[Connection]:
        current: tuple[Connection, bool] | None = getattr(self._local, "current", None)
        if current is not None:
            connection, outer_commits = current
            if commit and not outer_commits:
                raise persistence.ProgrammingError(
                    "A writing transaction cannot join a read-only one."
                )
            yield connection
            return
        lock = self.lock if (commit or self.lock_reads) else None
        if lock is not None:
            lock.acquire()
        try:
            with self.engine.connect() as connection:
                self._local.current = (connection, commit)
                try:
                    connection.begin()
                    yield connection
                    if commit:
                        connection.commit()
                    else:
                        connection.rollback()
                finally:
                    self._local.current = None
        except exc.SQLAlchemyError as error:
            raise translated(error) from error
        finally:
            if lock is not None:
                lock.release()

    def use_write_ahead_log(self) -> None:
        """Readers need not wait for a writer on a SQLite file (WAL mode is
        kept by the file itself)."""
        if self.is_sqlite and not self.lock_reads:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    def close(self) -> None:
        self.engine.dispose()


class LedgerRecorder(ApplicationRecorder):
    """Stores events and their chain rows; reads them back for the
    repository, the read models and the audit."""

    def __init__(self, datastore: Datastore, prefix: str) -> None:
        self.datastore = datastore
        tables = ledger_tables(prefix)
        self.events_table = tables.events
        self.chain_table = tables.chain
        self.tracking_table = tables.tracking
        self.is_sqlite = datastore.is_sqlite
        self.write_lock_key = advisory_key(f"{tables.events.name}:append")

    def create_tables(self) -> None:
        """Create what is missing (an append-only role only checks)."""
        tables = [self.events_table, self.chain_table, self.tracking_table]
        metadata.create_all(self.datastore.engine, tables=tables)
        self.datastore.use_write_ahead_log()

    def transaction(self, commit: bool = True) -> AbstractContextManager[Connection]:
        return self.datastore.transaction(commit)

    def uuid_value(self, value: UUID | str) -> Any:
        """An aggregate ID as the events table stores it on this database."""
        return to_stored_id(value, self.is_sqlite)

    def lock_appends(self, connection: Connection) -> None:
        """Serialise appends until commit (see the module docstring)."""
        if not self.is_sqlite:
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"),
                {"key": self.write_lock_key},
            )

    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int]:
        with self.transaction(commit=True) as connection:
            return self._append(connection, stored_events)

    def _append(
        self, connection: Connection, stored_events: Sequence[StoredEvent]
    ) -> list[int]:
        """Append events at the next positions, with their chain rows."""
        events, chain = self.events_table, self.chain_table
        self.lock_appends(connection)
        last = connection.execute(select(func.max(events.c.id))).scalar() or 0
        positions = list(range(last + 1, last + 1 + len(stored_events)))
        insert_many(
            connection,
            events,
            [
                {
                    "id": position,
                    "originator_id": self.uuid_value(stored.originator_id),
                    "originator_version": stored.originator_version,
                    "topic": stored.topic,
                    "state": stored.state,
                }
                for position, stored in zip(positions, stored_events, strict=True)
            ],
        )
        previous = connection.execute(
            select(chain.c.hash).order_by(chain.c.position.desc()).limit(1)
        ).scalar()
        previous = previous or GENESIS
        recorded_at = utc_now_text()
        rows = []
        for position, stored in zip(positions, stored_events, strict=True):
            digest = chain_hash(
                previous,
                position,
                stored.originator_id,
                stored.originator_version,
                stored.topic,
                stored.state,
                recorded_at,
            )
            rows.append(
                {
                    "position": position,
                    "recorded_at": recorded_at,
                    "previous_hash": previous,
                    "hash": digest,
                }
            )
            previous = digest
        insert_many(connection, chain, rows)
        return positions

    def select_events(
        self,
        originator_id: UUID | str,
        *,
        gt: int | None = None,
        lte: int | None = None,
        desc: bool = False,
        limit: int | None = None,
    ) -> list[StoredEvent]:
        events = self.events_table
        version = events.c.originator_version
        query = select(version, events.c.topic, events.c.state).where(
            events.c.originator_id == originator_id
        )
        if gt is not None:
            query = query.where(version > gt)
        if lte is not None:
            query = query.where(version <= lte)
        query = query.order_by(version.desc() if desc else version)
        if limit is not None:
            query = query.limit(limit)
        with self.transaction(commit=False) as connection:
            rows = connection.execute(query).all()
        return [
            StoredEvent(originator_id, row[0], row[1], bytes(row[2])) for row in rows
        ]

    def select_notifications(
        self,
        start: int | None,
        limit: int,
        stop: int | None = None,
        topics: Sequence[str] = (),
        *,
        inclusive_of_start: bool = True,
    ) -> list[Notification]:
        events = self.events_table
        column = events.c.id
        query = self._notification_query()
        if start is not None:
            query = query.where(
                column >= start if inclusive_of_start else column > start
            )
        if stop is not None:
            query = query.where(column <= stop)
        if topics:
            query = query.where(events.c.topic.in_(list(topics)))
        return self._notifications(query.order_by(column).limit(limit))

    def _notification_query(self) -> Select[Any]:
        """Raw columns, converted once in ``_notifications``: half a million
        rows are read by every rebuild, and per-column type processing would
        double that."""
        events = self.events_table
        return select(
            events.c.id,
            type_coerce(events.c.originator_id, NullType()),
            events.c.originator_version,
            events.c.topic,
            type_coerce(events.c.state, NullType()),
        )

    def _notifications(self, query: Select[Any]) -> list[Notification]:
        with self.transaction(commit=False) as connection:
            rows = connection.execute(query).all()
        return [
            Notification(
                id=row[0],
                originator_id=from_stored_id(row[1]),
                originator_version=row[2],
                topic=row[3],
                state=bytes(row[4]),
            )
            for row in rows
        ]

    def select_notifications_by_aggregate(
        self, after: tuple[UUID, int] | None, stop: int, limit: int
    ) -> list[Notification]:
        """Events up to position ``stop``, aggregate by aggregate (each one's in
        version order), resuming after ``(originator_id, version)``: the order
        of the aggregate index, so a rebuild sees each task's whole history
        together however the log interleaved it."""
        events = self.events_table
        key = tuple_(events.c.originator_id, events.c.originator_version)
        query = self._notification_query().where(events.c.id <= stop)
        if after is not None:
            query = query.where(
                key
                > tuple_(
                    literal(after[0], events.c.originator_id.type), literal(after[1])
                )
            )
        query = query.order_by(
            events.c.originator_id, events.c.originator_version
        ).limit(limit)
        return self._notifications(query)

    def max_notification_id(self) -> int | None:
        with self.transaction(commit=False) as connection:
            value = connection.execute(select(func.max(self.events_table.c.id)))
            return value.scalar()

    def subscribe(self, gt: int | None = None, topics: Sequence[str] = ()) -> NoReturn:
        raise NotImplementedError(
            "The tracker pulls the log (projections.runner.CatchUp); nothing "
            "subscribes to it."
        )


class LedgerFactory(InfrastructureFactory):  # type: ignore[type-arg]
    """What ``Application`` asks for, on the tracker's own recorder.

    Only the application recorder exists: the tracker takes no snapshots, and
    its read models keep their tracking row themselves (``CatchUp``).
    """

    URL = "SQLALCHEMY_URL"

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        url = self.env.get(self.URL)
        if not url:
            raise persistence.ProgrammingError(f"No database URL ({self.URL}).")
        self.datastore = Datastore(url)

    def application_recorder(self) -> LedgerRecorder:
        recorder = LedgerRecorder(self.datastore, self.env.name.lower())
        recorder.create_tables()
        return recorder

    def aggregate_recorder(self, purpose: str = "events") -> NoReturn:
        raise NotImplementedError(f"The tracker keeps no {purpose} recorder.")

    def tracking_recorder(self, tracking_recorder_class: Any = None) -> NoReturn:
        raise NotImplementedError("Read models track themselves (CatchUp).")

    def process_recorder(self) -> NoReturn:
        raise NotImplementedError("The tracker runs no process applications.")

    def close(self) -> None:
        self.datastore.close()


class DateAsISO(Transcoding):
    """``datetime.date`` has no built-in transcoding in eventsourcing."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)
