"""The event store: eventsourcing's recorder interface in plain SQL.

Why the tracker has its own recorder instead of eventsourcing-sqlalchemy
(DESIGN.md asks for the reason in writing): importing eventsourcing-sqlalchemy
pulls in ``sqlalchemy_utils`` and the ORM, and SQLAlchemy itself takes 0.2 to
0.5 s to import on this machine, against a 0.4 s budget for one ``complete``;
its ORM round trips also cost more per event than the import and rebuild
targets allow. This module keeps everything DESIGN.md asked the library for:
one code path for SQLite and PostgreSQL (the same plain SQL, through
``projections.plain_sql``), the same table layout (old ledgers open
unchanged; the tables are still defined as SQLAlchemy Core, ``tracker.tables``),
the read models and their tracking in the very transaction the recorder uses,
and eventsourcing's own ``IntegrityError`` for a conflicting append.

Appends are serialised, and every event gets a chain row in the same
transaction, chaining onto the hash committed just before it. On SQLite, by
the database's own write lock, taken when a writing transaction begins
(``BEGIN IMMEDIATE``); under the lock the next positions are known, so events
go in at explicit positions with one ``executemany``. On PostgreSQL, by the
append functions of ``tracker.pg_append``, which lock, number, chain and
insert on the server: the clerks' role may call them and insert nothing
itself, so raw SQL cannot write a malformed event or chain row either.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
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

from domain.errors import DatabaseBusy, TrackerError
from projections.plain_sql import PlainSQL, chunks, in_list
from tracker import pg_append
from tracker.chain import GENESIS, chain_hash
from tracker.connect import SQLITE_BUSY_SECONDS, connect, locate
from tracker.ids import from_stored_id, to_stored_id
from tracker.names import CHAIN_COLUMNS, EVENT_COLUMNS
from tracker.schema import create_missing, existing_tables

DRIVER_MODULES = ("sqlite3", "psycopg")
# An encoded event: aggregate ID (a UUID or its text), version, topic, state.
EncodedEvent = tuple[UUID | str, int, str, bytes]
PERSISTENCE_ERRORS = (
    "IntegrityError",
    "OperationalError",
    "InterfaceError",
    "DataError",
    "InternalError",
    "ProgrammingError",
    "NotSupportedError",
    "DatabaseError",
)
# SQLite's "busy" and "locked" result codes (their extended codes share the
# low byte), and PostgreSQL's lock timeout, deadlock and serialisation
# failure: another writer was in the way, and trying again will do.
SQLITE_BUSY_CODES = (5, 6)
POSTGRES_BUSY_STATES = ("55P03", "40P01", "40001")
# How long a writer waits for the database before it gives up (exit 3), and
# how long each attempt waits before it says that it is waiting.
BUSY_WAIT_SECONDS = 15.0
BUSY_NOTICE_SECONDS = SQLITE_BUSY_SECONDS
logger = logging.getLogger(__name__)


def is_busy(error: BaseException) -> bool:
    """Whether a driver's error means "another writer holds the lock"."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in SQLITE_BUSY_CODES
    return getattr(error, "sqlstate", None) in POSTGRES_BUSY_STATES


def until_locked(attempt: Callable[[], bool]) -> None:
    """Call ``attempt`` (which waits up to ``BUSY_NOTICE_SECONDS`` for a lock
    and says whether it got it) until it succeeds. After the first failure a
    warning (one line on stderr, from the CLI) tells the clerk the command
    has not hung; after ``BUSY_WAIT_SECONDS``, ``DatabaseBusy``."""
    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    noticed = False
    while not attempt():
        if time.monotonic() >= deadline:
            raise DatabaseBusy()
        if not noticed:
            logger.warning("Waiting for the database: another clerk is writing...")
            noticed = True


def utc_now_text() -> str:
    """Recording times are stored as fixed-width UTC ISO text: they sort as
    they happened and hash identically on every database."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def translated(error: Exception) -> Exception:
    """eventsourcing's exception for a driver's error (the application and
    the use cases catch ``eventsourcing.persistence.IntegrityError``); any
    other exception as it is."""
    if not type(error).__module__.startswith(DRIVER_MODULES):
        return error
    if is_busy(error):
        return DatabaseBusy()
    for kind in type(error).__mro__:
        if kind.__name__ in PERSISTENCE_ERRORS:
            return getattr(persistence, kind.__name__)(error)  # type: ignore[no-any-return]
    return persistence.PersistenceError(error)


def raise_translated(error: Exception) -> NoReturn:
    """Raise ``translated(error)``, caused by ``error`` when it differs."""
    failure = translated(error)
    if failure is error:
        raise error
    raise failure from error


class Datastore:
    """The connections to one database and the current transaction of each
    thread.

    Each thread keeps one connection (SQLite's page cache stays warm between
    transactions); a database in memory is one connection that all threads
    take turns on. A transaction opened while another is open on the same
    thread joins it, so a batch, its saves and the read-model catch-up commit
    or roll back together. Every statement's driver error leaves as
    eventsourcing's exception.
    """

    def __init__(self, url: str, *, large_cache: bool = True) -> None:
        self.url = url
        self.large_cache = large_cache
        self.location = locate(url)
        self.is_sqlite = self.location.kind == "sqlite"
        self.lock_reads = self.location.in_memory
        # SQLite lets one writer at a time in: the threads of this process
        # queue here rather than time out on the file's lock.
        self.lock = threading.Lock() if self.is_sqlite else None
        self._local = threading.local()
        self._opened: list[PlainSQL] = []
        self._opening = threading.Lock()

    def _connection(self) -> PlainSQL:
        """This thread's connection (the only one, in memory), opened once."""
        holder: Any = self if self.lock_reads else self._local
        sql: PlainSQL | None = getattr(holder, "connection", None)
        if sql is None or getattr(sql.connection, "closed", False):
            try:
                raw = connect(self.location, large_cache=self.large_cache)
            except Exception as error:
                raise_translated(error)
            sql = PlainSQL(raw, translate=translated)
            holder.connection = sql
            with self._opening:
                self._opened.append(sql)
        return sql

    @contextmanager
    def transaction(self, commit: bool) -> Iterator[PlainSQL]:
        current: tuple[PlainSQL, bool] | None = getattr(self._local, "current", None)
        if current is not None:
            sql, outer_commits = current
            if commit and not outer_commits:
                raise persistence.ProgrammingError(
                    "A writing transaction cannot join a read-only one."
                )
            yield sql
            return
        lock = self.lock if (commit or self.lock_reads) else None
        if lock is not None:
            lock.acquire()
        try:
            sql = self._connection()
            if self.is_sqlite:  # psycopg begins by itself on first use
                self._begin(sql, commit)
            self._local.current = (sql, commit)
            try:
                yield sql
            except BaseException:
                self._end(sql, commit=False)
                raise
            finally:
                self._local.current = None
            self._end(sql, commit)
        finally:
            if lock is not None:
                lock.release()

    @staticmethod
    def _begin(sql: PlainSQL, commit: bool) -> None:
        """Begin a SQLite transaction; a writing one takes the file's write
        lock now, waiting for another writer (saying so after a second) up
        to ``BUSY_WAIT_SECONDS``, then giving up with ``DatabaseBusy``."""
        if not commit:
            sql.execute("BEGIN")
            return

        def begin() -> bool:
            try:
                sql.execute("BEGIN IMMEDIATE")  # waits BUSY_NOTICE_SECONDS
            except DatabaseBusy:
                return False
            return True

        until_locked(begin)

    @staticmethod
    def _end(sql: PlainSQL, commit: bool) -> None:
        """Commit or roll back; a commit that fails is rolled back, so the
        connection is ready for the next transaction."""
        try:
            if commit:
                sql.connection.commit()
            else:
                sql.connection.rollback()
        except Exception as error:
            if commit:
                with suppress(Exception):
                    sql.connection.rollback()
            raise_translated(error)

    def missing_tables(self, names: Sequence[str]) -> list[str]:
        with self.transaction(commit=False) as sql:
            present = existing_tables(sql)
        return [name for name in names if name not in present]

    def ensure_tables(self, names: Sequence[str]) -> None:
        """Create the tables that are missing (an append-only role, which may
        not create any, only looks)."""
        if not self.missing_tables(names):
            return
        with self.transaction(commit=True) as sql:
            create_missing(sql, names)
        if self.is_sqlite and not self.lock_reads:
            # Readers need not wait for a writer (WAL is kept by the file).
            self._connection().execute("PRAGMA journal_mode=WAL")

    def close(self) -> None:
        with self._opening:
            opened, self._opened = self._opened, []
        for sql in opened:
            sql.connection.close()


class LedgerRecorder(ApplicationRecorder):
    """Stores events and their chain rows; reads them back for the
    repository, the read models and the audit."""

    def __init__(self, datastore: Datastore, prefix: str) -> None:
        self.datastore = datastore
        self.prefix = prefix
        self.events_table = f"{prefix}_events"
        self.chain_table = f"{prefix}_chain"
        self.tracking_table = f"{prefix}_tracking"
        self.is_sqlite = datastore.is_sqlite

    def reopened(self) -> LedgerRecorder | None:
        """A recorder on connections of its own to the same database, for a
        forked process (which must not use this process's connections), if
        it could read while this process writes: on PostgreSQL, and on a
        SQLite file in WAL mode (not in memory, nor behind a rollback
        journal, which locks readers out once a big transaction spills)."""
        store = self.datastore
        if store.location.in_memory:
            return None
        if store.is_sqlite:
            with store.transaction(commit=False) as sql:
                if str(sql.scalar("PRAGMA journal_mode")).lower() != "wal":
                    return None
        # It reads the log once, in index order: SQLite's small default
        # cache serves that as well as a large one would.
        return LedgerRecorder(Datastore(store.url, large_cache=False), self.prefix)

    def create_tables(self) -> None:
        self.datastore.ensure_tables(
            [self.events_table, self.chain_table, self.tracking_table]
        )

    def may_write(self, table: str) -> bool:
        """Whether this role may change ``table`` (always, on SQLite)."""
        if self.is_sqlite:
            return True
        with self.transaction(commit=False) as sql:
            return bool(
                sql.scalar("SELECT has_table_privilege(:table, 'UPDATE')", table=table)
            )

    def transaction(self, commit: bool = True) -> AbstractContextManager[PlainSQL]:
        return self.datastore.transaction(commit)

    def uuid_value(self, value: UUID | str) -> Any:
        """An aggregate ID as the events table stores it on this database."""
        return to_stored_id(value, self.is_sqlite)

    def lock_appends(self, sql: PlainSQL) -> None:
        """Serialise appends until commit (see the module docstring): on
        PostgreSQL by the append-lock function, waiting for another writer
        (saying so after a second) up to ``BUSY_WAIT_SECONDS``."""
        if self.is_sqlite:
            return  # BEGIN IMMEDIATE took the file's write lock
        lock, _ = pg_append.function_names(self.prefix)
        wait_ms = int(BUSY_NOTICE_SECONDS * 1000)
        until_locked(
            lambda: self._on_server(sql, f"SELECT {lock}(:wait_ms)", wait_ms=wait_ms)
        )

    def _on_server(self, sql: PlainSQL, statement: str, **parameters: Any) -> Any:
        """Call one of the append functions; their absence (a database made
        by an older version, whose owner has not opened it since) is said
        in one line."""
        try:
            return sql.scalar(statement, **parameters)
        except persistence.ProgrammingError as error:
            if getattr(error.__cause__, "sqlstate", None) != "42883":
                raise
            raise TrackerError(
                "This database has no append function yet: its owner must run "
                "'tracker db init' once (and 'tracker db harden' again)."
            ) from None

    def install_append_path(
        self, topics: Sequence[str], created: Sequence[str], aggregates: Sequence[str]
    ) -> None:
        """On PostgreSQL, (re)create the append functions when they are
        missing or differ from this version's, if this role owns the events
        table (a clerk's role only uses them)."""
        if self.is_sqlite:
            return
        with self.transaction(commit=True) as sql:
            owner = sql.scalar(
                "SELECT tableowner = current_user FROM pg_tables"
                " WHERE schemaname = current_schema() AND tablename = :table",
                table=self.events_table,
            )
            if not owner:
                return
            schema = str(sql.scalar("SELECT current_schema()"))
            statements = pg_append.definitions(
                self.prefix, schema, topics, created, aggregates
            )
            installed = pg_append.installed_bodies(sql, self.prefix)
            if sorted(installed.values()) == sorted(pg_append.bodies_of(statements)):
                return
            for statement in statements:
                sql.execute(statement)

    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int]:
        return self.insert_encoded(
            [
                (e.originator_id, e.originator_version, e.topic, e.state)
                for e in stored_events
            ]
        )

    def insert_encoded(self, events: Sequence[EncodedEvent]) -> list[int]:
        """Append events already encoded, as plain tuples (what an import's
        helper process sends); their log positions."""
        with self.transaction(commit=True) as sql:
            return self._append(sql, events)

    def _append(self, sql: PlainSQL, events: Sequence[EncodedEvent]) -> list[int]:
        """Append events at the next positions, with their chain rows (on
        PostgreSQL, by the append function, which computes them itself)."""
        self.lock_appends(sql)
        if not self.is_sqlite:
            _, append = pg_append.function_names(self.prefix)
            return list(
                self._on_server(
                    sql,
                    f"SELECT {append}(CAST(:ids AS uuid[]),"
                    " CAST(:versions AS bigint[]), CAST(:topics AS text[]),"
                    " CAST(:states AS bytea[]))",
                    ids=[self.uuid_value(event[0]) for event in events],
                    versions=[event[1] for event in events],
                    topics=[event[2] for event in events],
                    states=[event[3] for event in events],
                )
            )
        last = sql.scalar(f"SELECT max(id) FROM {self.events_table}") or 0
        positions = list(range(last + 1, last + 1 + len(events)))
        sql.insert_many(
            self.events_table,
            EVENT_COLUMNS,
            [
                (position, self.uuid_value(originator_id), version, topic, state)
                for position, (originator_id, version, topic, state) in zip(
                    positions, events, strict=True
                )
            ],
        )
        previous = sql.scalar(
            f"SELECT hash FROM {self.chain_table} ORDER BY position DESC LIMIT 1"
        )
        previous = previous or GENESIS
        recorded_at = utc_now_text()
        rows = []
        for position, (originator_id, version, topic, state) in zip(
            positions, events, strict=True
        ):
            digest = chain_hash(
                previous, position, originator_id, version, topic, state, recorded_at
            )
            rows.append((position, recorded_at, previous, digest))
            previous = digest
        sql.insert_many(self.chain_table, CHAIN_COLUMNS, rows)
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
        query = (
            "SELECT originator_version, topic, state"
            f" FROM {self.events_table} WHERE originator_id = :id"
        )
        if gt is not None:
            query += " AND originator_version > :gt"
        if lte is not None:
            query += " AND originator_version <= :lte"
        query += " ORDER BY originator_version" + (" DESC" if desc else "")
        if limit is not None:
            query += " LIMIT :limit"
        with self.transaction(commit=False) as sql:
            rows = sql.rows(
                query, id=self.uuid_value(originator_id), gt=gt, lte=lte, limit=limit
            )
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
        conditions, parameters = [], {}
        if start is not None:
            conditions.append("id >= :start" if inclusive_of_start else "id > :start")
        if stop is not None:
            conditions.append("id <= :stop")
        if topics:
            listed, parameters = in_list("topic", topics)
            conditions.append(f"topic IN ({listed})")
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        return self._notifications(
            f"{where} ORDER BY id LIMIT :limit",
            start=start,
            stop=stop,
            limit=limit,
            **parameters,
        )

    def _notifications(self, rest: str, **parameters: Any) -> list[Notification]:
        with self.transaction(commit=False) as sql:
            rows = sql.rows(
                "SELECT id, originator_id, originator_version, topic, state"
                f" FROM {self.events_table}{rest}",
                **parameters,
            )
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
        resume = ""
        if after is not None:
            resume = " AND (originator_id, originator_version) > (:after, :version)"
        return self._notifications(
            f" WHERE id <= :stop{resume}"
            " ORDER BY originator_id, originator_version LIMIT :limit",
            stop=stop,
            after=None if after is None else self.uuid_value(after[0]),
            version=None if after is None else after[1],
            limit=limit,
        )

    def select_first_events(
        self, originator_ids: Iterable[UUID]
    ) -> list[tuple[UUID, bytes]]:
        """The ID and state of each of these aggregates' first event (a task's
        assignment, which names its code), for those that exist."""
        found = []
        with self.transaction(commit=False) as sql:
            for chunk in chunks(list(originator_ids)):
                listed, keys = in_list("id", map(self.uuid_value, chunk))
                rows = sql.rows(
                    f"SELECT originator_id, state FROM {self.events_table}"
                    f" WHERE originator_id IN ({listed}) AND originator_version = 1",
                    **keys,
                )
                found += [(from_stored_id(row[0]), bytes(row[1])) for row in rows]
        return found

    def max_notification_id(self) -> int | None:
        with self.transaction(commit=False) as sql:
            value = sql.scalar(f"SELECT max(id) FROM {self.events_table}")
        return None if value is None else int(value)

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

    URL = "LEDGER_URL"

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
