"""The event store: eventsourcing's recorder interface in plain SQL.

The recorder stores events and their chain rows and reads them back for the
repository, the read models and the audit, through ``database.transactions``
(so the read models' rows and their tracking commit in the very transaction
that records the events), with one code path for SQLite and PostgreSQL, and
eventsourcing's own ``IntegrityError`` for a conflicting append. Its tables
keep the layout eventsourcing-sqlalchemy gave them, so old ledgers open
unchanged.

Appends are serialised, and every event gets a chain row in the same
transaction, chaining onto the hash committed just before it. On SQLite, by
the database's own write lock, taken when a writing transaction begins
(``BEGIN IMMEDIATE``); under the lock the next positions are known, so events
go in at explicit positions with one ``executemany``. On PostgreSQL, by the
append functions of ``tracker.eventstore.pg_append``, which lock, number,
chain and insert on the server: the clerks' role may call them and insert
nothing itself, so raw SQL cannot write a malformed event or chain row.

Why not eventsourcing's ``SQLiteApplicationRecorder`` and
``PostgresApplicationRecorder`` (measured; bench/README.md, issue 14): on
the tracker's tables nearly every method had to be overridden; their pooled
connections cannot join the one transaction a batch and the write-through
need; their PostgreSQL ``insert_events`` inserts directly, where a clerk may
only call the append function, and turns a conflict into ``InternalError``,
which the application does not retry; their PostgreSQL datastore drops a
URL's options. What remained was twice the code, one class per database,
and psycopg-pool besides; slower on SQLite, and faster on PostgreSQL only by
keeping prepared statements, which this store does too (a read-only
transaction ends with COMMIT: ``database.transactions``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, NoReturn
from uuid import UUID

from eventsourcing import persistence
from eventsourcing.persistence import ApplicationRecorder, Notification, StoredEvent

from database.plain_sql import PlainSQL, chunks, in_list
from database.transactions import BUSY_NOTICE_SECONDS, Datastore, until_locked
from domain.errors import DatabaseBusy, IntegrityFailure, TrackerError
from tracker.eventstore import pg_append
from tracker.eventstore.chain import GENESIS, Fingerprint, chain_hash, utc_text
from tracker.eventstore.ids import from_stored_id, to_stored_id
from tracker.eventstore.tables import (
    CHAIN_COLUMNS,
    EVENT_COLUMNS,
    definitions,
    table_names,
)

MAX_POSITION = 2**63 - 1  # what a 64-bit position column holds
# An encoded event: aggregate ID (a UUID or its text), version, topic, state.
EncodedEvent = tuple[UUID | str, int, str, bytes]


class LedgerRecorder(ApplicationRecorder):
    """Stores events and their chain rows; reads them back for the
    repository, the read models and the audit."""

    def __init__(self, datastore: Datastore, prefix: str) -> None:
        self.datastore = datastore
        self.prefix = prefix
        self.events_table, self.chain_table, self.tracking_table = table_names(prefix)
        self._lock_granted: bool | None = None  # may this role take the lock
        self.is_sqlite = datastore.is_sqlite

    def create_tables(self) -> None:
        self.datastore.ensure_tables(
            table_names(self.prefix), lambda: definitions(self.prefix)
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
        (saying so after a second) up to ``BUSY_WAIT_SECONDS``. A clerk's
        role may not take the lock before it appends: its appends take it."""
        if self.is_sqlite or not self._may_lock(sql):
            return  # BEGIN IMMEDIATE took the file's write lock
        lock, _ = pg_append.function_names(self.prefix)
        wait_ms = int(BUSY_NOTICE_SECONDS * 1000)
        until_locked(
            lambda: self._on_server(sql, f"SELECT {lock}(:wait_ms)", wait_ms=wait_ms)
        )

    def _may_lock(self, sql: PlainSQL) -> bool:
        if self._lock_granted is None:
            lock, _ = pg_append.function_signatures(self.prefix)
            self._lock_granted = bool(
                sql.scalar(
                    "SELECT to_regprocedure(:lock) IS NULL"
                    " OR has_function_privilege(to_regprocedure(:lock), 'EXECUTE')",
                    lock=lock,
                )
            )
        return self._lock_granted

    def _append_on_server(self, sql: PlainSQL, events: Sequence[EncodedEvent]) -> Any:
        """The append function's call, waiting for the lock it takes as
        ``lock_appends`` waits (in a savepoint, so a try that timed out
        leaves the transaction usable)."""
        _, append = pg_append.function_names(self.prefix)
        statement = (
            f"SELECT {append}(CAST(:ids AS uuid[]), CAST(:versions AS bigint[]),"
            " CAST(:topics AS text[]), CAST(:states AS bytea[]))"
        )
        values = {
            "ids": [self.uuid_value(event[0]) for event in events],
            "versions": [event[1] for event in events],
            "topics": [event[2] for event in events],
            "states": [event[3] for event in events],
        }
        if self._may_lock(sql):
            return self._on_server(sql, statement, **values)
        answer: list[Any] = []

        def attempt() -> bool:
            sql.execute("SAVEPOINT tracker_append")
            sql.execute(
                f"SET LOCAL lock_timeout = '{int(BUSY_NOTICE_SECONDS * 1000)}ms'"
            )
            try:
                answer.append(self._on_server(sql, statement, **values))
            except DatabaseBusy:
                sql.execute("ROLLBACK TO SAVEPOINT tracker_append")
                return False
            sql.execute("RELEASE SAVEPOINT tracker_append")
            return True

        until_locked(attempt)
        return answer[0]

    def _on_server(self, sql: PlainSQL, statement: str, **parameters: Any) -> Any:
        """Call one of the append functions; their absence (a database made
        by an older version, whose owner has not opened it since) is said
        in one line."""
        try:
            return sql.scalar(statement, **parameters)
        except persistence.ProgrammingError as error:
            state = getattr(error.__cause__, "sqlstate", None)
            if state == "42501":
                raise TrackerError(
                    "This role may not record events (it is the projector's, or "
                    "reads only); record them as a clerk."
                ) from None
            if state != "42883":
                raise
            raise TrackerError(
                "This database has no append function yet: its owner must run "
                "'tracker db init' once (and 'tracker db harden' again)."
            ) from None

    def install_append_path(self) -> None:
        """On PostgreSQL, (re)create the append functions and the codes table
        when they are missing or differ from this version's, if this role
        owns the events table (a clerk's role only uses them). They hold the
        kinds of events and their fields (``topics``), which SQLite never
        needs: reading them there would load every aggregate for nothing."""
        if self.is_sqlite:
            return
        from tracker.eventstore.topics import event_schema, event_topics

        _, created, aggregates = event_topics()
        fields = event_schema()
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
                self.prefix, schema, created, aggregates, fields
            )
            if pg_append.installed(sql, self.prefix) == pg_append.expected(
                statements, self.prefix
            ):
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
            return list(self._append_on_server(sql, events))
        last = sql.scalar(f"SELECT max(id) FROM {self.events_table}") or 0
        if not 0 <= last < MAX_POSITION - len(events):
            raise IntegrityFailure(
                f"The log's last position ({last}) is not one the tracker writes; "
                "nothing was recorded. Run 'tracker verify'."
            )
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
        recorded_at = utc_text(datetime.now(UTC))
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

    def fingerprint(self, position: int | None = None) -> Fingerprint:
        """The chain hash at ``position`` (default: the head of the ledger)."""
        upto = "" if position is None else " WHERE position <= :position"
        with self.transaction(commit=False) as sql:
            row = sql.first(
                f"SELECT position, hash FROM {self.chain_table}{upto}"
                " ORDER BY position DESC LIMIT 1",
                position=position,
            )
        return Fingerprint(row[0], row[1]) if row else Fingerprint(0, GENESIS)

    def position_known_at(self, moment: datetime) -> int:
        """The last log position recorded at or before ``moment``."""
        with self.transaction(commit=False) as sql:
            value = sql.scalar(
                f"SELECT max(position) FROM {self.chain_table}"
                " WHERE recorded_at <= :moment",
                moment=utc_text(moment),
            )
        return int(value or 0)

    def subscribe(self, gt: int | None = None, topics: Sequence[str] = ()) -> NoReturn:
        raise NotImplementedError(
            "The tracker pulls the log (projections.catch_up.CatchUp); nothing "
            "subscribes to it."
        )
