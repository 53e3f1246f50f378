"""Audit: the ledger's fingerprint, its verification, export and restore.

``verify`` walks the events and their chain rows in log order and recomputes
every hash: an event altered, removed or inserted outside the tool breaks the
chain at that position. Every stored value is checked for its kind before it
is used (SQLite keeps whatever is written into a column), so that any byte
written behind the tool's back is reported, never a crash. Removing the
newest events leaves a whole, shorter chain; ``verify`` then looks for the
evidence the database keeps of them: the position the read models track,
each task's last position in ``tasks_view`` and, on PostgreSQL, the server's
own count of rows deleted or updated in tables the tracker only appends to.

Someone with write access to the database could remove that evidence as
well, or recompute the whole chain, so every report prints the fingerprint
(``POSITION:HASH``) it was computed at; ``verify --fingerprint`` proves that
today's ledger still holds, unchanged, the history behind that figure.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from domain.errors import IntegrityFailure
from domain.task import task_id
from domain.text import fold
from projections.names import TASKS
from projections.plain_sql import PlainSQL
from tracker.chain import (
    GENESIS,
    MIN_FINGERPRINT_HEX,
    Fingerprint,
    chain_hash,
)
from tracker.ids import from_stored_id
from tracker.views import event_record

WINDOW = 5000
STEP = 1000  # events between two reports of progress
EVENT_FIELDS = ("originator_id", "originator_version", "topic", "state")
CHAIN_FIELDS = ("recorded_at", "previous_hash", "hash")
# What each stored field must hold, as the message names it.
EXPECTED = {
    "originator_id": ("task ID", "a 16-byte ID"),
    "originator_version": ("version", "a whole number"),
    "topic": ("event type", "text"),
    "state": ("event", "bytes"),
    "recorded_at": ("recording time", "text"),
    "previous_hash": ("previous hash", "text"),
    "hash": ("hash", "text"),
}
LONGEST_SHOWN = 64


@dataclass(frozen=True)
class BadText:
    """Stored text that is not UTF-8, as its bytes: equal to no value that
    the tracker writes."""

    data: bytes


@dataclass(frozen=True)
class StoredEntry:
    """One position of the log: the event row and the chain row, either may
    be missing when the database was edited behind the tool's back.

    ``event`` is ``(originator_id, version, topic, state)`` and ``chain``
    ``(recorded_at, previous_hash, hash)``, each ``None`` when its row is
    missing or holds a value of the wrong kind (``problem`` then says which).
    """

    position: int
    event: Any | None
    chain: Any | None
    problem: str | None = None
    originator_id: UUID | None = None


@dataclass
class ChainWalk:
    """How far a walk of the chain went: events checked, last position."""

    checked: int = 0
    last: int = 0
    finished: bool = False


class Audit:
    """Mixed into ``TaskLedger``; relies on its recorder and mapper."""

    recorder: Any
    mapper: Any
    catch_up: Any
    tasks: Any
    task_facts: Callable[[str], Any]

    @property
    def _events(self) -> str:
        return str(self.recorder.events_table)

    @property
    def _chain(self) -> str:
        return str(self.recorder.chain_table)

    @contextmanager
    def snapshot(self) -> Iterator[PlainSQL]:
        """One read-only transaction that sees one state of the database, for
        a whole verification (everything run inside joins it): SQLite's
        reading transaction is one already; PostgreSQL's must be asked for
        REPEATABLE READ before its first statement, or a clerk appending
        meanwhile would make the log and the read models disagree."""
        with self.recorder.transaction(commit=False) as sql:
            if not sql.is_sqlite and _not_begun(sql):
                sql.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield sql

    def fingerprint(self, position: int | None = None) -> Fingerprint:
        """The chain hash at ``position`` (default: the head of the ledger)."""
        upto = "" if position is None else " WHERE position <= :position"
        with self.recorder.transaction(commit=False) as sql:
            row = sql.first(
                f"SELECT position, hash FROM {self._chain}{upto}"
                " ORDER BY position DESC LIMIT 1",
                position=position,
            )
        return Fingerprint(row[0], row[1]) if row else Fingerprint(0, GENESIS)

    def position_known_at(self, moment_utc: str) -> int:
        """The last log position recorded at or before ``moment_utc`` (ISO)."""
        with self.recorder.transaction(commit=False) as sql:
            value = sql.scalar(
                f"SELECT max(position) FROM {self._chain} WHERE recorded_at <= :moment",
                moment=moment_utc,
            )
        return int(value or 0)

    def history(
        self,
        code: str | None = None,
        *,
        since_utc: str | None = None,
        actor: str | None = None,
    ) -> list[dict[str, Any]]:
        """Recorded events, oldest first, with position, recording time, actor
        and hash: one task's (``code``), or everyone's since a moment."""
        conditions = []
        if code is not None:
            self.task_facts(code)  # refuses an unknown code
            conditions.append("e.originator_id = :task")
        if since_utc is not None:
            conditions.append("c.recorded_at >= :since")
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        with self.recorder.transaction(commit=False) as sql:
            rows = sql.rows(
                "SELECT e.id, e.originator_id, e.originator_version, e.topic,"
                " e.state, c.recorded_at, c.hash"
                f" FROM {self._events} e"
                f" LEFT OUTER JOIN {self._chain} c ON c.position = e.id"
                f"{where} ORDER BY e.id",
                task=None if code is None else self.recorder.uuid_value(task_id(code)),
                since=since_utc,
            )
        codes = self._codes({from_stored_id(row[1]) for row in rows})
        records = []
        for position, stored_id, version, topic, state, recorded_at, digest in rows:
            originator_id = from_stored_id(stored_id)
            event = self.mapper.to_domain_event(
                StoredEvent(originator_id, version, topic, bytes(state))
            )
            if actor is not None and fold(event.actor) != fold(actor):
                continue
            record = event_record(
                event, position=position, recorded_at=recorded_at, digest=digest
            )
            records.append({"code": codes.get(originator_id), **record})
        return records

    def _codes(self, originator_ids: set[Any]) -> dict[Any, str]:
        """Task codes of aggregate IDs, read from their ``Assigned`` events."""
        codes: dict[Any, str] = {}
        for originator_id, state in self.recorder.select_first_events(originator_ids):
            try:
                codes[originator_id] = json.loads(state)["code"]
            except (ValueError, KeyError, TypeError):
                continue
        return codes

    def _entries(self) -> Iterator[StoredEntry]:
        """Every position holding an event row or a chain row, in order,
        whatever the positions (a row moved to position -5 or 2**63 - 1 is
        still met), read a window at a time from both tables."""
        with self.snapshot() as sql:
            low: int | None = None
            while True:
                events = _window(sql, self._events, "id", EVENT_FIELDS, low)
                chain = _window(sql, self._chain, "position", CHAIN_FIELDS, low)
                if not events and not chain:
                    return
                # A full window may go on beyond its last row: stop there.
                ends = [rows[-1][0] for rows in (events, chain) if len(rows) == WINDOW]
                high = (
                    min(ends) if ends else max(r[-1][0] for r in (events, chain) if r)
                )
                event_rows = {row[0]: row for row in events if row[0] <= high}
                chain_rows = {row[0]: row for row in chain if row[0] <= high}
                for position in sorted(event_rows.keys() | chain_rows.keys()):
                    yield _entry(
                        position, event_rows.get(position), chain_rows.get(position)
                    )
                low = high

    def verify(
        self,
        fingerprint: Fingerprint | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Recompute the chain; raise ``IntegrityFailure`` at the first break,
        or when the database shows that the newest events were removed.

        Returns how many events were checked. With a fingerprint, also check
        that the chain hash at its position is the one the report printed.
        """
        walk = ChainWalk()
        with self.snapshot() as sql:
            for count in self._walk_chain(sql, fingerprint, walk):
                if progress is not None:
                    progress(count)
            self._check_newest(sql, walk.last)
        return walk.checked

    def verify_with_read_models(
        self,
        fingerprint: Fingerprint | None = None,
        progress: Callable[[int], None] | None = None,
        *,
        in_helper: bool | None = None,
    ) -> tuple[int, Any]:
        """``verify``, and prove that the read models equal a replay of the
        log up to the position they track (``tracker.read_model_check``):
        the events checked and a ``ReadModelCheck``; ``progress`` counts the
        events of both.

        The chain is walked between the read-model batches, while the helper
        prepares the next ones. A break in the chain is told first, whatever
        the read models show: it is the cause.
        """
        from tracker.read_model_check import check_read_models

        walk = ChainWalk()
        with self.snapshot() as sql:
            steps = self._walk_chain(sql, fingerprint, walk)
            position = self.tracked_position()
            head = int(sql.scalar(f"SELECT max(id) FROM {self._events}") or 0)
            try:
                if position > head:  # the newest events removed: said below
                    raise IntegrityFailure("The read models are beyond the log.")
                check = check_read_models(
                    sql,
                    recorder=self.recorder,
                    mapper=self.mapper,
                    read_model=self.tasks,
                    position=position,
                    head=head,
                    progress=progress,
                    in_helper=in_helper,
                    alongside=steps,
                )
            except Exception:
                for count in steps:  # a break in the chain raises here
                    if progress is not None:
                        progress(count)
                if walk.finished:
                    self._check_newest(sql, walk.last)
                raise
            self._check_newest(sql, walk.last)
        return walk.checked, check

    def _walk_chain(
        self, sql: PlainSQL, fingerprint: Fingerprint | None, walk: ChainWalk
    ) -> Iterator[int]:
        """Check every position in order, yielding how many events were
        checked since the last yield (every ``STEP``); ``walk`` keeps count."""
        previous = GENESIS
        fingerprint_seen = fingerprint is None
        for entry in self._entries():
            problem = entry.problem or _problem(entry, previous)
            if problem:
                raise IntegrityFailure(
                    f"The ledger is broken at position {entry.position} "
                    f"({self._task_of(sql, entry)}): {problem}."
                )
            assert entry.chain is not None
            previous = entry.chain[2]
            walk.checked += 1
            walk.last = entry.position
            if fingerprint is not None and entry.position == fingerprint.position:
                fingerprint_seen = previous.startswith(fingerprint.hash)
                if not fingerprint_seen:
                    raise IntegrityFailure(
                        "The ledger no longer matches fingerprint "
                        f"{fingerprint.short}: the history up to position "
                        f"{fingerprint.position} was rewritten (its hash there "
                        f"is now {previous[:MIN_FINGERPRINT_HEX]})."
                    )
            if walk.checked % STEP == 0:
                yield STEP
        if walk.checked % STEP:
            yield walk.checked % STEP
        if not fingerprint_seen:
            assert fingerprint is not None
            raise IntegrityFailure(
                f"The ledger has no event at position {fingerprint.position} of "
                f"fingerprint {fingerprint.short}."
            )
        walk.finished = True

    def tracked_position(self) -> int:
        """The log position the read models say they reflect, checked for its
        kind (``IntegrityFailure`` if it is not a position)."""
        with self.snapshot() as sql:
            rows = stored_rows(
                sql,
                ["notification_id"],
                f"FROM {self.recorder.tracking_table} WHERE application_name = :name",
                name=self.catch_up.name,
            )
        value = rows[0][0] if rows else None
        if value is None:
            return 0
        if type(value) is not int:
            raise IntegrityFailure(
                f"The read models' tracking position holds {described(value)}, not "
                "a position: it was edited behind the tool's back; run "
                "'tracker projections rebuild'."
            )
        return value

    def _check_newest(self, sql: PlainSQL, last: int) -> None:
        removed = self._newest_removed(sql, last)
        if removed:
            raise IntegrityFailure(removed)

    def _newest_removed(self, sql: PlainSQL, last: int) -> str | None:
        """What the database shows of events beyond ``last``, the end of a
        whole chain: the read models' position, tasks' last positions and, on
        PostgreSQL, the server's counts of rows deleted or updated."""
        position = self.tracked_position()
        evidence = []
        if position > last:
            evidence.append(
                (
                    position,
                    f"the read models had applied the log up to position {position}",
                )
            )
        latest = _latest_task_position(sql, last)
        if latest is not None:
            code, task_position = latest
            evidence.append(
                (
                    task_position,
                    f"the read models show task {code}'s last event at position "
                    f"{task_position}",
                )
            )
        changed = {} if sql.is_sqlite else self._rows_changed(sql)
        deleted = max((count for count, _ in changed.values()), default=0)
        if evidence:
            beyond, told = max(evidence, key=lambda found: found[0])
            beyond = max(beyond, last + deleted)
            return (
                f"The newest events were removed: {told}, but the log now ends "
                f"at position {last}, so at least {_positions(last + 1, beyond)} "
                "gone."
            )
        for table, (count, _) in changed.items():
            if count:
                return (
                    f"The newest events were removed: PostgreSQL counted {count} "
                    f"rows deleted from {table}, where the tracker never deletes, "
                    f"and the chain is whole to position {last}, so "
                    f"{_positions(last + 1, last + count)} most likely gone."
                )
        for table, (_, count) in changed.items():
            if count:
                return (
                    "The ledger was edited behind the tool's back: PostgreSQL "
                    f"counted {count} rows updated in {table}, where the tracker "
                    "never updates, and the chain was recomputed to hide it; only "
                    "a report's fingerprint tells what it held (verify "
                    "--fingerprint)."
                )
        return None

    def _rows_changed(self, sql: PlainSQL) -> dict[str, tuple[int, int]]:
        """Rows deleted and updated in the events and chain tables since
        they were created, as PostgreSQL's statistics count them (readable by
        every role; only a superuser can reset them)."""
        rows = sql.rows(
            "SELECT relname, n_tup_del, n_tup_upd FROM pg_stat_user_tables"
            " WHERE relid IN (to_regclass(:events), to_regclass(:chain))"
            " ORDER BY relname DESC",
            events=self._events,
            chain=self._chain,
        )
        return {
            str(name): (int(deleted), int(updated)) for name, deleted, updated in rows
        }

    def _task_of(self, sql: PlainSQL, entry: StoredEntry) -> str:
        """The task a broken position belongs to, as well as it can be told."""
        if entry.originator_id is None:
            if entry.event is None and entry.problem is None:
                return "an event that is no longer there"
            return "an event whose task cannot be told"
        code = self._code_of(sql, entry.originator_id)
        return f"task {code}" if code else f"task {entry.originator_id}"

    def _code_of(self, sql: PlainSQL, originator_id: UUID) -> str | None:
        """A task's code, from its ``Assigned`` event if that can be read."""
        rows = sql.utf8_rows(
            f"SELECT state FROM {self._events}"
            " WHERE originator_id = :id AND originator_version = 1",
            id=self.recorder.uuid_value(originator_id),
        )
        return next(filter(None, (code_in_state(state) for (state,) in rows)), None)


def _not_begun(sql: PlainSQL) -> bool:
    """Whether no statement has run yet in psycopg's current transaction."""
    from psycopg.pq import TransactionStatus

    return bool(sql.connection.info.transaction_status == TransactionStatus.IDLE)


def shown(text: Any) -> str | None:
    """``text`` if a message can show it as it is (one short printable line)."""
    if isinstance(text, str) and 0 < len(text) <= LONGEST_SHOWN and text.isprintable():
        return text
    return None


def code_in_state(state: Any) -> str | None:
    """The task code in a stored ``Assigned`` event's JSON, if it holds one a
    message can show."""
    try:
        decoded = json.loads(state)
    except (ValueError, TypeError, RecursionError):
        return None
    return shown(decoded.get("code")) if isinstance(decoded, dict) else None


def stored_rows(
    sql: PlainSQL, columns: Sequence[str], rest: str, **parameters: Any
) -> list[tuple[Any, ...]]:
    """``SELECT columns rest``, whatever the stored values: SQLite keeps any
    value in any column and its driver returns each as its kind (``None``,
    ``int``, ``float``, ``str``, ``bytes``), but refuses to fetch text that
    is not UTF-8; that is then fetched as bytes beside its ``typeof`` and
    returned as ``BadText``."""
    query = f"SELECT {', '.join(columns)} {rest}"
    if not sql.is_sqlite:
        return sql.rows(query, **parameters)
    try:
        return sql.rows(query, **parameters)
    except Exception:
        typed = ", ".join(f"typeof({column}), {column}" for column in columns)
        rows = sql.utf8_rows(f"SELECT {typed} {rest}", **parameters)
    return [
        tuple(
            _as_stored(kind, value)
            for kind, value in zip(row[::2], row[1::2], strict=True)
        )
        for row in rows
    ]


def _as_stored(kind: bytes, value: Any) -> Any:
    if kind != b"text":
        return value
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return BadText(value)


def described(value: Any) -> str:
    """What kind of value ``value`` is, as a message names it."""
    if isinstance(value, (bytes, memoryview)):
        return f"{len(value)} bytes"
    if value is None:
        return "nothing (NULL)"
    if isinstance(value, bool):
        return "a value of another kind"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, BadText):
        return "text that is not valid UTF-8"
    if isinstance(value, UUID):
        return "an ID"
    return "a value of another kind"


def _window(
    sql: PlainSQL, table: str, key: str, columns: Sequence[str], low: int | None
) -> list[tuple[Any, ...]]:
    """Up to ``WINDOW`` rows of ``table`` after position ``low``, in order."""
    after = "" if low is None else f" WHERE {key} > :low"
    return stored_rows(
        sql,
        [key, *columns],
        f"FROM {table}{after} ORDER BY {key} LIMIT :limit",
        low=low,
        limit=WINDOW,
    )


def _entry(
    position: int, event: tuple[Any, ...] | None, chain: tuple[Any, ...] | None
) -> StoredEntry:
    """One position's rows as values of the kinds the chain hashes, or what
    is wrong with them."""
    problem = originator_id = None
    if event is not None:
        _, stored_id, version, topic, state = event
        if type(stored_id) is UUID:
            originator_id = stored_id
        elif type(stored_id) is bytes and len(stored_id) == 16:
            originator_id = UUID(bytes=stored_id)
        else:
            problem = _wrong("originator_id", stored_id)
        if problem is None and not (
            type(version) is int and type(topic) is str and type(state) is bytes
        ):
            problem = _first_wrong(EVENT_FIELDS[1:], event[2:], (int, str, bytes))
        event = None if problem else (originator_id, version, topic, state)
    if chain is not None:
        if not all(type(value) is str for value in chain[1:]):
            problem = problem or _first_wrong(
                CHAIN_FIELDS, chain[1:], (str, str, str), "its chain entry's "
            )
            chain = None
        else:
            chain = chain[1:]
    if problem is not None:
        return StoredEntry(position, None, None, problem, originator_id)
    return StoredEntry(position, event, chain, None, originator_id)


def _first_wrong(
    fields: Sequence[str],
    values: Sequence[Any],
    kinds: Sequence[type],
    owner: str = "its stored ",
) -> str | None:
    for field, value, kind in zip(fields, values, kinds, strict=True):
        if type(value) is not kind:
            return _wrong(field, value, owner)
    return None


def _wrong(field: str, value: Any, owner: str = "its stored ") -> str:
    name, expected = EXPECTED[field]
    if isinstance(value, BadText):
        return f"{owner}{name} is not valid UTF-8 text"
    return f"{owner}{name} is {described(value)}, not {expected}"


def _problem(entry: StoredEntry, previous: str) -> str | None:
    """What is wrong at one position, given the hash before it."""
    if entry.event is None:
        return "its event was removed"
    if entry.chain is None:
        return "an event was inserted outside the tool (it has no chain entry)"
    originator_id, version, topic, state = entry.event
    recorded_at, previous_hash, digest = entry.chain
    if previous_hash != previous:
        return "the chain entry before it was removed or altered"
    expected = chain_hash(
        previous,
        entry.position,
        originator_id,
        version,
        topic,
        state,
        recorded_at,
    )
    if expected != digest:
        return "the stored event was altered"
    return None


def _latest_task_position(sql: PlainSQL, last: int) -> tuple[str, int] | None:
    """The task whose last event ``tasks_view`` places furthest beyond
    ``last``, and that position."""
    numeric = " AND typeof(position) = 'integer'" if sql.is_sqlite else ""
    rows = sql.utf8_rows(
        f"SELECT code, position FROM {TASKS} WHERE position > :last{numeric}"
        " ORDER BY position DESC LIMIT 1",
        last=last,
    )
    if not rows:
        return None
    code, position = rows[0]
    text = code.decode("utf-8", "replace") if isinstance(code, bytes) else code
    return shown(text) or "(a code that cannot be shown)", int(position)


def _positions(first: int, last: int) -> str:
    if first == last:
        return f"position {first} is"
    return f"positions {first} to {last} are"
