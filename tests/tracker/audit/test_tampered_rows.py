"""Rows edited behind the tool's back make the other commands refuse with
exit 4 and one line, never crash, and never import what a forged row names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import ASSIGN


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


COMPLETE = ["complete", "NV-2023-0042", "--on", "28/03/2023"]


def edit(url: str, statement: str, *params: object) -> None:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    with connection:
        connection.execute(statement, params)
    connection.close()


def test_an_event_of_a_forged_kind_is_refused_before_it_is_decoded(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decoding resolves an event's topic by importing the module it names."""
    marker = tmp_path / "imported"
    (tmp_path / "forged_events.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nclass Evil: pass\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    ok(sqlite_url, *ASSIGN)
    edit(sqlite_url, "UPDATE tracker_events SET topic = 'forged_events:Evil'")
    for args in (COMPLETE, ["history", "NV-2023-0042"], ["projections", "rebuild"]):
        result = run(sqlite_url, *args)
        assert result.exit_code == 4, (args, result.output)
        assert "never records" in result.stderr and "Traceback" not in result.output
    assert not marker.exists()


def test_a_creation_naming_a_forged_aggregate_is_refused(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    edit(
        sqlite_url,
        "UPDATE tracker_events SET state = CAST(replace(CAST(state AS TEXT),"
        " '\"domain.task:Task\"', '\"forged_events:Evil\"') AS BLOB)",
    )
    result = run(sqlite_url, *COMPLETE)
    assert result.exit_code == 4 and "never records" in result.stderr


def test_an_export_of_an_event_that_is_not_utf8_exits_4(
    sqlite_url: str, tmp_path: Path
) -> None:
    ok(sqlite_url, *ASSIGN)
    edit(sqlite_url, "UPDATE tracker_events SET state = ?", b"\xff\xfe{}")
    result = run(sqlite_url, "export", str(tmp_path / "so-cai.jsonl"))
    assert result.exit_code == 4 and "not UTF-8" in result.stderr


def test_a_tracking_position_that_is_not_a_number_exits_4(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    edit(sqlite_url, "UPDATE tracker_tracking SET notification_id = 'abc'")
    for args in (["list"], ["projections", "status"], COMPLETE):
        result = run(sqlite_url, *args)
        assert "Traceback" not in result.output
        assert result.exit_code == 4, (args, result.output)
        assert "tracking position" in result.stderr
