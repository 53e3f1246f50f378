"""Creating and emptying tables, on the run-time connection.

Each package defines its tables once, as SQLAlchemy Core, and hands them
over through a function that imports them (``Definitions``): SQLAlchemy is
imported only when a table is missing, its definitions are compiled to DDL
for the connection's database and run on that connection, inside its
transaction. Opening an existing database costs one query and imports
nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from database.plain_sql import PlainSQL

# Table name -> its SQLAlchemy ``Table``, imported when called.
Definitions = Callable[[], Mapping[str, Any]]


def existing_tables(sql: PlainSQL) -> set[str]:
    if sql.is_sqlite:
        rows = sql.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = sql.rows(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    return {row[0] for row in rows}


def create_missing(
    sql: PlainSQL, names: Sequence[str], definitions: Definitions
) -> list[str]:
    """Create those of the tables ``names`` that do not exist; return them."""
    present = existing_tables(sql)
    missing = [name for name in names if name not in present]
    for statement in ddl(missing, sql.kind, definitions):
        sql.execute(statement)
    return missing


def empty(sql: PlainSQL, names: Sequence[str]) -> None:
    """Delete every row of the tables ``names``, keeping the tables, and so
    the privileges granted on them. ``DELETE``, not PostgreSQL's faster
    ``TRUNCATE``: that would lock every reader out until the transaction
    ends, where a rebuild must let them read the old rows meanwhile."""
    for name in names:
        sql.execute(f"DELETE FROM {name}")


def ddl(names: Sequence[str], kind: str, definitions: Definitions) -> list[str]:
    """``CREATE TABLE`` and ``CREATE INDEX`` statements for the tables
    ``names``, compiled from their definitions for ``kind`` of database."""
    if not names:
        return []
    from sqlalchemy.dialects import postgresql, sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    dialect: Any = sqlite.dialect() if kind == "sqlite" else postgresql.dialect()
    defined = definitions()
    statements = []
    for table in (defined[name] for name in names):
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)))
    return statements
