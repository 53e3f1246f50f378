"""Drive the CLI the way a clerk types, on a temporary database."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner, Result
from sqlalchemy import create_engine, inspect, text

from cli.main import main

ASSIGN = [
    "assign", "NV-2023-0042",
    "--title", "Rà soát thủ tục hành chính lĩnh vực hộ tịch",
    "--agency", "Sở Tư pháp",
    "--assigner", "UBND tỉnh",
    "--assigned", "14/02/2023",
    "--due", "31/03/2023",
    "--doc", "495/UBND-TTHC ngày 14/02/2023",
]  # fmt: skip


def run(db_url: str, *args: str, input: str | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(
        main, ["--db", db_url, "--actor", "chuyên viên A", *args], input=input
    )


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    result = run(db_url, *args, input=input)
    assert result.exit_code == 0, result.output
    return result


def as_json(db_url: str, *args: str) -> Any:
    return json.loads(ok(db_url, *args, "--format", "json").stdout)


def event_count(db_url: str) -> int:
    """Events in the ledger (0 when nothing ever opened the database)."""
    engine = create_engine(db_url)
    try:
        if not inspect(engine).has_table("tracker_events"):
            return 0
        with engine.connect() as connection:
            return int(
                connection.execute(text("SELECT count(*) FROM tracker_events")).scalar()
            )
    finally:
        engine.dispose()


def execute(db_url: str, *statements: str, **params: Any) -> list[tuple[Any, ...]]:
    """Raw SQL in one transaction, as anyone with write access could run it;
    the rows of the last statement that returns any."""
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            rows: list[tuple[Any, ...]] = []
            for statement in statements:
                result = connection.execute(text(statement), params)
                if result.returns_rows:
                    rows = [tuple(row) for row in result]
            return rows
    finally:
        engine.dispose()
