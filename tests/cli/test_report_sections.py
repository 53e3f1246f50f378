"""The report in the form's scope: one section per source group, names as the
directory knows them, and the directory as known at the moment asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import as_json, execute, ok, run


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "settings.json"))


def _assign(code: str, agency: str, assigner: str, due: str = "28/02/2023") -> str:
    return (
        f'assign {code} --title "Nhiệm vụ {code}" --agency "{agency}" '
        f'--assigner "{assigner}" --assigned 10/01/2023 --due {due}'
    )


def _record(db_url: str, *lines: str) -> None:
    ok(db_url, "batch", "-", input="\n".join(lines) + "\n")


def test_name_variants_and_aliases_fold_into_one_row(db_url: str) -> None:
    _record(
        db_url,
        _assign("A-1", "Sở Tư pháp", "Thủ tướng Chính phủ"),
        _assign("A-2", "Sở tư pháp", "Thủ tướng"),
        _assign("A-3", "SO TU PHAP", "TTg"),
        _assign("A-4", "STP", "thu tuong chinh phu", due="31/12/2023"),
        _assign("A-5", "Sở Nội vụ", "UBND tỉnh"),
    )
    report = as_json(db_url, "report", "--period", "2023-H1", "--by", "agency")
    assert [(g["name"], g["assigned"]) for g in report["groups"]] == [
        ("Sở Tư pháp", 4),
        ("Sở Nội vụ", 1),
    ]
    central, provincial = report["sections"]
    assert [(g["name"], g["overdue"], g["in_progress"]) for g in central["groups"]] == [
        ("Sở Tư pháp", 3, 1)
    ]
    assert [g["name"] for g in provincial["groups"]] == ["Sở Nội vụ"]
    by_assigner = as_json(db_url, "report", "--period", "2023-H1", "--by", "assigner")
    assert [
        (g["name"], g["assigned"]) for g in by_assigner["sections"][0]["groups"]
    ] == [("Thủ tướng Chính phủ", 4)]
    table = ok(db_url, "report", "--period", "2023-H1", "--by", "agency").stdout
    assert "SO TU PHAP" not in table and "STP" not in table


def test_the_overdue_list_groups_by_official_agency(db_url: str) -> None:
    _record(
        db_url,
        _assign("B-1", "Sở Nội vụ", "UBND tỉnh", due="15/02/2023"),
        _assign("B-2", "STP", "UBND tỉnh", due="20/02/2023"),
        _assign("B-3", "Sở Tư pháp", "UBND tỉnh", due="10/02/2023"),
        _assign("B-4", "SO TU PHAP", "UBND tỉnh", due="25/02/2023"),
    )
    args = ("overdue", "--as-of", "30/06/2023")
    printed = ok(db_url, *args, "--format", "json").stdout_bytes
    data = json.loads(printed)
    assert printed == json.dumps(data, ensure_ascii=False).encode() + b"\n"
    assert [(r["agency"], r["code"]) for r in data["overdue"]] == [
        ("Sở Tư pháp", "B-3"),  # most overdue first, whatever the spelling
        ("Sở Tư pháp", "B-2"),
        ("Sở Tư pháp", "B-4"),
        ("Sở Nội vụ", "B-1"),
    ]
    assert data["summary"]["total"] == 4


def test_unknown_assigners_are_listed_once_with_the_command_that_files_them(
    db_url: str,
) -> None:
    _record(
        db_url,
        _assign("C-1", "Sở Nội vụ", "Bộ Nội vụ"),
        _assign("C-2", "Sở Tư pháp", "Bộ Nội vụ"),
        _assign("C-3", "Sở Tư pháp", "UBND tỉnh"),
    )
    result = ok(
        db_url, "--lang", "en", "report", "--period", "2023-H1", "--by", "agency"
    )
    assert result.stderr.count("Bộ Nội vụ") == 2  # the list, and its command
    assert 'tracker directory add assigner "Bộ Nội vụ" --source' in result.stderr
    assert "UBND tỉnh" not in result.stderr
    report = as_json(db_url, "report", "--period", "2023-H1")
    assert [(s["source"], s["assigned"]) for s in report["sections"]] == [
        ("provincial", 1),
        ("other", 2),
    ]
    ok(db_url, "directory", "add", "assigner", "Bộ Nội vụ", "--source", "central")
    filed = run(db_url, "report", "--period", "2023-H1", "--format", "json")
    assert filed.exit_code == 0 and "Bộ Nội vụ" not in filed.stderr
    assert [
        (s["source"], s["assigned"]) for s in json.loads(filed.stdout)["sections"]
    ] == [
        ("central", 2),
        ("provincial", 1),
    ]


def test_one_source_group_alone(db_url: str) -> None:
    _record(
        db_url,
        _assign("D-1", "Sở Nội vụ", "Chính phủ"),
        _assign("D-2", "Sở Nội vụ", "Chủ tịch UBND tỉnh"),
        "complete D-2 --on 20/01/2023",
    )
    provincial = as_json(
        db_url, "report", "--period", "2023-H1", "--source", "provincial"
    )
    assert (provincial["source"], provincial["assigned"], provincial["on_time"]) == (
        "provincial",
        1,
        1,
    )
    assert provincial["rates"]["on_time"] == 100.0
    assert [s["source"] for s in provincial["sections"]] == ["provincial"]
    other = as_json(db_url, "report", "--period", "2023-H1", "--source", "other")
    assert (other["assigned"], other["sections"]) == (0, [])
    table = ok(db_url, "report", "--period", "2023-H1", "--source", "other").stdout
    assert "Tình hình thực hiện nhiệm vụ do cơ quan, đơn vị khác giao" in table
    assert run(db_url, "report", "--period", "2023-H1", "--source", "x").exit_code == 2


def test_as_known_at_uses_the_directory_as_known_then(db_url: str) -> None:
    _record(
        db_url,
        _assign("E-1", "Phòng Tư pháp", "Bộ Nội vụ"),
        _assign("E-2", "Sở Tư pháp", "UBND tỉnh"),
    )
    args = ("report", "--period", "2023-H1", "--by", "agency")
    sent = as_json(db_url, *args)
    moment = str(execute(db_url, "SELECT max(recorded_at) FROM tracker_chain")[0][0])
    ok(db_url, "directory", "add", "assigner", "Bộ Nội vụ", "--source", "central")
    ok(db_url, "directory", "alias", "agency", "Sở Tư pháp", "Phòng Tư pháp")
    now = as_json(db_url, *args)
    assert [(s["source"], s["assigned"]) for s in now["sections"]] == [
        ("central", 1),
        ("provincial", 1),
    ]
    assert [(g["name"], g["assigned"]) for g in now["groups"]] == [("Sở Tư pháp", 2)]
    then = as_json(db_url, *args, "--as-known-at", moment)
    assert then == sent
    assert [s["source"] for s in then["sections"]] == ["provincial", "other"]
    assert {g["name"] for g in then["groups"]} == {"Phòng Tư pháp", "Sở Tư pháp"}
