"""Creating and emptying the tables, on the run-time connection.

The tables are defined once, as SQLAlchemy Core (``tracker.tables`` for the
ledger, ``projections.schema`` for the read models). SQLAlchemy is imported
only when a table is missing: its definitions are compiled to DDL for the
connection's database and run on that connection, inside its transaction (a
rebuild empties and refills the read models atomically). Opening an existing
ledger costs one query and imports nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from projections.plain_sql import PlainSQL


def existing_tables(sql: PlainSQL) -> set[str]:
    if sql.is_sqlite:
        rows = sql.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = sql.rows(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    return {row[0] for row in rows}


def create_missing(sql: PlainSQL, names: Sequence[str]) -> list[str]:
    """Create those of the tables ``names`` that do not exist; return them."""
    present = existing_tables(sql)
    missing = [name for name in names if name not in present]
    for statement in ddl(missing, sql.kind):
        sql.execute(statement)
    return missing


def empty(sql: PlainSQL, names: Sequence[str]) -> None:
    """Delete every row of the tables ``names``, keeping the tables: the
    privileges ``tracker db harden`` granted on them stay as they are."""
    for name in names:
        sql.execute(f"DELETE FROM {name}" if sql.is_sqlite else f"TRUNCATE {name}")


def ddl(names: Sequence[str], kind: str) -> list[str]:
    """``CREATE TABLE`` and ``CREATE INDEX`` statements for the tables
    ``names``, compiled from their definitions for ``kind`` of database."""
    if not names:
        return []
    from sqlalchemy.dialects import postgresql, sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    dialect: Any = sqlite.dialect() if kind == "sqlite" else postgresql.dialect()
    statements = []
    for table in _definitions(names):
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)))
    return statements


def _definitions(names: Sequence[str]) -> list[Any]:
    from projections.schema import metadata as read_models
    from tracker.tables import ledger_tables
    from tracker.tables import metadata as ledger

    for name in names:  # the ledger's tables are defined per application name
        for suffix in ("_events", "_chain", "_tracking"):
            if name.endswith(suffix):
                ledger_tables(name.removesuffix(suffix))
    defined = {**ledger.tables, **read_models.tables}
    return [defined[name] for name in names]
