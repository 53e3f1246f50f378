"""Many rows in one ``executemany``, without per-row work in SQLAlchemy.

SQLAlchemy's bulk insert processes every bind value in Python (a third of a
read-model rebuild went there). The statement is still compiled by
SQLAlchemy for the connection's dialect and runs in the connection's own
transaction; only the values are passed to the driver as they are: callers
give plain text, numbers, bytes and dates. On SQLite, dates go as ISO text,
which is how SQLAlchemy stores them there; psycopg adapts them itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, DateTime, Table, insert

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def insert_many(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]]
) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=keys)
    if not compiled.positional:  # psycopg: named values, dates adapted by it
        connection.exec_driver_sql(str(compiled), list(rows))
        return
    order = list(compiled.positiontup or keys)
    pick = itemgetter(*order)
    # Only the date columns need a change (the sqlite3 module's own date
    # adapter is deprecated); testing every value's type cost a tenth of a
    # rebuild.
    dated = [
        i
        for i, key in enumerate(order)
        if isinstance(table.c[key].type, (Date, DateTime))
    ]
    parameters: list[Any] = []
    for row in rows:
        values = pick(row)
        if len(order) == 1:
            values = (values,)
        if dated:
            values = list(values)
            for i in dated:
                if values[i] is not None:
                    values[i] = values[i].isoformat()
            values = tuple(values)
        parameters.append(values)
    connection.exec_driver_sql(str(compiled), parameters)
