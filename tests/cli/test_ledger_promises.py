"""What the ledger promises when its file was tampered with, is busy, or is
named where an output file should be: exit 4, 3 or 2 in one line, and
nothing recorded or overwritten."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import ASSIGN, event_count, execute


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


COMPLETE = ["complete", "NV-2023-0042", "--on", "28/03/2023"]
SECOND = ["assign", "NV-2", *ASSIGN[2:]]


def one_line(text: str) -> bool:
    return text.count("\n") == 1 and "Traceback" not in text


def test_a_ledger_whose_newest_events_were_removed_records_nothing(
    sqlite_url: str,
) -> None:
    ok(sqlite_url, *ASSIGN)
    ok(sqlite_url, *SECOND)
    execute(
        sqlite_url,
        "DELETE FROM tracker_events WHERE id = 2",
        "DELETE FROM tracker_chain WHERE position = 2",
    )
    # The chain that is left is whole; the read models still show event 2.
    for command in (COMPLETE, ["list"], ["verify"]):
        result = run(sqlite_url, *command)
        assert result.exit_code == 4, (command, result.output)
        assert one_line(result.stderr)
    assert "position 2 is gone" in run(sqlite_url, "verify").stderr
    assert event_count(sqlite_url) == 1  # nothing numbered over the removed


def test_a_damaged_read_model_row_is_an_integrity_failure(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    execute(sqlite_url, "UPDATE task_facts SET facts = 'không phải JSON'")
    result = run(sqlite_url, "show", "NV-2023-0042")
    assert result.exit_code == 4, result.output
    assert one_line(result.stderr)
    assert run(sqlite_url, "verify", "--read-models").exit_code == 4


def test_a_database_locked_before_the_command_starts_is_busy(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("database.transactions.BUSY_WAIT_SECONDS", 1.5)
    path = sqlite_url.removeprefix("sqlite:///")
    # Another clerk's first command, still creating the ledger: behind a
    # rollback journal, its exclusive lock keeps readers out too.
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE being_made (n integer)")
        for command in (["list"], ASSIGN):
            result = run(sqlite_url, *command)
            assert result.exit_code == 3, (command, result.output)
            assert "busy" in result.stderr and "Traceback" not in result.output
    finally:
        holder.rollback()
        holder.close()
    assert event_count(sqlite_url) == 0


@pytest.mark.parametrize(
    "command",
    [
        ["list", "--format", "csv", "--output", "{ledger}"],
        ["report", "--period", "2023", "--format", "xlsx", "--output", "{ledger}"],
        ["export", "{ledger}"],
        ["import", "{tasks}", "--rejects", "{ledger}"],
    ],
    ids=lambda command: command[0],
)
def test_no_output_may_overwrite_the_ledger(
    sqlite_url: str, tmp_path: Path, command: list[str]
) -> None:
    ok(sqlite_url, *ASSIGN)
    ledger = sqlite_url.removeprefix("sqlite:///")
    tasks = tmp_path / "nhiem-vu.csv"
    tasks.write_text(
        "Mã,Nội dung,Đơn vị chủ trì,Cơ quan giao,Ngày giao,Hạn\n"
        "NV-3,Rà soát,Sở Tư pháp,UBND tỉnh,14/02/2023,31/02/2023\n",
        encoding="utf-8",
    )
    arguments = [part.format(ledger=ledger, tasks=tasks) for part in command]
    result = run(sqlite_url, *arguments)
    assert result.exit_code == 2, result.output
    assert "the ledger's own database file" in result.stderr
    assert Path(ledger).read_bytes().startswith(b"SQLite format 3\x00")
    assert event_count(sqlite_url) == 1
    assert ok(sqlite_url, "verify").exit_code == 0


def test_an_export_that_fails_leaves_no_file(sqlite_url: str, tmp_path: Path) -> None:
    ok(sqlite_url, *ASSIGN)
    ok(sqlite_url, *SECOND)
    target = tmp_path / "so-cai.jsonl"
    ok(sqlite_url, "export", str(target))
    kept = target.read_bytes()
    execute(sqlite_url, "DELETE FROM tracker_chain WHERE position = 1")
    result = run(sqlite_url, "export", str(target))
    assert result.exit_code == 4, result.output
    assert target.read_bytes() == kept  # the earlier export is not spoilt
    assert sorted(path.name for path in tmp_path.glob("so-cai*")) == ["so-cai.jsonl"]


def test_an_export_into_a_closed_pipe_stops_quietly(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    for number in range(2, 40):
        ok(sqlite_url, "assign", f"NV-{number}", *ASSIGN[2:])
    reader = subprocess.Popen(
        [sys.executable, "-m", "cli", "--db", sqlite_url, "export", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # as `| head -1` does
    errors = reader.stderr.read()
    reader.wait(timeout=60)
    assert b"Traceback" not in errors and b"BrokenPipe" not in errors


def test_the_empty_history_has_a_fingerprint(sqlite_url: str) -> None:
    ok(sqlite_url, "db", "init")
    assert ok(sqlite_url, "verify", "--fingerprint", "0:0000000000000000")
    result = run(sqlite_url, "verify", "--fingerprint", "0:1111111111111111")
    assert result.exit_code == 4
