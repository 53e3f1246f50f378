"""Database URLs opened with their own driver, and the tables created from
their SQLAlchemy definitions on the run-time connection."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main
from database import ddl
from database.connect import (
    DatabaseUnavailable,
    Location,
    connect,
    locate,
    open_existing,
    redact,
)
from database.plain_sql import PlainSQL, _pyformat, in_list
from projections.tables import READ_MODEL_TABLES, definitions
from tests.conftest import ASSIGNMENT, TODAY
from tracker.eventstore import tables as ledger_tables
from tracker.reading import Reading
from tracker.wiring import make_tracker


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////var/lib/tracker.db", Location("sqlite", "/var/lib/tracker.db")),
        ("sqlite:///relative.db", Location("sqlite", "relative.db")),
        ("sqlite://", Location("sqlite", None)),
        ("sqlite:///:memory:", Location("sqlite", None)),
        (
            "postgresql+psycopg://u:p@h:5432/db",
            Location("postgresql", "postgresql://u:p@h:5432/db"),
        ),
        ("postgresql://u@h/db", Location("postgresql", "postgresql://u@h/db")),
    ],
)
def test_urls_name_a_driver_and_a_target(url: str, expected: Location) -> None:
    assert locate(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u:secret@h/db", "is not a database URL this tracker can use"),
        ("sqlite:///x.db?mode=ro", "SQLite URLs take a file path and no options"),
        ("sqlite:relative.db", "is not a database URL"),
    ],
)
def test_other_urls_are_refused_without_their_password(url: str, message: str) -> None:
    with pytest.raises(DatabaseUnavailable, match=message) as refused:
        locate(url)
    assert "secret" not in str(refused.value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql+psycopg://van_thu:mk%401@db/so",
            "postgresql+psycopg://van_thu:***@db/so",
        ),
        ("postgresql://van_thu@db/so", "postgresql://van_thu@db/so"),
        ("postgresql://db:5432/so", "postgresql://db:5432/so"),
        ("sqlite:////srv/a:b@c.db", "sqlite:////srv/a:b@c.db"),
    ],
)
def test_only_a_password_in_the_url_is_hidden(url: str, shown: str) -> None:
    assert redact(url) == shown


def test_a_clerk_typing_a_foreign_url_gets_one_line_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--db", "mysql://u:secret@h/db", "list"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "secret" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_reading_never_creates_a_sqlite_file(tmp_path: Path) -> None:
    assert open_existing(f"sqlite:///{tmp_path / 'none.db'}") is None
    assert open_existing("sqlite://") is None
    assert list(tmp_path.iterdir()) == []


def test_named_parameters_become_psycopgs_and_literal_percents_stay() -> None:
    assert _pyformat("SELECT '%' WHERE a = :a AND b::text LIKE :b") == (
        "SELECT '%%' WHERE a = %(a)s AND b::text LIKE %(b)s"
    )
    assert in_list("id", ["x", "y"]) == (":id0, :id1", {"id0": "x", "id1": "y"})


def test_dates_are_stored_in_sqlite_as_iso_text_and_driver_errors_translated() -> None:
    raw = connect(Location("sqlite", None))
    translated: list[Exception] = []
    sql = PlainSQL(raw, translate=lambda e: translated.append(e) or KeyError("x"))
    sql.execute("CREATE TABLE t (d DATE PRIMARY KEY)")
    sql.insert_many("t", ["d"], [(date(2025, 12, 31),)])
    assert sql.scalar("SELECT d FROM t WHERE d = :d", d=date(2025, 12, 31)) == (
        "2025-12-31"
    )
    with pytest.raises(KeyError):
        sql.insert_many("t", ["d"], [(date(2025, 12, 31),)])
    assert isinstance(translated[0], sqlite3.IntegrityError)
    assert sql.driver_error is sqlite3.Error
    raw.close()


def test_missing_tables_are_created_once_from_their_definitions() -> None:
    sql = PlainSQL(connect(Location("sqlite", None)))
    created = ddl.create_missing(sql, READ_MODEL_TABLES, definitions)
    assert created == list(READ_MODEL_TABLES)
    assert ddl.create_missing(sql, READ_MODEL_TABLES, definitions) == []
    indexes = {row[0] for row in sql.rows("SELECT name FROM sqlite_master")}
    assert {"task_status_spans_by_assignment", "ix_overdue_entries_task_id"} <= indexes
    sql.execute("INSERT INTO task_facts (task_id, facts) VALUES ('x', '{}')")
    ddl.empty(sql, READ_MODEL_TABLES)
    assert set(READ_MODEL_TABLES) <= ddl.existing_tables(sql)
    assert sql.scalar("SELECT count(*) FROM task_facts") == 0


def test_postgresql_gets_its_own_types_from_the_same_definitions() -> None:
    defined = ledger_tables.definitions
    events = ddl.ddl(["tracker_events"], "postgresql", defined)[0]
    assert "originator_id UUID NOT NULL" in events
    assert "id BIGSERIAL NOT NULL" in events
    sqlite = ddl.ddl(["tracker_events"], "sqlite", defined)[0]
    assert "originator_id BINARY(16)" in sqlite


def test_a_ledger_in_memory_is_one_connection_shared_by_threads() -> None:
    ledger = make_tracker("sqlite://", today=lambda: TODAY)
    errors: list[BaseException] = []

    def assign(code: str) -> None:
        try:
            ledger.assign_task(actor="t", code=code, **ASSIGNMENT)
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=assign, args=(f"NV-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(Reading.of(ledger).list_tasks(date(2023, 3, 1))) == 4
    assert ledger.read_models.rebuild() == 4
    ledger.close()
