"""PostgreSQL's roles: clerks append through the append functions and change
no table; the projector alone keeps the read models; an administrator who is
not a superuser can harden again."""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import psycopg
import pytest
from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import ASSIGN, as_json, event_count
from tests.conftest import TODAY, postgres_url, reset_postgres
from tests.postgres.workers import clerk
from tests.stored_states import assigned
from tracker.administration import ALL_TABLES, LEDGER_TABLES, READ_MODEL_TABLES
from tracker.projector import Follower
from tracker.wiring import make_tracker


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


CLERK, PROJECTOR = "tracker_t13_clerk", "tracker_t13_projector"
PASSWORD = "mk'1"
WRITERS = 8


def as_role(url: str, role: str, password: str = PASSWORD) -> str:
    """``url`` with another user and password."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{role}:{password}@{rest.split('@', 1)[1]}"


def raw(url: str) -> Any:
    """A plain psycopg connection, as a clerk with a SQL client would have."""
    return psycopg.connect("postgresql://" + url.split("://", 1)[1])


def hardened_ledger(clerk: str, projector: str) -> str:
    """An empty ledger on the test server, with a clerk and a projector role
    of these names."""
    url = postgres_url()
    reset_postgres(url)
    ok(url, "db", "init")
    ok(url, "db", "harden", "--role", clerk, "--password", PASSWORD)
    ok(url, "db", "harden", "--role", projector, "--kind", "projector",
       "--password", PASSWORD)  # fmt: skip
    return url


@pytest.fixture
def hardened() -> str:
    return hardened_ledger(CLERK, PROJECTOR)


def refused(connection: Any, statement: str, *params: Any) -> str:
    """Run ``statement`` in a transaction of its own; the error it met."""
    try:
        with connection.transaction():
            connection.execute(statement, params or None)
    except psycopg.Error as error:
        return str(error)
    return "accepted"


def test_a_clerk_may_change_no_table_and_append_only_through_the_functions(
    hardened: str,
) -> None:
    ok(as_role(hardened, CLERK), *ASSIGN)
    with raw(as_role(hardened, CLERK)) as connection:
        for table in ALL_TABLES:
            column = connection.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = %s ORDER BY ordinal_position LIMIT 1",
                (table,),
            ).fetchone()[0]
            for statement in (
                f"UPDATE {table} SET {column} = {column}",
                f"DELETE FROM {table}",
                f"TRUNCATE {table}",
                f"INSERT INTO {table} DEFAULT VALUES",
            ):
                assert "permission denied" in refused(connection, statement), statement
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        # Harmless: appends do not use advisory locks.
        assert refused(connection, "SELECT pg_advisory_xact_lock(1)") == "accepted"
        # The append lock is the owner's to take; a clerk's appends take it.
        assert "permission denied" in refused(
            connection, "SELECT tracker_lock_appends(10)"
        )


APPEND = "SELECT tracker_append(%s::uuid[], %s::bigint[], %s::text[], %s::bytea[])"


def test_the_projector_may_write_only_the_read_models_and_truncate_none(
    hardened: str,
) -> None:
    ok(hardened, *ASSIGN)
    with raw(as_role(hardened, PROJECTOR)) as connection:
        for table in LEDGER_TABLES:
            for statement in (f"DELETE FROM {table}", f"TRUNCATE {table}"):
                assert "permission denied" in refused(connection, statement), statement
        for table in READ_MODEL_TABLES:
            # TRUNCATE would lock every reader out until it commits; a
            # rebuild empties the tables with DELETE.
            statement = f"TRUNCATE {table}"
            assert "permission denied" in refused(connection, statement), statement
        assert "permission denied" in refused(connection, APPEND, [], [], [], [])
    assert ok(hardened, "verify", "--read-models").exit_code == 0


def append(connection: Any, topic: str, version: int, state: dict[str, Any]) -> str:
    return refused(
        connection,
        APPEND,
        [uuid4()],
        [version],
        [topic],
        [json.dumps(state).encode()],
    )


ASSIGNED = "domain.task:Task.Assigned"


def test_the_append_function_refuses_what_the_tracker_never_writes(
    hardened: str,
) -> None:
    created = {"originator_topic": "domain.task:Task"}
    date = {"_type_": "date_iso", "_data_": "2023-02-14"}
    ok(hardened, *ASSIGN)
    with raw(as_role(hardened, CLERK)) as connection:
        for topic, version, state in (
            ("os:system", 1, created),  # a topic that is no event of the ledger
            ("domain.task:Task.Completed", 1, created),  # created by a completion
            (ASSIGNED, 2, created),  # a version out of nowhere
            (ASSIGNED, 1, {"originator_topic": "os:system"}),
            (ASSIGNED, 1, [1, 2]),  # no JSON object
            (ASSIGNED, 1, created),  # its fields missing
            (ASSIGNED, 1, assigned(due_on={**date, "_data_": "0001-01-01"})),
            (ASSIGNED, 1, assigned(due_on={**date, "_data_": "2023-02-30"})),
            (ASSIGNED, 1, assigned(assigned_on={"_type_": "datetime_iso",
                                                "_data_": "0001-01-01T00:00:00"})),
            (ASSIGNED, 1, assigned(actor="Giám đốc \u001b]0;pwned\u0007")),
            (ASSIGNED, 1, assigned(title="\u200bRà soát")),
            (ASSIGNED, 1, assigned(title="x" * 2001)),
            (ASSIGNED, 1, assigned(co_agencies=[1])),
            (ASSIGNED, 1, assigned(extra="field")),
            (ASSIGNED, 1, assigned(code="NV-2023-0042")),  # a second task of a code
        ):  # fmt: skip
            assert "append:" in append(connection, topic, version, state) or (
                "duplicate key" in append(connection, topic, version, state)
            ), (topic, state)
        assert "is not UTF-8 JSON" in refused(
            connection,
            APPEND,
            [uuid4()],
            [1],
            ["domain.task:Task.Assigned"],
            [b"\xff not json"],
        )
        assert append(connection, ASSIGNED, 1, assigned()) == "accepted"
    assert ok(hardened, "verify").exit_code == 0  # its chain row is sound


def test_a_raw_event_that_breaks_a_rule_is_applied_and_replayed_alike(
    hardened: str,
) -> None:
    # A clerk's SQL client appends a reopening of a task never completed:
    # well-formed, so the function takes it; the rules never saw it.
    task = uuid4()
    reopened = {
        "timestamp": {"_type_": "datetime_iso", "_data_": "2026-11-23T08:05:00+00:00"},
        "effective_on": {"_type_": "date_iso", "_data_": "2023-03-01"},
        "actor": "b",
        "reason": "mở lại",
    }
    with raw(as_role(hardened, CLERK)) as connection:
        assert (
            refused(
                connection,
                APPEND,
                [task, task],
                [1, 2],
                [ASSIGNED, "domain.task:Task.Reopened"],
                [json.dumps(assigned()).encode(), json.dumps(reopened).encode()],
            )
            == "accepted"
        )
    thread, stop, _ = follow(as_role(hardened, PROJECTOR))
    try:
        status = wait_until_current(as_role(hardened, CLERK))
    finally:
        stop.set()
        thread.join(10)
    assert status["behind"] == 0 and status["head"] == 2  # the projector went on
    shown = as_json(as_role(hardened, CLERK), "show", "NV-9")
    assert shown["code"] == "NV-9" and shown["completed_on"] is None
    assert ok(hardened, "verify", "--read-models").exit_code == 0
    ok(hardened, "projections", "rebuild")
    assert as_json(hardened, "show", "NV-9") == shown


def test_a_clerks_report_waits_briefly_then_says_how_far_behind_it_is(
    hardened: str,
) -> None:
    clerk_url = as_role(hardened, CLERK)
    ok(clerk_url, *ASSIGN)
    began = time.monotonic()
    result = run(clerk_url, "report", "--period", "2023-H1", "--format", "json")
    waited = time.monotonic() - began
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["behind"] == 1 and report["assigned"] == 0
    assert "1 event behind" in result.stderr
    assert waited >= 1.0  # it gave the projector a chance (the wait is asserted
    # only from below: the upper bound would be a statement about the machine)
    listed = run(clerk_url, "list", "--format", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
    for job in ("follow", "rebuild"):  # not a clerk's
        refusal = run(clerk_url, "projections", job)
        assert refusal.exit_code == 1 and "may not write" in refusal.stderr


def follow(url: str) -> tuple[threading.Thread, threading.Event, list[str]]:
    """A projector on ``url``, in a thread; its stop switch and its log."""
    stop = threading.Event()
    lines: list[str] = []
    ledger = make_tracker(url, today=lambda: TODAY)

    def serve() -> None:
        try:
            Follower(
                ledger.read_models, poll_seconds=5, stop=stop, report=lines.append
            ).run()
        finally:
            ledger.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread, stop, lines


def wait_until_current(url: str, seconds: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        status = as_json(url, "projections", "status")[0]
        if status["behind"] == 0 or time.monotonic() > deadline:
            return status
        time.sleep(0.1)


def test_the_projector_keeps_reports_current_while_eight_clerks_write(
    hardened: str,
) -> None:
    clerk_url = as_role(hardened, CLERK)
    thread, stop, lines = follow(as_role(hardened, PROJECTOR))
    try:
        codes = [f"NV-{n:02d}" for n in range(10)]
        for code in codes:
            ok(clerk_url, "assign", code, *ASSIGN[2:])
        context = multiprocessing.get_context("spawn")
        with context.Pool(WRITERS) as pool:
            results = pool.starmap(
                clerk, [(clerk_url, n, 40, codes) for n in range(WRITERS)]
            )
        assert sum(r["recorded"] for r in results) > 0
        status = wait_until_current(clerk_url)
        assert status["behind"] == 0 and status["head"] == event_count(hardened)
        live = as_json(clerk_url, "report", "--period", "2023-H1")
        assert live["behind"] == 0 and live["assigned"] == len(codes)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
    assert any(line.startswith("Applied") for line in lines)
    ok(hardened, "projections", "rebuild")  # the owner's replay agrees
    rebuilt = as_json(hardened, "report", "--period", "2023-H1")
    assert rebuilt == live
    assert ok(hardened, "verify").exit_code == 0


@pytest.fixture
def admin_schema() -> Iterator[str]:
    """An administrator who owns the tracker's schema and may create roles,
    without being a superuser."""
    url = postgres_url()
    with raw(url) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tracker_t13 CASCADE")
        exists = connection.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = 'tracker_t13_admin'"
        ).fetchone()
        verb = "ALTER" if exists else "CREATE"
        connection.execute(
            f"{verb} ROLE tracker_t13_admin LOGIN CREATEROLE NOSUPERUSER"
            " PASSWORD 'admin'"
        )
        connection.execute("CREATE SCHEMA tracker_t13 AUTHORIZATION tracker_t13_admin")
    admin = as_role(url, "tracker_t13_admin", "admin")
    yield f"{admin}?options=-csearch_path%3Dtracker_t13"
    with raw(url) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tracker_t13 CASCADE")


def test_hardening_is_repeatable_by_an_administrator_who_is_no_superuser(
    admin_schema: str,
) -> None:
    clerk = "tracker_t13_clerk2"
    ok(admin_schema, "db", "init")
    ok(admin_schema, "db", "harden", "--role", clerk, "--password", "first")
    ok(admin_schema, "db", "harden", "--role", clerk, "--password", "second")
    ok(admin_schema, "db", "harden", "--role", PROJECTOR + "2", "--kind", "projector")
    clerk_url = as_role(admin_schema, clerk, "second")
    ok(clerk_url, *ASSIGN)
    assert run(as_role(admin_schema, clerk, "first"), "list").exit_code == 1
    assert event_count(admin_schema) == 1
    assert ok(clerk_url, "verify").exit_code == 0
    refusal = run(admin_schema, "db", "harden", "--role", "postgres")
    assert refusal.exit_code == 1 and "superuser" in refusal.stderr


def test_a_clerks_import_does_not_wait_for_its_own_events(
    hardened: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the import's transaction the read models trail by the events
    it recorded itself, which the projector cannot see yet: no waiting."""

    def no_waiting(seconds: float) -> None:
        raise AssertionError("the import waited for the projector")

    table = tmp_path / "nhiem-vu.csv"
    table.write_text(
        "Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan giao,Ngày giao\n"
        + "".join(
            f"NV-{n},Rà soát,Sở Tư pháp,UBND tỉnh,14/02/2023\n" for n in range(1001)
        ),  # two chunks: the second is planned after the first is recorded
        encoding="utf-8",
    )
    monkeypatch.setattr("tracker.read_models.time.sleep", no_waiting)
    result = ok(as_role(hardened, CLERK), "import", str(table))
    assert "Imported 1001 tasks" in result.stdout
    assert event_count(hardened) == 1001


def test_no_object_a_clerk_creates_can_stand_in_for_one_the_functions_use(
    hardened: str,
) -> None:
    """A clerk allowed to create objects in the schema (PostgreSQL 14's
    default for public) makes a function the append function might call."""
    with raw(hardened) as connection:
        connection.execute(f"GRANT CREATE ON SCHEMA public TO {CLERK}")
    try:
        with raw(as_role(hardened, CLERK)) as connection:
            connection.execute(
                "CREATE FUNCTION public.convert_from(b bytea, e text) RETURNS text"
                " LANGUAGE plpgsql AS $$ BEGIN"
                f" EXECUTE 'GRANT ALL ON tasks_view TO {CLERK}';"
                " RETURN pg_catalog.convert_from(b, e::name); END $$"
            )
            connection.commit()
        ok(as_role(hardened, CLERK), *ASSIGN)
        with raw(as_role(hardened, CLERK)) as connection:
            assert "permission denied" in refused(
                connection, "UPDATE tasks_view SET title = 'forged'"
            )
    finally:
        with raw(hardened) as connection:
            connection.execute(
                "DROP FUNCTION IF EXISTS public.convert_from(bytea, text)"
            )
            connection.execute(f"REVOKE CREATE ON SCHEMA public FROM {CLERK}")


def test_hardening_takes_away_what_a_role_had_through_other_roles(
    hardened: str,
) -> None:
    with raw(hardened) as connection:
        connection.execute(f"GRANT pg_write_all_data TO {CLERK}")
    ok(hardened, "db", "harden", "--role", CLERK, "--password", PASSWORD)
    with raw(as_role(hardened, CLERK)) as connection:
        assert "permission denied" in refused(
            connection, "UPDATE tasks_view SET title = 'forged'"
        )


def test_hardening_refuses_the_owner_and_itself(hardened: str) -> None:
    me = hardened.split("://", 1)[1].split(":", 1)[0]
    refusal = run(hardened, "db", "harden", "--role", me)
    assert refusal.exit_code == 1 and "owns the ledger" in refusal.stderr
    assert ok(hardened, *ASSIGN).exit_code == 0  # the owner kept its rights


def test_a_projector_role_that_records_gets_one_line(hardened: str) -> None:
    result = run(as_role(hardened, PROJECTOR), *ASSIGN)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert event_count(hardened) == 0
