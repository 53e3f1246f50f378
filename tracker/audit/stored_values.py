"""Reading the events and chain tables whatever they hold.

SQLite keeps any value in any column, and someone editing the file behind
the tool's back can write anything: every stored value is checked for its
kind before it is used, so that verify reports it (exit 4, naming the
position) instead of crashing on it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from database.plain_sql import PlainSQL
from tracker.eventstore.chain import chain_hash

WINDOW = 5000
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


def window(
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


def entry(
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


def problem(entry: StoredEntry, previous: str) -> str | None:
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
