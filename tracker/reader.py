"""Reports from current read models without building the application.

``report`` and ``overdue`` are what the Office runs most; when the read models
already reflect the whole log, they need nothing but SQL on those tables. This
path imports SQLAlchemy Core and the projection queries only, not
eventsourcing or the application. When the read models are behind, or the tables
are missing, it declines and the caller uses the full ``TaskLedger``, which
catches up first. Both paths run the same query functions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from projections import reports
from tracker.chain import GENESIS, Fingerprint
from tracker.tables import READ_MODELS_NAME, ledger_tables

ledger = ledger_tables()


class Reader:
    """Answers reports from read models that are up to date, or declines."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Reader | None:
        try:
            return cls(create_engine(url))
        except Exception:  # any doubt: let the full path report the problem
            return None

    def close(self) -> None:
        self.engine.dispose()

    def _position(self, connection: Connection) -> int | None:
        """The log position the read models reflect, if that is the head."""
        head = connection.execute(select(func.max(ledger.events.c.id))).scalar()
        tracked = connection.execute(
            select(ledger.tracking.c.notification_id).where(
                ledger.tracking.c.application_name == READ_MODELS_NAME
            )
        ).scalar()
        if head is None or tracked is None or int(tracked) != int(head):
            return None
        return int(head)

    def _answer(
        self, query: Callable[[Connection], Any]
    ) -> tuple[Any, Fingerprint] | None:
        """``query`` on current read models with the fingerprint it reflects;
        ``None`` to decline (behind, empty, or unreadable)."""
        try:
            with self.engine.connect() as connection:
                position = self._position(connection)
                if position is None:
                    return None
                answer = query(connection)
                if self._position(connection) != position:
                    return None  # another clerk wrote meanwhile: ask the ledger
                digest = connection.execute(
                    select(ledger.chain.c.hash).where(
                        ledger.chain.c.position == position
                    )
                ).scalar()
        except SQLAlchemyError:
            return None
        return answer, Fingerprint(position, digest or GENESIS)

    def period_report(
        self, start: date, end: date, as_of: date, by: str | None = None
    ) -> reports.PeriodReport | None:
        answered = self._answer(
            lambda c: reports.period_report(c, start, end, as_of, by)  # type: ignore[arg-type]
        )
        if answered is None:
            return None
        result, fingerprint = answered
        result.ledger = fingerprint
        return result

    def overdue_report(
        self, as_of: date, due_within: int | None, agency: str | None
    ) -> dict[str, Any] | None:
        answered = self._answer(
            lambda c: reports.overdue_answer(c, as_of, due_within, agency)  # type: ignore[arg-type]
        )
        if answered is None:
            return None
        answer, fingerprint = answered
        return {**answer, "ledger": fingerprint.as_dict()}
