"""``verify`` answers every tampering with exit 4 and one line, never a crash:
any value of any kind in any column of the events and chain tables, and the
newest events removed wherever the database keeps evidence of them."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from click.testing import Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from tests.cli import helpers
from tests.cli.helpers import execute
from tracker.eventstore.chain import GENESIS, chain_hash


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


LEDGER = "\n".join(
    [
        'assign A-1 --title "Rà soát" --agency "Sở Tư pháp" --assigner "UBND tỉnh" '
        "--assigned 10/01/2023 --due 31/03/2023",
        'assign A-2 --title "Số hóa" --agency "Sở Nội vụ" --assigner "UBND tỉnh" '
        "--assigned 10/02/2023 --due 30/04/2023",
        'assign A-3 --title "Đề án 06" --agency "Công an tỉnh" --assigner '
        '"Thủ tướng Chính phủ" --assigned 01/03/2023 --due 15/06/2023',
        "complete A-1 --on 20/03/2023",
        "extend A-2 --to 31/05/2023 --on 20/04/2023",
    ]
)
EVENTS = 5
COLUMNS = {
    "tracker_events": (
        "id",
        "originator_id",
        "originator_version",
        "topic",
        "state",
    ),
    "tracker_chain": ("position", "recorded_at", "previous_hash", "hash"),
}
KEYS = {"tracker_events": "id", "tracker_chain": "position"}


def refused_in_one_line(result: Any, *fragments: str) -> None:
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output and "unexpected" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


# -- any value in any column (SQLite keeps whatever is written) ----------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small ledger recorded through the CLI, copied for each example."""
    path = tmp_path_factory.mktemp("pristine") / "ledger.db"
    ok(f"sqlite:///{path}", "batch", "-", input=LEDGER + "\n")
    assert ok(f"sqlite:///{path}", "verify").exit_code == 0
    return path


def copied(source: Path, folder: str) -> Path:
    """A consistent copy (the ledger is in WAL mode: copying the file alone
    could miss its last transactions)."""
    target = Path(folder) / "ledger.db"
    with sqlite3.connect(source) as old, sqlite3.connect(target) as new:
        old.backup(new)
    old.close()
    new.close()
    return target


def dump(path: Path, table: str) -> list[tuple[Any, ...]]:
    """Every value of ``table`` with its storage class, exactly."""
    columns = ", ".join(f"typeof({c}), quote({c})" for c in COLUMNS[table])
    connection = sqlite3.connect(path)
    connection.text_factory = bytes  # text that is not UTF-8 is compared too
    try:
        return connection.execute(
            f"SELECT {columns} FROM {table} ORDER BY {KEYS[table]}"
        ).fetchall()
    finally:
        connection.close()


# A value of any kind SQLite stores, each written as it is or, for "bad
# text", as TEXT holding bytes that are not UTF-8.
VALUES = st.one_of(
    st.tuples(st.just("value"), st.none()),
    st.tuples(st.just("value"), st.integers(-(2**63), 2**63 - 1)),
    st.tuples(st.just("value"), st.sampled_from([0, 1, 2, 3, 5, -1, 2**63 - 1])),
    st.tuples(st.just("value"), st.floats()),
    st.tuples(st.just("value"), st.text(max_size=80)),
    st.tuples(st.just("value"), st.binary(max_size=40)),
    st.tuples(st.just("value"), st.binary(min_size=16, max_size=16)),
    st.tuples(st.just("value"), st.integers(2**63, 2**200).map(str)),
    st.tuples(
        st.just("value"),
        st.sampled_from(["{}", "[]", "null", '{"code": "A-9"}', "[" * 100_000]),
    ),
    st.tuples(st.just("bad text"), st.binary(min_size=1, max_size=20)),
    st.tuples(st.just("other row"), st.integers(1, EVENTS)),
    st.tuples(st.just("as text"), st.just(None)),
    st.tuples(st.just("uuid text"), st.just(None)),
)


def write(
    path: Path, table: str, column: str, position: int, how: str, value: Any
) -> None:
    """Write one value into one cell with raw sqlite3; a write the schema
    refuses (NOT NULL, a duplicate key, a non-integer row ID) changes nothing."""
    key = KEYS[table]
    target = f"UPDATE {table} SET {column} = {{}} WHERE {key} = :position"
    statements = {
        "value": ("?", [value]),
        "bad text": ("CAST(? AS TEXT)", [value]),
        "other row": (f"(SELECT {column} FROM {table} WHERE {key} = ?)", [value]),
        "as text": (f"CAST({column} AS TEXT)", []),
        "uuid text": (
            f"lower(substr(hex({column}), 1, 8) || '-' || substr(hex({column}), 9, 4)"
            f" || '-' || substr(hex({column}), 13, 4) || '-' || "
            f"substr(hex({column}), 17, 4) || '-' || substr(hex({column}), 21))",
            [],
        ),
    }
    expression, parameters = statements[how]
    connection = sqlite3.connect(path)
    try:
        sql = target.format(expression).replace(":position", "?")
        connection.execute(sql, [*parameters, position])
        connection.commit()
    except (sqlite3.IntegrityError, sqlite3.DataError, OverflowError):
        connection.rollback()
    finally:
        connection.close()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    cell=st.sampled_from(
        [(table, column) for table, columns in COLUMNS.items() for column in columns]
    ),
    position=st.integers(1, EVENTS),
    value=VALUES,
)
def test_any_value_in_any_stored_column_exits_4_in_one_line(
    pristine: Path, cell: tuple[str, str], position: int, value: tuple[str, Any]
) -> None:
    table, column = cell
    with tempfile.TemporaryDirectory() as folder:
        path = copied(pristine, folder)
        before = dump(path, table)
        write(path, table, column, position, *value)
        changed = dump(path, table) != before
        event(f"changed: {changed}")
        url = f"sqlite:///{path}"
        for args in (["verify"], ["verify", "--read-models"]):
            result = run(url, *args)
            if changed:
                refused_in_one_line(result)
            else:
                assert result.exit_code == 0, result.output


# -- values PostgreSQL's types allow --------------------------------------------


TAMPERING = [
    ("tracker_events", "state", b"\xff\xfe not JSON"),
    ("tracker_events", "state", b"{}"),
    ("tracker_events", "state", b""),
    ("tracker_events", "topic", "os:system"),
    ("tracker_events", "topic", ""),
    ("tracker_events", "originator_id", uuid4()),
    ("tracker_events", "originator_version", 2**63 - 1),
    ("tracker_events", "originator_version", -1),
    ("tracker_events", "id", 2**63 - 1),
    ("tracker_events", "id", -5),
    ("tracker_chain", "position", 0),
    ("tracker_chain", "recorded_at", "x" * 40),
    ("tracker_chain", "previous_hash", ""),
    ("tracker_chain", "hash", "f" * 64),
]


@pytest.mark.parametrize(("table", "column", "value"), TAMPERING)
def test_postgres_values_its_types_allow_exit_4_naming_the_position(
    pg_ledger: str, table: str, column: str, value: Any
) -> None:
    execute(
        pg_ledger,
        f"UPDATE {table} SET {column} = :value WHERE {KEYS[table]} = 3",
        value=value,
    )
    refused_in_one_line(run(pg_ledger, "verify"), "The ledger is broken at position")


@pytest.fixture
def pg_ledger(tmp_path: Path) -> str:
    from tests.conftest import postgres_url, reset_postgres

    url = postgres_url()
    reset_postgres(url)
    ok(url, "batch", "-", input=LEDGER + "\n")
    return url


# -- the newest events removed ---------------------------------------------------


def remove_newest(db_url: str, keep: int) -> None:
    execute(
        db_url,
        f"DELETE FROM tracker_events WHERE id > {keep}",
        f"DELETE FROM tracker_chain WHERE position > {keep}",
    )


def test_removed_newest_events_are_told_by_the_read_models_position(
    db_url: str,
) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    remove_newest(db_url, 3)
    refused_in_one_line(
        run(db_url, "verify"),
        "newest events were removed",
        "up to position 5",
        "positions 4 to 5",
    )


def test_removed_newest_events_are_told_by_a_tasks_last_position(
    db_url: str,
) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    remove_newest(db_url, 3)
    execute(db_url, "UPDATE tracker_tracking SET notification_id = 3")
    refused_in_one_line(
        run(db_url, "verify"),
        "newest events were removed",
        "task A-2's last event at position 5",
        "positions 4 to 5",
    )


def test_evidence_removed_as_well_leaves_the_read_models_to_tell(
    sqlite_url: str,
) -> None:
    """What plain ``verify`` cannot prove on SQLite: the events, the tracking
    and every task's position all set back leave a whole, shorter ledger. The
    read models still hold what the removed events made."""
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    remove_newest(sqlite_url, 3)
    execute(
        sqlite_url,
        "UPDATE tracker_tracking SET notification_id = 3",
        "UPDATE tasks_view SET position = 1 WHERE position > 3",
    )
    assert ok(sqlite_url, "verify").exit_code == 0
    refused_in_one_line(
        run(sqlite_url, "verify", "--read-models"), "task A-2", "tasks_view"
    )


def as_forger(db_url: str, *statements: str) -> None:
    """Run ``statements`` in one session that then publishes its statistics
    at once (PostgreSQL 15 otherwise sends them within a second or so)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
            connection.commit()
            connection.execute(text("SELECT pg_stat_force_next_flush()"))
            connection.commit()
    finally:
        engine.dispose()


def test_postgres_counts_the_rows_deleted_behind_the_tools_back(
    pg_ledger: str,
) -> None:
    as_forger(
        pg_ledger,
        "DELETE FROM tracker_events WHERE id > 3",
        "DELETE FROM tracker_chain WHERE position > 3",
        "UPDATE tracker_tracking SET notification_id = 3",
        "UPDATE tasks_view SET position = 1 WHERE position > 3",
    )
    warned(run(pg_ledger, "verify"), "count 2 rows deleted", "--fingerprint")


def warned(result: Any, *says: str) -> None:
    """PostgreSQL's statistics are a hint, not a proof (a rolled-back delete
    counts too): verify passes and says what they count."""
    assert result.exit_code == 0, result.output
    for text_ in says:
        assert text_ in result.stderr, result.stderr


def test_a_delete_rolled_back_is_no_removal(pg_ledger: str) -> None:
    engine = create_engine(pg_ledger)
    try:
        with engine.connect() as connection:
            connection.execute(text("DELETE FROM tracker_chain WHERE position = 1"))
            connection.rollback()
            connection.execute(text("SELECT pg_stat_force_next_flush()"))
    finally:
        engine.dispose()
    warned(run(pg_ledger, "verify"), "rolled back counts too")


def test_postgres_counts_a_chain_recomputed_behind_the_tools_back(
    pg_ledger: str,
) -> None:
    """A forger who rewrites an event and recomputes the whole chain leaves a
    whole chain; PostgreSQL's count of updated rows still shows it."""
    engine = create_engine(pg_ledger)
    try:
        with engine.begin() as connection:
            state = connection.execute(
                text("SELECT state FROM tracker_events WHERE id = 4")
            ).scalar_one()
            forged = bytes(state).replace(b"2023-03-20", b"2023-03-19")
            connection.execute(
                text("UPDATE tracker_events SET state = :s WHERE id = 4"), {"s": forged}
            )
            rows = connection.execute(
                text(
                    "SELECT e.id, e.originator_id, e.originator_version, e.topic,"
                    " e.state, c.recorded_at FROM tracker_events e JOIN"
                    " tracker_chain c ON c.position = e.id ORDER BY e.id"
                )
            ).all()
            previous = GENESIS
            for position, originator, version, topic, body, recorded_at in rows:
                digest = chain_hash(
                    previous,
                    position,
                    UUID(str(originator)),
                    version,
                    topic,
                    bytes(body),
                    recorded_at,
                )
                connection.execute(
                    text(
                        "UPDATE tracker_chain SET previous_hash = :p, hash = :h"
                        " WHERE position = :n"
                    ),
                    {"p": previous, "h": digest, "n": position},
                )
                previous = digest
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_stat_force_next_flush()"))
    finally:
        engine.dispose()
    warned(run(pg_ledger, "verify"), "updated in tracker_", "--fingerprint")
