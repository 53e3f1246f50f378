"""The one place where the application and its database are built."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from tracker.settings import database_url, today_in_vietnam

if TYPE_CHECKING:
    from tracker.ledger import TaskLedger


def make_tracker(
    url: str | None = None,
    *,
    today: Callable[[], date] = today_in_vietnam,
    create: bool = True,
) -> TaskLedger:
    """Build the ledger on ``url`` (see ``settings.database_url``), creating
    its tables unless ``create`` is false (then a database without them is
    refused: ``NoLedger``). The application is imported here, not above, so
    that ``--help`` stays quick."""
    from database.connect import explain
    from domain.errors import TrackerError
    from tracker.ledger import TaskLedger

    resolved = database_url(url)
    try:
        env = {"LEDGER_URL": resolved, "CREATE_TABLE": "yes" if create else "no"}
        return TaskLedger(env, today=today)
    except TrackerError:
        raise  # already one readable line (a busy database: try again)
    except Exception as exc:
        if _is_connection_error(exc):
            raise explain(exc, resolved) from None
        raise


def _is_connection_error(exc: BaseException) -> bool:
    """Errors that mean "this database cannot be reached or used", whichever
    layer (SQLAlchemy, eventsourcing, the driver) raised them."""
    names = {type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e}
    return bool(
        names
        & {
            "OperationalError",
            "InterfaceError",
            "ArgumentError",
            "NoSuchModuleError",
            "DatabaseError",
            "ProgrammingError",
        }
    )
