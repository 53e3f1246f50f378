"""Where the ledger lives, who is logging, and what day it is in Vietnam.

This is the only module that reads the environment, so every command and
test resolves the database, the actor and today the same way.
"""

from __future__ import annotations

import getpass
import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
DATABASE_URL_VARIABLE = "TRACKER_DATABASE_URL"
ACTOR_VARIABLE = "TRACKER_ACTOR"


def today_in_vietnam() -> date:
    return datetime.now(VIETNAM).date()


def default_database_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tracker" / "tracker.db"


def database_url(explicit: str | None = None) -> str:
    """``--db`` beats ``TRACKER_DATABASE_URL`` beats the user's data directory.

    A plain file path is taken as a SQLite file, which is what a clerk types.
    """
    value = explicit or os.environ.get(DATABASE_URL_VARIABLE)
    if not value:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def default_actor() -> str:
    actor = os.environ.get(ACTOR_VARIABLE)
    if actor:
        return actor
    try:
        return getpass.getuser()
    except Exception:  # no user name on this machine: still log something
        return "unknown"
