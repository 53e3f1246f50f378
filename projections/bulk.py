"""Many rows in one ``executemany``, without per-row work in SQLAlchemy.

SQLAlchemy's bulk insert processes every bind value in Python (a third of a
read-model rebuild went there). The statement is still compiled by
SQLAlchemy for the connection's dialect and runs in the session's own
transaction; only the values are passed to the driver as they are: callers
give plain text, numbers and bytes, and dates as ISO text, which SQLite stores
as SQLAlchemy does and PostgreSQL casts on insert.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, insert

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def plain(value: Any) -> Any:
    """A value the driver takes as it is (dates as ISO text)."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    connection = session.connection()
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=keys)
    if compiled.positional:
        order = list(compiled.positiontup or keys)
        parameters: list[Any] = [tuple(plain(row[k]) for k in order) for row in rows]
    else:
        parameters = [{k: plain(v) for k, v in row.items()} for row in rows]
    connection.exec_driver_sql(str(compiled), parameters)
