"""The one place where the application and its database are built."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tracker.settings import database_url, today_in_vietnam


def make_tracker(
    url: str | None = None, *, today: Callable[[], date] = today_in_vietnam
):  # -> TaskLedger (imported lazily: SQLAlchemy is heavy for --help)
    """Build the ledger on ``url`` (see ``settings.database_url``)."""
    from tracker.ledger import TaskLedger

    env = {"SQLALCHEMY_URL": database_url(url)}
    return TaskLedger(env, today=today)
