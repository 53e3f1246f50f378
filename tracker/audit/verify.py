"""Verifying the ledger, and showing its history.

``verify`` walks the events and their chain rows in log order and recomputes
every hash: an event altered, removed or inserted outside the tool breaks the
chain at that position (every stored value is checked for its kind first,
``tracker.audit.stored_values``). A whole chain that ends early is checked
against the evidence the database keeps of later events
(``tracker.audit.evidence``); with ``--read-models`` the read models are
proved equal to a replay of the log (``tracker.audit.read_model_check``).

Someone with write access to the database could remove that evidence as
well, or recompute the whole chain, so every report prints the fingerprint
(``POSITION:HASH``) it was computed at; ``verify --fingerprint`` proves that
today's ledger still holds, unchanged, the history behind that figure.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent

from database.notices import notice
from database.plain_sql import PlainSQL
from domain.codes import task_id
from domain.errors import IntegrityFailure, UnknownTask
from domain.limits import checked_code
from domain.text import fold
from tracker.audit import stored_values
from tracker.audit.evidence import newest_removed, statistics_notice
from tracker.audit.stored_values import (
    CHAIN_FIELDS,
    EVENT_FIELDS,
    WINDOW,
    StoredEntry,
    code_in_state,
    described,
    stored_rows,
    window,
)
from tracker.eventstore.chain import GENESIS, MIN_FINGERPRINT_HEX, Fingerprint
from tracker.eventstore.ids import from_stored_id
from tracker.eventstore.recorder import LedgerRecorder
from tracker.read_models import ReadModels
from tracker.views import event_record

STEP = 1000  # events between two reports of progress


@dataclass
class ChainWalk:
    """How far a walk of the chain went: events checked, last position."""

    checked: int = 0
    last: int = 0
    finished: bool = False


class Audit:
    """The ledger's audit: its chain, its read models, its history."""

    def __init__(
        self, store: LedgerRecorder, mapper: Mapper[Any], read_models: ReadModels
    ) -> None:
        self.store = store
        self.mapper = mapper
        self.read_models = read_models
        self._events = store.events_table
        self._chain = store.chain_table

    @contextmanager
    def snapshot(self) -> Iterator[PlainSQL]:
        """One read-only transaction that sees one state of the database, for
        a whole verification (everything run inside joins it): SQLite's
        reading transaction is one already; PostgreSQL's must be asked for
        REPEATABLE READ before its first statement, or a clerk appending
        meanwhile would make the log and the read models disagree."""
        with self.store.transaction(commit=False) as sql:
            if not sql.is_sqlite and _not_begun(sql):
                sql.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield sql

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
            code = checked_code(code)
            if not self.store.select_first_events([task_id(code)]):
                raise UnknownTask(code)
            conditions.append("e.originator_id = :task")
        if since_utc is not None:
            conditions.append("c.recorded_at >= :since")
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        with self.store.transaction(commit=False) as sql:
            rows = sql.rows(
                "SELECT e.id, e.originator_id, e.originator_version, e.topic,"
                " e.state, c.recorded_at, c.hash"
                f" FROM {self._events} e"
                f" LEFT OUTER JOIN {self._chain} c ON c.position = e.id"
                f"{where} ORDER BY e.id",
                task=None if code is None else self.store.uuid_value(task_id(code)),
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
        for originator_id, state in self.store.select_first_events(originator_ids):
            try:
                codes[originator_id] = json.loads(state)["code"]
            except (ValueError, KeyError, TypeError):
                continue
        return codes

    def entries(self) -> Iterator[StoredEntry]:
        """Every position holding an event row or a chain row, in order,
        whatever the positions (a row moved to position -5 or 2**63 - 1 is
        still met), read a window at a time from both tables."""
        with self.snapshot() as sql:
            low: int | None = None
            while True:
                events = window(sql, self._events, "id", EVENT_FIELDS, low)
                chain = window(sql, self._chain, "position", CHAIN_FIELDS, low)
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
                    yield stored_values.entry(
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
        log up to the position they track (``tracker.audit.read_model_check``):
        the events checked and a ``ReadModelCheck``; ``progress`` counts the
        events of both.

        The chain is walked between the read-model batches, while the helper
        prepares the next ones. A break in the chain is told first, whatever
        the read models show: it is the cause.
        """
        from tracker.audit.read_model_check import check_read_models

        walk = ChainWalk()
        with self.snapshot() as sql:
            steps = self._walk_chain(sql, fingerprint, walk)
            try:
                position = self.tracked_position()
                head = int(sql.scalar(f"SELECT max(id) FROM {self._events}") or 0)
                if position > head:  # the newest events removed: said below
                    raise IntegrityFailure("The read models are beyond the log.")
                check = check_read_models(
                    sql,
                    recorder=self.store,
                    mapper=self.mapper,
                    read_model=self.read_models.tasks,
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
        # Position 0 is the empty history, which every ledger holds (the
        # footer of a report on an empty ledger).
        fingerprint_seen = fingerprint is None or (
            fingerprint.position == 0 and GENESIS.startswith(fingerprint.hash)
        )
        for entry in self.entries():
            problem = entry.problem or stored_values.problem(entry, previous)
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
                f"FROM {self.store.tracking_table} WHERE application_name = :name",
                name=self.read_models.catch_up.name,
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
        removed = newest_removed(sql, last, self.tracked_position())
        if removed:
            raise IntegrityFailure(removed)
        found = statistics_notice(sql, self._events, self._chain)
        if found:
            notice(__name__, found)

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
            id=self.store.uuid_value(originator_id),
        )
        return next(filter(None, (code_in_state(state) for (state,) in rows)), None)


def _not_begun(sql: PlainSQL) -> bool:
    """Whether no statement has run yet in psycopg's current transaction."""
    from psycopg.pq import TransactionStatus

    return bool(sql.connection.info.transaction_status == TransactionStatus.IDLE)
