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


# The condition that keeps the events of the aggregates whose IDs lie from
# ``:low`` to ``:high`` (``schedule_range``).
IN_RANGE = "originator_id >= :low AND originator_id <= :high"


def schedule_range(as_bytes: bool) -> dict[str, UUID | bytes]:
    """``IN_RANGE``'s bounds for the schedules (``domain.codes``), as stored."""
    from domain.codes import HIGHEST_SCHEDULE_ID, LOWEST_SCHEDULE_ID

    return {
        "low": to_stored_id(LOWEST_SCHEDULE_ID, as_bytes),
        "high": to_stored_id(HIGHEST_SCHEDULE_ID, as_bytes),
    }
