"""Opening a database URL with its own driver, without SQLAlchemy, and
saying in one line why one cannot be opened, never showing its password.

The URLs are SQLAlchemy's (what ``--db`` and ``TRACKER_DATABASE_URL`` have
always taken, and what ``db check`` still hands to SQLAlchemy): ``sqlite:///``
followed by a file path, ``sqlite://`` for a database in memory, and
``postgresql://`` or ``postgresql+psycopg://`` for a server.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from domain.errors import TrackerError


class DatabaseUnavailable(TrackerError):
    """The database named cannot be opened; the message never shows a password."""


class NoLedger(DatabaseUnavailable):
    """A command that only reads names a SQLite file that does not exist, or
    a database without the ledger's tables: answering from a ledger made for
    it would report zeros for a typing slip."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"There is no ledger {where}: check --db (a ledger is made by the "
            "first command that records something, or by 'tracker db init')."
        )


def existing(url: str) -> str:
    """``url``, once it is known not to name a missing SQLite file
    (``NoLedger``); reading must never create one."""
    path = sqlite_file(url)
    if path is not None and not Path(path).is_file():
        raise NoLedger(f"at {path}")
    return url


def redact(url: str) -> str:
    """The URL as it may be shown: any password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def explain(error: BaseException, url: str) -> DatabaseUnavailable:
    """One readable line for a connection failure, without the password."""
    cause: BaseException = error
    while cause.__cause__ is not None and type(cause).__module__.startswith(
        ("eventsourcing", "sqlalchemy")
    ):
        cause = cause.__cause__
    detail = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    detail = re.sub(r"\s*\(Background on this error at:.*", "", detail)
    password = re.search(r"://[^:/@]+:([^@]*)@", url)
    if password and password.group(1):
        # Only where it stands as in the URL: replacing each occurrence of a
        # short password would show, by the gaps, what it is.
        detail = detail.replace(f":{password.group(1)}@", ":***@")
    detail = (detail or type(cause).__name__).rstrip(".")
    return DatabaseUnavailable(f"Cannot open the database {redact(url)}: {detail}.")


SQLITE_PREFIX = "sqlite://"
POSTGRES_PREFIXES = ("postgresql://", "postgresql+psycopg://")
SQLITE_CACHE_KIB = 32 * 1024
# How long one statement waits for another connection's lock. A writer that
# cannot begin tries again (``database.transactions``), saying after this
# first wait that it is waiting, so a clerk never faces a silent pause.
SQLITE_BUSY_SECONDS = 1.0

# Dates are stored in SQLite as ISO text, as SQLAlchemy's ``Date`` stores them
# (the sqlite3 module's own date adapter is deprecated). Registered here,
# where SQLite connections are opened, so that a date is bound the same way
# in every statement; the driver calls it only for ``date`` values.
sqlite3.register_adapter(date, date.isoformat)


@dataclass(frozen=True)
class Location:
    """Where a URL points: ``kind`` is ``sqlite`` or ``postgresql``; ``target``
    is the file path (``None`` in memory) or psycopg's connection string."""

    kind: str
    target: str | None

    @property
    def in_memory(self) -> bool:
        return self.kind == "sqlite" and self.target is None


def locate(url: str) -> Location:
    """Parse a database URL, or refuse it in one readable line."""
    if url.startswith(POSTGRES_PREFIXES):
        return Location("postgresql", "postgresql://" + url.split("://", 1)[1])
    if url.startswith(SQLITE_PREFIX):
        rest = url.removeprefix(SQLITE_PREFIX)
        if "?" in rest:
            raise DatabaseUnavailable(
                f"{redact(url)}: SQLite URLs take a file path and no options."
            )
        if rest in ("", "/", "/:memory:"):
            return Location("sqlite", None)
        if rest.startswith("/"):
            return Location("sqlite", rest[1:])
    raise DatabaseUnavailable(
        f"{redact(url)} is not a database URL this tracker can use "
        "(sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST/DATABASE)."
    )


def connect(location: Location, *, large_cache: bool = True) -> Any:
    """A new DB-API connection that begins no transaction by itself: the
    caller issues ``BEGIN`` on SQLite, and psycopg begins on first use.

    ``large_cache=False`` keeps SQLite's default page cache: for one report,
    32 MiB more memory would save 0.04 s of a province's overdue list."""
    if location.kind == "postgresql":
        import psycopg

        assert location.target is not None
        return psycopg.connect(location.target)
    connection = sqlite3.connect(
        location.target or ":memory:",
        timeout=SQLITE_BUSY_SECONDS,
        isolation_level=None,  # transactions are explicit (BEGIN ... COMMIT)
        check_same_thread=False,  # closed by whichever thread closes the ledger
    )
    if not large_cache:
        return connection
    # A province's indexes (random UUID keys) outgrow SQLite's default cache,
    # and their pages would be read again and again.
    connection.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    return connection


def sqlite_file(url: str) -> str | None:
    """The file a SQLite URL names (``None`` for PostgreSQL or memory)."""
    location = locate(url)
    return location.target if location.kind == "sqlite" else None


def open_existing(url: str) -> Any | None:
    """A connection for one report on a database that already exists, or
    ``None`` (reading must never create a SQLite file)."""
    location = locate(url)
    if location.kind == "sqlite" and (
        location.target is None or not Path(location.target).is_file()
    ):
        return None
    return connect(location, large_cache=False)
