"""Connections to one database, and transactions that join one another.

Each thread keeps one connection (SQLite's page cache stays warm between
transactions); a database in memory is one connection that all threads take
turns on. A transaction opened while another is open on the same thread
joins it, so a batch, its saves and the read models' rows commit or roll
back together. A writer that finds the database locked waits, says so after
a second, and gives up with ``DatabaseBusy`` (exit 3); every other driver
error leaves as eventsourcing's exception of the same kind, which the event
store and the use cases catch whatever the database.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, NoReturn

from eventsourcing import persistence

from database.connect import SQLITE_BUSY_SECONDS, connect, locate
from database.ddl import Definitions, create_missing, existing_tables
from database.notices import notice
from database.plain_sql import PlainSQL
from domain.errors import DatabaseBusy

DRIVER_MODULES = ("sqlite3", "psycopg")
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
            notice(__name__, "Waiting for the database: another clerk is writing...")
            noticed = True


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
    thread (see the module docstring)."""

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
            if self.is_sqlite:
                self._begin(sql, commit)
            else:
                # psycopg begins by itself on first use: READ ONLY for a
                # read, and a write as the server's defaults have it.
                read_only = None if commit else True
                if sql.connection.read_only is not read_only:
                    sql.connection.read_only = read_only
            self._local.current = (sql, commit)
            try:
                yield sql
            except BaseException:
                self._end(sql, commit=False)
                raise
            finally:
                self._local.current = None
            # A read-only PostgreSQL transaction ends with COMMIT: the server
            # refused any write in it, and psycopg answers every ROLLBACK by
            # deallocating the connection's prepared statements, which the
            # next save would then parse and plan again.
            self._end(sql, commit=commit or not self.is_sqlite)
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

    def ensure_tables(self, names: Sequence[str], definitions: Definitions) -> None:
        """Create the tables that are missing (an append-only role, which may
        not create any, only looks)."""
        if not self.missing_tables(names):
            return
        with self.transaction(commit=True) as sql:
            create_missing(sql, names, definitions)
        if self.is_sqlite and not self.lock_reads:
            # Readers need not wait for a writer (WAL is kept by the file).
            self._connection().execute("PRAGMA journal_mode=WAL")

    def close(self) -> None:
        with self._opening:
            opened, self._opened = self._opened, []
        for sql in opened:
            sql.connection.close()
