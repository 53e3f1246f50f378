"""How aggregate IDs are stored: native ``uuid`` on PostgreSQL, 16 bytes in
SQLite (what eventsourcing-sqlalchemy stored, so old ledgers open)."""

from __future__ import annotations

from uuid import UUID


def to_stored_id(value: UUID | str, as_bytes: bool) -> UUID | bytes:
    uuid = value if isinstance(value, UUID) else UUID(str(value))
    return uuid.bytes if as_bytes else uuid


def from_stored_id(value: UUID | bytes | memoryview | str) -> UUID:
    if isinstance(value, UUID):
        return value
    if isinstance(value, (bytes, memoryview)):
        return UUID(bytes=bytes(value))
    return UUID(value)
