"""Export and restore: the whole ledger as JSON Lines, and back.

An export is one event per line (position, recording time, aggregate, topic,
the event's own JSON, previous hash and hash), then an end line with the
count and head, so that a truncated file is told from a complete one. A
restore loads such a file into an empty database and checks the chain and the
end line as it goes, and builds the read models from it in the same
transaction: any break keeps nothing. This is also how a ledger moves from
SQLite to PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any
from uuid import UUID

from database.plain_sql import PlainSQL
from domain.errors import IntegrityFailure, TaskRuleError, TrackerError
from tracker.audit.stored_values import WINDOW
from tracker.audit.verify import Audit
from tracker.eventstore.chain import GENESIS, UTC_TEXT, Fingerprint, chain_hash
from tracker.eventstore.recorder import LedgerRecorder
from tracker.eventstore.tables import CHAIN_COLUMNS, EVENT_COLUMNS
from tracker.read_models import ReadModels


class Archive:
    """The whole ledger to a file and back."""

    def __init__(
        self, store: LedgerRecorder, audit: Audit, read_models: ReadModels
    ) -> None:
        self.store = store
        self.audit = audit
        self.read_models = read_models

    def export_lines(self) -> Iterator[str]:
        """The ledger as JSON Lines, ending with a line that states its size
        and head (so a truncated file is told from a complete one)."""
        count = 0
        head = Fingerprint(0, GENESIS)
        for entry in self.audit.entries():
            if entry.event is None or entry.chain is None:
                raise IntegrityFailure(
                    f"Cannot export: position {entry.position} is broken; run verify."
                )
            originator_id, version, topic, state = entry.event
            recorded_at, previous_hash, digest = entry.chain
            count += 1
            head = Fingerprint(entry.position, digest)
            fields = json.dumps(
                {
                    "position": entry.position,
                    "recorded_at": recorded_at,
                    "originator_id": str(originator_id),
                    "originator_version": version,
                    "topic": topic,
                    "previous_hash": previous_hash,
                    "hash": digest,
                },
                ensure_ascii=False,
            )
            # The stored state is already compact JSON: splice it in as it is
            # (re-encoding every event would be most of an export's work).
            try:
                text = bytes(state).decode("utf-8")
            except (TypeError, UnicodeDecodeError):
                raise IntegrityFailure(
                    f"Cannot export: the event at position {entry.position} is "
                    "not UTF-8 JSON; run verify."
                ) from None
            yield f'{fields[:-1]}, "state": {text}}}'

        yield json.dumps({"end": True, "events": count, "head": head.as_dict()})

    def restore_lines(
        self, lines: Iterable[str], progress: Callable[[int], None] | None = None
    ) -> int:
        """Load an export into this (empty) ledger, checking the chain as it
        goes, and build the read models from it in the same transaction: a
        break, a truncation, or an event the read models cannot take keeps
        nothing."""
        with self.store.transaction(commit=True) as sql:
            self.store.lock_appends(sql)
            count = self._load(sql, lines, progress)
            try:
                # The rebuild's helper could not see these rows before they
                # commit: it reads on a connection of its own.
                self.read_models.rebuild(in_helper=False)
            except TrackerError:
                raise
            except Exception as error:
                raise IntegrityFailure(
                    "The file's events cannot be applied to the read models "
                    f"({type(error).__name__}: {error}); nothing was restored."
                ) from None
        return count

    def _load(
        self,
        sql: PlainSQL,
        lines: Iterable[str],
        progress: Callable[[int], None] | None,
    ) -> int:
        events, chain = self.store.events_table, self.store.chain_table
        if sql.scalar(f"SELECT count(*) FROM {events}"):
            raise TaskRuleError(
                "Restore needs an empty database; this one already holds events."
            )
        previous, count, ended = GENESIS, 0, False
        versions: dict[UUID, int] = {}  # each task's last version so far
        event_rows: list[tuple[Any, ...]] = []
        chain_rows: list[tuple[Any, ...]] = []
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if ended:
                raise IntegrityFailure(f"Line {number} follows the end marker.")
            record = _parse_line(line, number)
            if record.get("end"):
                _check_end(record, count, previous)
                ended = True
                continue
            event_row, chain_row = _checked_rows(
                record, previous, number, count + 1, versions, self.store.uuid_value
            )
            previous = chain_row[-1]  # its hash
            event_rows.append(event_row)
            chain_rows.append(chain_row)
            count += 1
            if len(event_rows) >= WINDOW:
                _flush(sql, events, chain, event_rows, chain_rows, progress)
        if not ended:
            raise IntegrityFailure(
                "The file is truncated: its end marker is missing; nothing "
                "was restored."
            )
        _flush(sql, events, chain, event_rows, chain_rows, progress)
        if not sql.is_sqlite:
            sql.rows(
                f"SELECT setval(pg_get_serial_sequence('{events}', 'id'),"
                f" (SELECT COALESCE(MAX(id), 1) FROM {events}))"
            )
        return count


def _first_wrong(*checks: tuple[str, bool]) -> str | None:
    """The name of the first check that failed, if any."""
    return next((name for name, fits in checks if not fits), None)


def _whole(value: Any) -> bool:
    return type(value) is int


def _utc_text(text: str) -> bool:
    """Whether ``text`` is a recording time as the event store writes it."""
    if not UTC_TEXT.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _parse_line(line: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError:
        raise IntegrityFailure(
            f"Line {number} is not a complete JSON record (the file is truncated "
            "or damaged); nothing was restored."
        ) from None
    if not isinstance(record, dict):
        raise IntegrityFailure(f"Line {number} is not a ledger record.")
    return record


def _check_end(record: dict[str, Any], count: int, previous: str) -> None:
    head = record.get("head") or {}
    if record.get("events") != count or head.get("hash") != previous:
        raise IntegrityFailure(
            f"The end marker says {record.get('events')} events ending in "
            f"{str(head.get('hash'))[:16]}, but the file holds {count} ending in "
            f"{previous[:16]}; nothing was restored."
        )


def _checked_rows(
    record: dict[str, Any],
    previous: str,
    number: int,
    expected_position: int,
    versions: dict[UUID, int],
    uuid_value: Callable[[UUID], Any],
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The event and chain rows of one line, each value of the kind the
    tracker writes: an export's positions run 1, 2, 3..., each task's
    versions 1, 2, 3... (``versions`` holds each one's last, and is kept up
    to date), the recording time is fixed-width UTC text as both databases
    write it, and the event is a JSON object."""
    try:
        position = record["position"]
        originator_id = UUID(record["originator_id"])
        version = record["originator_version"]
        topic = record["topic"]
        recorded_at = record["recorded_at"]
        digest = str(record["hash"])
        previous_hash = str(record["previous_hash"])
        fields = record["state"]
    except (KeyError, ValueError, TypeError, AttributeError):
        raise IntegrityFailure(f"Line {number} lacks a ledger field.") from None
    expected_version = versions.get(originator_id, 0) + 1
    wrong = _first_wrong(
        ("position", _whole(position) and position == expected_position),
        ("version", _whole(version) and version == expected_version),
        ("topic", isinstance(topic, str)),
        # Not required to grow: a SQLite ledger takes each writer's own
        # clock, which may have been set back.
        ("recording time", isinstance(recorded_at, str) and _utc_text(recorded_at)),
        ("state", isinstance(fields, dict)),
    )
    if wrong:
        detail = {
            "position": f" ({expected_position} comes next)",
            "version": f" ({expected_version} comes next for its task)",
        }.get(wrong, "")
        raise IntegrityFailure(
            f"Line {number} holds a {wrong} the tracker never writes{detail}; "
            "nothing was restored."
        )
    state = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode()
    expected = chain_hash(
        previous, position, originator_id, version, topic, state, recorded_at
    )
    if previous_hash != previous or expected != digest:
        raise IntegrityFailure(
            f"The chain is broken at line {number} (position {position}): the "
            "file was altered; nothing was restored."
        )
    versions[originator_id] = version
    return (
        (position, uuid_value(originator_id), version, topic, state),
        (position, recorded_at, previous_hash, digest),
    )


def _flush(
    sql: PlainSQL,
    events: str,
    chain: str,
    event_rows: list[tuple[Any, ...]],
    chain_rows: list[tuple[Any, ...]],
    progress: Callable[[int], None] | None,
) -> None:
    if event_rows:
        sql.insert_many(events, EVENT_COLUMNS, event_rows)
        sql.insert_many(chain, CHAIN_COLUMNS, chain_rows)
        if progress is not None:
            progress(len(event_rows))
    event_rows.clear()
    chain_rows.clear()
