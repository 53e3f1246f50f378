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
from sqlalchemy import func, select

from domain.errors import IntegrityFailure
from domain.task import task_id
from domain.text import fold
from tracker.chain import (
    GENESIS,
    MIN_FINGERPRINT_HEX,
    Fingerprint,
    chain_hash,
)
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
    def _events(self) -> Any:
        return self.recorder.events_table

    @property
    def _chain(self) -> Any:
        return self.recorder.chain_table

    def fingerprint(self, position: int | None = None) -> Fingerprint:
        """The chain hash at ``position`` (default: the head of the ledger)."""
        chain = self._chain
        query = select(chain.c.position, chain.c.hash)
        if position is not None:
            query = query.where(chain.c.position <= position)
        query = query.order_by(chain.c.position.desc()).limit(1)
        with self.recorder.transaction(commit=False) as connection:
            row = connection.execute(query).first()
        return Fingerprint(row[0], row[1]) if row else Fingerprint(0, GENESIS)

    def position_known_at(self, moment_utc: str) -> int:
        """The last log position recorded at or before ``moment_utc`` (ISO)."""
        chain = self._chain
        with self.recorder.transaction(commit=False) as connection:
            value = connection.execute(
                select(func.max(chain.c.position)).where(
                    chain.c.recorded_at <= moment_utc
                )
            ).scalar()
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
        events, chain = self._events, self._chain
        query = (
            select(
                events.c.id,
                events.c.originator_id,
                events.c.originator_version,
                events.c.topic,
                events.c.state,
                chain.c.recorded_at,
                chain.c.hash,
            )
            .outerjoin(chain, chain.c.position == events.c.id)
            .order_by(events.c.id)
        )
        if code is not None:
            self.task_facts(code)  # refuses an unknown code
            query = query.where(events.c.originator_id == task_id(code))
        if since_utc is not None:
            query = query.where(chain.c.recorded_at >= since_utc)
        with self.recorder.transaction(commit=False) as connection:
            rows = connection.execute(query).all()
        codes = self._codes({row.originator_id for row in rows})
        records = []
        for row in rows:
            event = self.mapper.to_domain_event(
                StoredEvent(
                    row.originator_id,
                    row.originator_version,
                    row.topic,
                    bytes(row.state),
                )
            )
            if actor is not None and fold(event.actor) != fold(actor):
                continue
            record = event_record(
                event, position=row.id, recorded_at=row.recorded_at, digest=row.hash
            )
            records.append({"code": codes.get(row.originator_id), **record})
        return records

    def _codes(self, originator_ids: set[Any]) -> dict[Any, str]:
        """Task codes of aggregate IDs, read from their ``Assigned`` events."""
        events = self._events
        ids = list(originator_ids)
        codes: dict[Any, str] = {}
        with self.recorder.transaction(commit=False) as connection:
            for start in range(0, len(ids), 500):
                rows = connection.execute(
                    select(events.c.originator_id, events.c.state).where(
                        events.c.originator_id.in_(ids[start : start + 500]),
                        events.c.originator_version == 1,
                    )
                )
                for originator_id, state in rows:
                    try:
                        codes[originator_id] = json.loads(bytes(state))["code"]
                    except (ValueError, KeyError, TypeError):
                        continue
        return codes

    def _entries(self) -> Iterator[StoredEntry]:
        """Every position holding an event row or a chain row, in order."""
        events, chain = self._events, self._chain
        with self.recorder.transaction(commit=False) as connection:
            last = max(
                connection.execute(select(func.max(events.c.id))).scalar() or 0,
                connection.execute(select(func.max(chain.c.position))).scalar() or 0,
            )
            low = 0
            while low < last:
                high = min(low + WINDOW, last)
                event_rows = _by_position(
                    connection,
                    events.c.id,
                    (
                        events.c.originator_id,
                        events.c.originator_version,
                        events.c.topic,
                        events.c.state,
                    ),
                    low,
                    high,
                )
                chain_rows = _by_position(
                    connection,
                    chain.c.position,
                    (chain.c.recorded_at, chain.c.previous_hash, chain.c.hash),
                    low,
                    high,
                )
                for position in sorted(event_rows.keys() | chain_rows.keys()):
                    yield StoredEntry(
                        position, event_rows.get(position), chain_rows.get(position)
                    )
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
    connection: Any, key: Any, columns: tuple[Any, ...], low: int, high: int
) -> dict[int, Any]:
    """Rows with ``low < key <= high``, keyed by position."""
    rows = connection.execute(select(key, *columns).where(key > low, key <= high))
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
