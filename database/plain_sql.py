"""Plain SQL on a bare DB-API connection: the tracker's one way to talk to a
database at run time.

Every statement the tracker runs (appending events, projecting, reporting,
auditing) is plain SQL that SQLite and PostgreSQL both accept, passed to the
driver itself (``sqlite3`` or ``psycopg``): importing SQLAlchemy would cost
a short command more than all its own work (``bench/README.md``). Its tables
remain the schema's single definition, compiled to DDL only when a table has
to be created (``database.ddl``).

Statements name their parameters ``:name``; this module gives psycopg its own
style. Dates go to SQLite as ISO text (how SQLAlchemy's ``Date`` stores them
there; the adapter is registered where SQLite connections are opened,
``database.connect``) and to PostgreSQL as ``date``; ``as_date`` reads either
back. A driver error can be translated on the way out (the event store turns
them into eventsourcing's), so callers catch one family of exceptions
whatever the database.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, NoReturn

_NAMED = re.compile(r"(?<![:\w]):(\w+)")
LIKE_ESCAPE = "/"


@lru_cache(maxsize=256)
def _pyformat(sql: str) -> str:
    """``:name`` parameters as psycopg's ``%(name)s`` (literal % doubled)."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


class PlainSQL:
    """One DB-API connection (``sqlite3`` or ``psycopg``) and its dialect.

    Transactions are not begun or ended here: whoever opened the connection
    does that (``database.transactions.Datastore``, the report reader).
    """

    def __init__(
        self,
        connection: Any,
        *,
        translate: Callable[[Exception], Exception] | None = None,
    ) -> None:
        self.connection = connection
        self.kind = (
            "sqlite"
            if type(connection).__module__.startswith("sqlite3")
            else "postgresql"
        )
        self.is_sqlite = self.kind == "sqlite"
        # The driver's base exception (``sqlite3.Error``, ``psycopg.Error``).
        driver = sys.modules[type(connection).__module__.split(".")[0]]
        self.driver_error: type[Exception] = driver.Error
        self.translate = translate

    def _statement(self, sql: str) -> str:
        return sql if self.is_sqlite else _pyformat(sql)

    def _run(
        self, sql: str, parameters: dict[str, Any], fetch: Callable[[Any], Any]
    ) -> Any:
        """Execute and ``fetch`` from the cursor, both guarded: SQLite steps
        through rows as they are fetched, so a fetch can fail too."""
        cursor = self.connection.cursor()
        try:
            cursor.execute(self._statement(sql), parameters)
            return fetch(cursor)
        except Exception as error:
            self._raise(error)
        finally:
            cursor.close()

    def _raise(self, error: Exception) -> NoReturn:
        """Raise ``error``, or what ``translate`` makes of it (caused by it)."""
        translated = error if self.translate is None else self.translate(error)
        if translated is error:
            raise error
        raise translated from error

    def rows(self, sql: str, **parameters: Any) -> list[tuple[Any, ...]]:
        return list(self._run(sql, parameters, lambda cursor: cursor.fetchall()))

    def utf8_rows(self, sql: str, **parameters: Any) -> list[tuple[Any, ...]]:
        """``rows`` with text as UTF-8 ``bytes``: for text that is written out
        as it is, which SQLite then hands over without decoding it."""
        if not self.is_sqlite:
            return [
                tuple(v.encode() if isinstance(v, str) else v for v in row)
                for row in self.rows(sql, **parameters)
            ]
        factory = self.connection.text_factory
        self.connection.text_factory = bytes
        try:
            return self.rows(sql, **parameters)
        finally:
            self.connection.text_factory = factory

    def first(self, sql: str, **parameters: Any) -> tuple[Any, ...] | None:
        row = self._run(sql, parameters, lambda cursor: cursor.fetchone())
        return None if row is None else tuple(row)

    def scalar(self, sql: str, **parameters: Any) -> Any:
        row = self.first(sql, **parameters)
        return None if row is None else row[0]

    def execute(self, sql: str, **parameters: Any) -> int:
        """Run a statement that returns no rows; how many rows it changed."""
        return int(self._run(sql, parameters, lambda cursor: cursor.rowcount))

    def insert_many(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert ``rows`` (values in the order of ``columns``) in one
        ``executemany``. Positional, not named: binding a parameter by name
        costs the driver a lookup per value, a bulk insert's many."""
        if not rows:
            return
        marker = "?" if self.is_sqlite else "%s"
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)})"
            f" VALUES ({', '.join(marker for _ in columns)})"
        )
        cursor = self.connection.cursor()
        try:
            cursor.executemany(sql, rows)
        except Exception as error:
            self._raise(error)
        finally:
            cursor.close()


def in_list(name: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    """``:name0, :name1, ...`` for an ``IN (...)`` and the parameters to go
    with it (callers keep lists to a few hundred values)."""
    parameters = {f"{name}{i}": value for i, value in enumerate(values)}
    return ", ".join(":" + key for key in parameters), parameters


def chunks(values: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    """``values`` a few hundred at a time, for ``in_list``."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


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
