"""Plain SQL for the report queries, on either kind of connection.

The Office's two reports run most often, and usually on read models that are
already current; then they need a few SELECTs and nothing else. Written as
plain SQL (standard enough for SQLite and PostgreSQL alike), they run on a
SQLAlchemy connection inside the application, or on a bare ``sqlite3`` /
``psycopg`` connection in the read-only report path, which then starts
without importing SQLAlchemy at all (a quarter to a half of a report's time on
this machine). One text per query serves both paths and both databases.

Queries name their parameters ``:name``; this module gives each driver its
own style, passes dates as each database stores them (ISO text in SQLite,
``date`` in PostgreSQL) and reads them back as ``date``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_NAMED = re.compile(r"(?<![:\w]):(\w+)")
LIKE_ESCAPE = "/"


class PlainSQL:
    """Runs plain SQL on a SQLAlchemy ``Connection`` or a DB-API connection."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.through_sqlalchemy = hasattr(connection, "exec_driver_sql")
        if self.through_sqlalchemy:
            self.kind = connection.dialect.name
        else:
            module = type(connection).__module__
            self.kind = "sqlite" if module.startswith("sqlite3") else "postgresql"

    def rows(self, sql: str, **parameters: Any) -> list[tuple[Any, ...]]:
        values = {name: self._value(value) for name, value in parameters.items()}
        if self.kind != "sqlite":
            sql = _NAMED.sub(r"%(\1)s", sql)
        if self.through_sqlalchemy:
            return list(self.connection.exec_driver_sql(sql, values).fetchall())
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, values)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def _value(self, value: Any) -> Any:
        if isinstance(value, date) and self.kind == "sqlite":
            return value.isoformat()
        return value


def as_date(value: date | str | None) -> date | None:
    """A date column's value as ``date``, whichever database returned it."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def contains_pattern(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '/'``) matching ``text`` anywhere."""
    for special in (LIKE_ESCAPE, "%", "_"):
        text = text.replace(special, LIKE_ESCAPE + special)
    return f"%{text}%"
