"""Shared fixtures: a temporary ledger on SQLite, and on PostgreSQL when a
server URL is given in ``TRACKER_TEST_POSTGRES_URL``.

Locally, without that variable, the PostgreSQL cases skip with a visible
reason. In CI (``CI`` set) they must run: a missing URL or an unusable server
is a failure, not a skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench.postgres import empty_schema as reset_postgres

POSTGRES_URL_VARIABLE = "TRACKER_TEST_POSTGRES_URL"
TODAY = date(2026, 11, 23)
# One plain assignment (without its code) for tests that need a task to exist.
ASSIGNMENT = {
    "title": "Rà soát",
    "assigner": "UBND tỉnh",
    "lead_agency": "Sở Tư pháp",
    "assigned_on": date(2023, 2, 14),
    "due_on": date(2023, 3, 31),
    "document": "",
    "co_agencies": [],
}
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: Any) -> None:
    """No test reads or writes the user's settings (``tracker config``)."""
    folder = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("TRACKER_CONFIG", str(folder / "settings.json"))


@pytest.fixture(autouse=True)
def own_notices() -> Iterator[None]:
    """A command's notice lines (``cli.notices``) end with its test: set up
    by one command and given by a later test's ledger, they would take that
    test's notices away from ``caplog``."""
    yield
    import logging

    from cli.notices import NOTICE_LOGGERS, NoticeLines
    from database import notices

    notices.forget_setups()
    for name in NOTICE_LOGGERS:
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, NoticeLines)]:
            logger.removeHandler(handler)
        logger.propagate = True


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(
                f"CI must run the PostgreSQL tests: set {POSTGRES_URL_VARIABLE}"
            )
        pytest.skip(f"PostgreSQL tests need {POSTGRES_URL_VARIABLE} (a server URL)")
    return url


def table_rows(ledger: Any, *tables: str) -> list[list[tuple[Any, ...]]]:
    """Every row of each table, sorted, read through the ledger's own store."""
    with ledger.recorder.transaction(commit=False) as sql:
        return [sorted(sql.rows(f"SELECT * FROM {table}")) for table in tables]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    url = postgres_url()
    reset_postgres(url)
    yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture
def ledger(db_url: str) -> Iterator[object]:
    from tracker.wiring import make_tracker

    app = make_tracker(db_url, today=lambda: TODAY)
    yield app
    app.close()
