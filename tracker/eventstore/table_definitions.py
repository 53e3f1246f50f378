"""The ledger's own tables, as SQLAlchemy Core: events, chain and tracking.

The events and tracking tables keep the layout eventsourcing-sqlalchemy gave
them (same names, columns, types and unique index), so a ledger recorded
before the tracker had its own event store opens unchanged. Only creating
the tables compiles them (``database.ddl``); the store runs plain SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import (
    BINARY,
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
)

from tracker.eventstore.tables import APPLICATION

metadata = MetaData()
Position = BigInteger().with_variant(Integer(), "sqlite")


# An aggregate's UUID: native ``uuid`` on PostgreSQL, 16 bytes elsewhere (what
# ``sqlalchemy_utils.UUIDType`` stored for eventsourcing-sqlalchemy); the
# store converts values itself (``tracker.eventstore.ids``).
AggregateId = BINARY(16).with_variant(Uuid(), "postgresql")


@dataclass(frozen=True)
class LedgerTables:
    events: Table
    chain: Table
    tracking: Table


def ledger_tables(prefix: str = APPLICATION) -> LedgerTables:
    """The tables of the application named ``prefix`` (``tracker_events`` ...)."""
    return _defined(prefix)


@cache
def _defined(prefix: str) -> LedgerTables:
    events = Table(
        f"{prefix}_events",
        metadata,
        Column("id", Position, primary_key=True, autoincrement=True),
        Column("originator_id", AggregateId, nullable=False),
        Column("originator_version", Position, nullable=False),
        Column("topic", Text(), nullable=False),
        Column("state", LargeBinary(), nullable=False),
        Index(
            f"{prefix}_events_aggregate_idx",
            "originator_id",
            "originator_version",
            unique=True,
        ),
    )
    chain = Table(
        f"{prefix}_chain",
        metadata,
        Column("position", Position, primary_key=True, autoincrement=False),
        Column("recorded_at", String(40), nullable=False, index=True),
        Column("previous_hash", String(64), nullable=False),
        Column("hash", String(64), nullable=False),
    )
    tracking = Table(
        f"{prefix}_tracking",
        metadata,
        Column("application_name", String(32), primary_key=True),
        Column("notification_id", Position),
    )
    return LedgerTables(events, chain, tracking)
