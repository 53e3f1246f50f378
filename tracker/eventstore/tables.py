"""The ledger's own tables by name, importable without SQLAlchemy; their
definitions are in ``tracker.eventstore.table_definitions``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

APPLICATION = "tracker"  # the application's name prefixes its tables
# The ledger's columns in the order bulk inserts give them.
EVENT_COLUMNS = ("id", "originator_id", "originator_version", "topic", "state")
CHAIN_COLUMNS = ("position", "recorded_at", "previous_hash", "hash")


def table_names(prefix: str = APPLICATION) -> tuple[str, str, str]:
    """The events, chain and tracking tables of the application ``prefix``."""
    return f"{prefix}_events", f"{prefix}_chain", f"{prefix}_tracking"


def definitions(prefix: str = APPLICATION) -> Mapping[str, Any]:
    """The tables' SQLAlchemy definitions (importing SQLAlchemy)."""
    from tracker.eventstore.table_definitions import ledger_tables

    tables = ledger_tables(prefix)
    return {t.name: t for t in (tables.events, tables.chain, tables.tracking)}
