"""A database another writer keeps locked: wait, say so, then "try again"
(exit 3, never 1), with nothing recorded."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import ASSIGN, event_count
from tests.conftest import postgres_url, reset_postgres


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


COMPLETE = ["complete", "NV-2023-0042", "--on", "28/03/2023"]


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("database.transactions.BUSY_WAIT_SECONDS", 1.5)


def sqlite_holder(url: str) -> Any:
    holder = sqlite3.connect(
        url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False
    )
    holder.execute("BEGIN IMMEDIATE")  # another clerk's writing transaction
    return holder


def test_a_writer_that_finds_sqlite_locked_waits_then_says_try_again(
    sqlite_url: str,
) -> None:
    ok(sqlite_url, *ASSIGN)
    holder = sqlite_holder(sqlite_url)
    try:
        result = run(sqlite_url, *COMPLETE)
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 3, result.output
    assert "Waiting for the database" in result.stderr
    assert "busy" in result.stderr and "try again" in result.stderr
    assert "Traceback" not in result.output
    assert event_count(sqlite_url) == 1


def test_a_writer_goes_on_once_the_other_writer_is_done(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    holder = sqlite_holder(sqlite_url)
    release = threading.Timer(1.2, holder.rollback)
    release.start()
    try:
        result = run(sqlite_url, *COMPLETE)
    finally:
        release.join()
        holder.close()
    assert result.exit_code == 0, result.output
    assert "Waiting for the database" in result.stderr
    assert event_count(sqlite_url) == 2


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = postgres_url()
    reset_postgres(url)
    yield url


def test_a_writer_that_finds_the_append_lock_taken_on_postgresql(
    pg_url: str,
) -> None:
    import psycopg

    ok(pg_url, *ASSIGN)
    holder = psycopg.connect("postgresql://" + pg_url.split("://", 1)[1])
    try:
        assert holder.execute("SELECT tracker_lock_appends(1000)").fetchone() == (True,)
        result = run(pg_url, *COMPLETE)
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 3, result.output
    assert "Waiting for the database" in result.stderr and "busy" in result.stderr
    assert event_count(pg_url) == 1
