"""Listing, filtering and history, as the Office reads them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.cli.helpers import ASSIGN, as_json, execute, ok, run


def _ledger(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(
        db_url,
        "assign",
        "NV-2",
        "--title",
        "Triển khai Đề án 06",
        "--agency",
        "Công an tỉnh",
        "--assigner",
        "Thủ tướng Chính phủ",
        "--assigned",
        "1/3/2023",
        "--due",
        "30/4/2023",
    )
    ok(
        db_url,
        "assign",
        "NV-3",
        "--title",
        "Số hóa hồ sơ hộ tịch",
        "--agency",
        "Sở Tư pháp",
        "--assigner",
        "Chủ tịch UBND tỉnh",
        "--assigned",
        "2/3/2023",
    )
    ok(db_url, "complete", "NV-2", "--on", "20/4/2023")


def test_list_json_is_a_list_of_show_objects(db_url: str) -> None:
    _ledger(db_url)
    rows = as_json(db_url, "list", "--as-of", "30/06/2023")
    assert [row["code"] for row in rows] == ["NV-2023-0042", "NV-2", "NV-3"]
    assert {row["status"] for row in rows} == {"overdue", "on_time", "in_progress"}
    assert set(rows[0]) >= {
        "code",
        "title",
        "agency",
        "assigner",
        "assigned_on",
        "due_on",
        "completed_on",
        "status",
    }


def test_list_filters_ignore_diacritics_and_case(db_url: str) -> None:
    _ledger(db_url)
    codes = lambda *args: [r["code"] for r in as_json(db_url, "list", *args)]  # noqa: E731
    assert codes("--agency", "so tu phap") == ["NV-2023-0042", "NV-3"]
    assert codes("--agency", "SỞ TƯ PHÁP") == ["NV-2023-0042", "NV-3"]
    assert codes("--search", "de an 06") == ["NV-2"]
    assert codes("--assigner", "thu tuong") == ["NV-2"]
    assert codes("--doc", "495/UBND-TTHC") == ["NV-2023-0042"]
    assert codes("--status", "overdue", "--as-of", "30/06/2023") == ["NV-2023-0042"]
    assert codes(
        "--status", "on_time", "--status", "in_progress", "--as-of", "30/06/2023"
    ) == ["NV-2", "NV-3"]


def test_list_csv_and_markdown(db_url: str) -> None:
    _ledger(db_url)
    text = ok(db_url, "list", "--format", "csv", "--as-of", "30/6/2023").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["Cơ quan chủ trì"] == "Sở Tư pháp"
    assert rows[0]["Tình trạng"] == "Quá hạn" and rows[0]["Ngày giao"] == "2023-02-14"
    args = ("--lang", "en", "list", "--format", "csv", "--as-of", "30/6/2023")
    rows = list(csv.DictReader(io.StringIO(ok(db_url, *args).stdout)))
    assert rows[0]["agency"] == "Sở Tư pháp" and rows[0]["status"] == "overdue"
    md = ok(db_url, "list", "--format", "md", "--as-of", "30/6/2023").stdout
    assert "| Mã | Nội dung nhiệm vụ |" in md and "Quá hạn" in md


def test_list_table_shows_vietnamese_text(db_url: str) -> None:
    _ledger(db_url)
    output = ok(db_url, "list", "--as-of", "30/6/2023").stdout
    assert "Số hóa hồ sơ hộ tịch" in output and "Hoàn thành đúng hạn" in output


def test_empty_listing(db_url: str) -> None:
    ok(db_url, "db", "init")
    assert "Không có nhiệm vụ nào." in ok(db_url, "list").stdout
    assert as_json(db_url, "list") == []


def test_history_json_oldest_first_with_recording_facts(db_url: str) -> None:
    _ledger(db_url)
    history = as_json(db_url, "history", "NV-2")
    assert [e["type"] for e in history] == ["Assigned", "Completed"]
    completed = history[1]
    assert completed["effective_on"] == "2023-04-20"
    assert completed["actor"] == "chuyên viên A"
    assert completed["recorded_at"].endswith("+00:00")
    assert len(completed["hash"]) == 64
    assert history[0]["title"] == "Triển khai Đề án 06"


def test_history_table(db_url: str) -> None:
    _ledger(db_url)
    output = ok(db_url, "history", "NV-2").stdout
    assert "Giao nhiệm vụ" in output and "Hoàn thành" in output


def test_show_unknown_task(db_url: str) -> None:
    ok(db_url, "db", "init")
    result = run(db_url, "show", "NV-404")
    assert (
        result.exit_code == 1
        and "Không có nhiệm vụ nào mang mã NV-404." in result.stderr
    )
    assert run(db_url, "history", "NV-404").exit_code == 1


def test_show_gives_the_official_names_in_the_table_and_the_json(
    db_url: str,
) -> None:
    ok(
        db_url,
        *("assign", "NV-4", "--title", "Việc", "--agency", "so tu phap"),
        *("--co-agency", "STC", "--co-agency", "Sở Y tế", "--assigner", "UBND"),
        *("--assigned", "1/3/2023", "--due", "30/4/2023"),
    )
    shown = as_json(db_url, "show", "NV-4")
    assert (shown["agency"], shown["co_agencies"], shown["assigner"]) == (
        "Sở Tư pháp",
        ["Sở Tài chính", "Sở Y tế"],  # one the directory does not know, as typed
        "UBND tỉnh",
    )
    table = ok(db_url, "show", "NV-4").stdout
    assert "Sở Tư pháp" in table and "Sở Tài chính" in table
    assert "UBND tỉnh" in table
    assert "so tu phap" not in table and "STC" not in table


READING = [
    ["list"],
    ["show", "NV-1"],
    ["history", "NV-1"],
    ["report", "--period", "2023"],
    ["overdue"],
    ["verify"],
    ["verify", "--read-models"],
    ["export", "-"],
    ["projections", "status"],
    ["projections", "rebuild"],
    ["projections", "follow"],
    ["sweep", "--as-of", "30/06/2023"],
]


@pytest.mark.parametrize("command", [*READING, ["db", "check"]], ids=" ".join)
def test_reading_a_ledger_that_is_not_there_creates_none(
    tmp_path: Path, command: list[str]
) -> None:
    # A typing slip in --db must not answer zeros from a ledger made for it.
    missing = tmp_path / "so-cai-2023.db"
    result = run(f"sqlite:///{missing}", *command)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1
    assert f"Không có nhật ký tại {missing}" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_reading_a_database_without_a_ledger_creates_none(
    db_url: str, command: list[str]
) -> None:
    # Another application's database, or an empty one made for the tracker.
    execute(db_url, "CREATE TABLE other_application (id INTEGER)")
    result = run(db_url, *command)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1
    assert "Không có nhật ký trong" in result.stderr
    tables = execute(
        db_url,
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        if db_url.startswith("sqlite")
        else "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
    )
    assert [row[0] for row in tables] == ["other_application"]
