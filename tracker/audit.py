"""Audit: the ledger's fingerprint, its verification, export and restore.

``verify`` walks the events and their chain rows in log order and recomputes
every hash: an event altered, removed or inserted outside the tool breaks the
chain at that position. Someone with write access to the database could
recompute the whole chain, so every report prints the fingerprint
(``POSITION:HASH``) it was computed at; ``verify --fingerprint`` proves that
today's ledger still holds, unchanged, the history behind that figure.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import StoredEvent

from domain.errors import IntegrityFailure
from domain.task import task_id
from domain.text import fold
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


@dataclass(frozen=True)
class StoredEntry:
    """One position of the log: the event row and the chain row, either may
    be missing when the database was edited behind the tool's back."""

    position: int
    event: Any | None  # (originator_id, originator_version, topic, state)
    chain: Any | None  # (recorded_at, previous_hash, hash)


class Audit:
    """Mixed into ``TaskLedger``; relies on its recorder and mapper."""

    recorder: Any
    mapper: Any
    catch_up: Any
    task_facts: Callable[[str], Any]

    @property
    def _events(self) -> str:
        return str(self.recorder.events_table)

    @property
    def _chain(self) -> str:
        return str(self.recorder.chain_table)

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
        """Every position holding an event row or a chain row, in order."""
        events, chain = self._events, self._chain
        with self.recorder.transaction(commit=False) as sql:
            last = max(
                sql.scalar(f"SELECT max(id) FROM {events}") or 0,
                sql.scalar(f"SELECT max(position) FROM {chain}") or 0,
            )
            low = 0
            while low < last:
                high = min(low + WINDOW, last)
                event_rows = _by_position(
                    sql,
                    events,
                    "id",
                    "originator_id, originator_version, topic, state",
                    low,
                    high,
                )
                chain_rows = _by_position(
                    sql,
                    chain,
                    "position",
                    "recorded_at, previous_hash, hash",
                    low,
                    high,
                )
                for position in sorted(event_rows.keys() | chain_rows.keys()):
                    event = event_rows.get(position)
                    if event is not None:
                        event = (from_stored_id(event[0]), *event[1:])
                    yield StoredEntry(position, event, chain_rows.get(position))
                low = high

    def verify(
        self,
        fingerprint: Fingerprint | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Recompute the chain; raise ``IntegrityFailure`` at the first break.

        Returns how many events were checked. With a fingerprint, also check
        that the chain hash at its position is the one the report printed.
        """
        previous = GENESIS
        checked = 0
        fingerprint_seen = fingerprint is None
        for entry in self._entries():
            problem = _problem(entry, previous)
            if problem:
                raise IntegrityFailure(
                    f"The ledger is broken at position {entry.position} "
                    f"({self._task_of(entry)}): {problem}."
                )
            assert entry.chain is not None
            previous = entry.chain[2]
            checked += 1
            if fingerprint is not None and entry.position == fingerprint.position:
                fingerprint_seen = previous.startswith(fingerprint.hash)
                if not fingerprint_seen:
                    raise IntegrityFailure(
                        "The ledger no longer matches fingerprint "
                        f"{fingerprint.short}: the history up to position "
                        f"{fingerprint.position} was rewritten (its hash there is now "
                        f"{previous[:MIN_FINGERPRINT_HEX]})."
                    )
            if progress is not None and checked % 1000 == 0:
                progress(1000)
        if progress is not None:
            progress(checked % 1000)
        if not fingerprint_seen:
            assert fingerprint is not None
            raise IntegrityFailure(
                f"The ledger has no event at position {fingerprint.position} of "
                f"fingerprint {fingerprint.short}."
            )
        return checked

    def _task_of(self, entry: StoredEntry) -> str:
        """The task a broken position belongs to, as well as it can be told."""
        if entry.event is None:
            return "an event that is no longer there"
        originator_id = entry.event[0]
        code = self._codes({originator_id}).get(originator_id)
        return f"task {code}" if code else f"task {originator_id}"


def _by_position(
    sql: PlainSQL, table: str, key: str, columns: str, low: int, high: int
) -> dict[int, Any]:
    """``columns`` of the rows of ``table`` with ``low < key <= high``, keyed
    by position."""
    rows = sql.rows(
        f"SELECT {key}, {columns} FROM {table} WHERE {key} > :low AND {key} <= :high",
        low=low,
        high=high,
    )
    return {row[0]: row[1:] for row in rows}


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
        bytes(state),
        recorded_at,
    )
    if expected != digest:
        return "the stored event was altered"
    return None
