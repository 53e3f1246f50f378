"""Tables the tracker adds beside the library's, as SQLAlchemy Core.

Kept apart from the event store so that the read-only report path can name
them without importing eventsourcing-sqlalchemy (and its start-up cost).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table

APPLICATION = "tracker"
READ_MODELS_NAME = "read_models"  # the tracking row of all read models

chain_metadata = MetaData()


def chain_table_for(events_table_name: str) -> Table:
    """The chain table beside an events table (one per application name)."""
    name = events_table_name.replace("_events", "") + "_chain"
    if name in chain_metadata.tables:
        return chain_metadata.tables[name]
    return Table(
        name,
        chain_metadata,
        Column(
            "position",
            BigInteger().with_variant(Integer(), "sqlite"),
            primary_key=True,
            autoincrement=False,
        ),
        Column("recorded_at", String(40), nullable=False, index=True),
        Column("previous_hash", String(64), nullable=False),
        Column("hash", String(64), nullable=False),
    )


# Enough of the library's tables for reading positions (never created here).
_references = MetaData()
events_reference = Table(
    f"{APPLICATION}_events",
    _references,
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
)
tracking_reference = Table(
    f"{APPLICATION}_tracking",
    _references,
    Column("application_name", String(32), primary_key=True),
    Column("notification_id", BigInteger().with_variant(Integer(), "sqlite")),
)
