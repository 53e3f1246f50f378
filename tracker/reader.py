"""Reports from current read models without building the application.

``report`` and ``overdue`` are what the Office runs most; when the read models
already reflect the whole log, they need nothing but SQL on those tables. This
path opens the database with its own driver (``sqlite3``, or ``psycopg`` for
PostgreSQL) and runs the very report queries the application runs
(``projections.reports``, plain SQL), without importing eventsourcing or the
application, and without the ledger's large page cache. When the read models
are behind, the tables are missing, or anything at all is in doubt, it
declines and the caller uses the full ``TaskLedger``, which catches up first
and reports any real problem.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from projections import reports
from projections.plain_sql import PlainSQL
from tracker.chain import GENESIS, Fingerprint
from tracker.connect import open_existing
from tracker.names import APPLICATION, READ_MODELS_NAME


class Reader:
    """Answers reports from read models that are up to date, or declines."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.sql = PlainSQL(connection)

    @classmethod
    def open(cls, url: str) -> Reader | None:
        """A reader on ``url``; ``None`` for anything it does not handle."""
        try:
            connection = open_existing(url)
        except Exception:  # any doubt: let the full path report the problem
            return None
        return None if connection is None else cls(connection)

    def close(self) -> None:
        self.connection.close()

    def _position(self, sql: PlainSQL) -> int | None:
        """The log position the read models reflect, if that is the head."""
        head = sql.rows(f"SELECT max(id) FROM {APPLICATION}_events")[0][0]
        tracked = sql.rows(
            f"SELECT notification_id FROM {APPLICATION}_tracking"
            " WHERE application_name = :name",
            name=READ_MODELS_NAME,
        )
        if head is None or not tracked or int(tracked[0][0] or 0) != int(head):
            return None
        return int(head)

    def _answer(
        self, query: Callable[[PlainSQL], Any]
    ) -> tuple[Any, Fingerprint] | None:
        """``query`` on current read models with the fingerprint it reflects;
        ``None`` to decline (behind, empty, or unreadable)."""
        sql = self.sql
        try:
            if sql.is_sqlite:
                sql.execute("BEGIN")  # one snapshot for all the statements
            position = self._position(sql)
            if position is None:
                return None
            answer = query(sql)
            if self._position(sql) != position:
                return None  # another clerk wrote meanwhile: ask the ledger
            digest = sql.rows(
                f"SELECT hash FROM {APPLICATION}_chain WHERE position = :position",
                position=position,
            )
        except sql.driver_error:
            return None
        finally:
            self.connection.rollback()  # read only: end the snapshot
        return answer, Fingerprint(position, digest[0][0] if digest else GENESIS)

    def period_report(
        self, start: date, end: date, as_of: date, by: str | None = None
    ) -> reports.PeriodReport | None:
        answered = self._answer(
            lambda sql: reports.period_report(sql, start, end, as_of, by)
        )
        if answered is None:
            return None
        result, fingerprint = answered
        result.ledger = fingerprint
        return result

    def overdue_report(
        self,
        as_of: date,
        due_within: int | None,
        agency: str | None,
        *,
        encoded: bool = False,
    ) -> dict[str, Any] | None:
        answered = self._answer(
            lambda sql: reports.overdue_answer(
                sql, as_of, due_within, agency, encoded=encoded
            )
        )
        if answered is None:
            return None
        answer, fingerprint = answered
        return {**answer, "ledger": fingerprint.as_dict(), "behind": 0}
