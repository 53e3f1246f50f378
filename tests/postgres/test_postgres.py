"""PostgreSQL for real: many clerks at once, nothing lost; the append-only role.

The whole CLI suite also runs on PostgreSQL through the ``db_url`` fixture;
this module holds what only a shared server can show.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from projections import tables as names
from tests.cli import helpers
from tests.conftest import ASSIGNMENT, TODAY, postgres_url, reset_postgres, table_rows
from tests.postgres.workers import clerk
from tracker.wiring import make_tracker


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


WRITERS = 8
OPERATIONS = 200
TASKS = 20


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = postgres_url()
    reset_postgres(url)
    yield url


def dump(ledger: Any) -> list[Any]:
    return table_rows(ledger, names.TASKS, names.SPANS)


def test_concurrent_clerks_lose_nothing(pg_url: str) -> None:
    ledger = make_tracker(pg_url, today=lambda: TODAY)
    codes = [f"NV-{n:02d}" for n in range(TASKS)]
    for code in codes:
        ledger.assign_task(
            actor="admin",
            code=code,
            title=f"Nhiệm vụ {code}",
            assigner="UBND tỉnh",
            lead_agency="Sở Tư pháp",
            assigned_on=date(2023, 1, 2),
            due_on=date(2024, 6, 30),
            document="",
            co_agencies=[],
        )
    context = multiprocessing.get_context("spawn")
    with context.Pool(WRITERS) as pool:
        results = pool.starmap(
            clerk, [(pg_url, n, OPERATIONS, codes) for n in range(WRITERS)]
        )
    recorded = sum(result["recorded"] for result in results)
    assert recorded > WRITERS * OPERATIONS // 3  # most writes went through
    assert sum(sum(r.values()) for r in results) == WRITERS * OPERATIONS
    engine = create_engine(pg_url)
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT count(*) FROM tracker_events")
        ).scalar()
        chained = connection.execute(
            text("SELECT count(*) FROM tracker_chain")
        ).scalar()
    engine.dispose()
    assert stored == chained == TASKS + recorded
    assert ledger.audit.verify() == stored
    ledger.read_models.catch_up.run()
    live = dump(ledger)
    ledger.read_models.rebuild()
    assert dump(ledger) == live
    for code in codes:  # each task's versions are gapless: no lost update
        assert [e.originator_version for e in ledger.task_events(code)] == list(
            range(1, len(ledger.task_events(code)) + 1)
        )
    ledger.close()


def test_hardened_role_may_append_but_never_rewrite(pg_url: str) -> None:
    ok(pg_url, "db", "harden", "--role", "tracker_test_clerk", "--password", "mk'1")
    clerk_url = pg_url.replace(
        pg_url.split("://", 1)[1].split("@", 1)[0], "tracker_test_clerk:mk'1"
    )
    ok(
        clerk_url,
        "assign",
        "NV-1",
        "--title",
        "Rà soát",
        "--agency",
        "Sở Tư pháp",
        "--assigner",
        "UBND tỉnh",
        "--assigned",
        "1/2/2023",
        "--due",
        "1/3/2023",
    )
    ok(clerk_url, "complete", "NV-1", "--on", "2/3/2023")
    assert ok(clerk_url, "verify").exit_code == 0
    engine = create_engine(clerk_url)
    try:
        for statement in (
            "UPDATE tracker_events SET topic = 'forged'",
            "DELETE FROM tracker_events",
            "UPDATE tracker_chain SET hash = 'forged'",
            "DELETE FROM tracker_chain",
        ):
            with (
                pytest.raises(ProgrammingError, match="permission denied"),
                engine.begin() as connection,
            ):
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_db_init_and_check(pg_url: str) -> None:
    assert "Schema ready on postgresql" in ok(pg_url, "db", "init").output
    assert "Schema ready on postgresql" in ok(pg_url, "db", "init").output  # again
    import json

    report = json.loads(ok(pg_url, "db", "check", "--format", "json").stdout)
    assert report["kind"] == "postgresql" and report["schema_ready"] is True
    assert report["events"] == 0 and "***" in report["url"]


def test_unusable_server_is_one_line_without_the_password(pg_url: str) -> None:
    wrong = pg_url.rsplit("/", 1)[0] + "/no_such_database_here"
    wrong = wrong.replace("://", "://", 1)
    password = pg_url.split("://", 1)[1].split("@", 1)[0].partition(":")[2]
    for url in (wrong, pg_url.replace("5432", "5999")):
        result = run(url, "list")
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Cannot open the database" in result.stderr
        if password:
            assert f":{password}@" not in result.stderr


def test_readers_keep_the_old_read_models_during_a_rebuild(pg_url: str) -> None:
    ledger = make_tracker(pg_url, today=lambda: TODAY)
    for number in range(6):
        ledger.assign_task(actor="admin", code=f"NV-{number}", **ASSIGNMENT)
    engine = create_engine(pg_url)
    seen: list[int] = []

    def read_meanwhile(count: int) -> None:
        """Runs inside the rebuild's transaction, after the tables were
        emptied: another connection must read the old rows, not wait."""
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL lock_timeout = '500ms'"))
            query = text(f"SELECT count(*) FROM {names.TASKS}")
            seen.append(connection.execute(query).scalar_one())

    try:
        assert ledger.read_models.rebuild(progress=read_meanwhile, batch_size=2) == 6
    finally:
        engine.dispose()
        ledger.close()
    assert seen and set(seen) == {6}
