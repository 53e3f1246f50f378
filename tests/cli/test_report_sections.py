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


EN = ("--lang", "en")
# One name the directory does not know, typed three ways, and with each
# spelling's number of tasks: the spelling most tasks use is the one shown.
HEALTH = ("Sở Y tế", "sở y tế", "SO Y TE")
FINANCE = ("BỘ TÀI CHÍNH", "bo tai chinh", "Bộ Tài chính")


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
    assert "tracker directory add assigner 'Bộ Nội vụ' --source" in result.stderr
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
    notice = ok(db_url, *EN, *args, "--as-known-at", moment).stderr
    assert "counted as other: Bộ Nội vụ." in notice  # as it was then
    assert "File it with" not in notice  # today's directory would refuse it
    assert [s["source"] for s in then["sections"]] == ["provincial", "other"]
    assert {g["name"] for g in then["groups"]} == {"Phòng Tư pháp", "Sở Tư pháp"}


def _variants(db_url: str, order: tuple[int, ...]) -> None:
    """W-1..W-3 under the three spellings of each unknown name, spelling 0
    used by two tasks, recorded in ``order``; W-4 due soon, W-5 known."""
    lines = {
        0: _assign("W-1", HEALTH[0], FINANCE[2]),
        1: _assign("W-2", HEALTH[1], FINANCE[1]),
        2: _assign("W-3", HEALTH[2], FINANCE[0]),
        3: _assign("W-4", HEALTH[0], FINANCE[2], due="05/07/2023"),
        4: _assign("W-5", "STP", "TTg"),
    }
    _record(db_url, *(lines[i] for i in order))


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 2, 1, 3, 0)])
def test_unknown_names_typed_several_ways_are_one_row_under_one_spelling(
    db_url: str, order: tuple[int, ...]
) -> None:
    _variants(db_url, order)
    args = ("report", "--period", "2023-H1", "--as-of", "30/06/2023")
    by_agency = as_json(db_url, *args, "--by", "agency")
    assert [(g["name"], g["assigned"]) for g in by_agency["groups"]] == [
        ("Sở Y tế", 4),
        ("Sở Tư pháp", 1),
    ]
    other = by_agency["sections"][-1]
    assert [(g["name"], g["overdue"]) for g in other["groups"]] == [("Sở Y tế", 3)]
    by_assigner = as_json(db_url, *args, "--by", "assigner")
    assert [(g["name"], g["assigned"]) for g in by_assigner["groups"]] == [
        ("Bộ Tài chính", 4),
        ("Thủ tướng Chính phủ", 1),
    ]
    table = ok(db_url, *args, "--by", "assigner").stdout
    assert "BỘ TÀI CHÍNH" not in table and "bo tai chinh" not in table


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 2, 1, 3, 0)])
def test_the_overdue_list_shows_unknown_agencies_and_assigners_as_one(
    db_url: str, order: tuple[int, ...]
) -> None:
    _variants(db_url, order)
    args = ("overdue", "--as-of", "30/06/2023", "--due-within", "10")
    printed = ok(db_url, *args, "--format", "json").stdout_bytes
    data = json.loads(printed)
    assert printed == json.dumps(data, ensure_ascii=False).encode() + b"\n"
    assert [(r["agency"], r["assigner"], r["code"]) for r in data["overdue"]] == [
        ("Sở Y tế", "Bộ Tài chính", "W-1"),
        ("Sở Y tế", "Bộ Tài chính", "W-2"),
        ("Sở Y tế", "Bộ Tài chính", "W-3"),
        ("Sở Tư pháp", "Thủ tướng Chính phủ", "W-5"),
    ]
    assert [(r["agency"], r["code"]) for r in data["due_soon"]] == [("Sở Y tế", "W-4")]
    table = ok(db_url, *args).stdout
    for typed in (*HEALTH[1:], *FINANCE[:2], "STP", "TTg"):
        assert typed not in table


def test_unknown_assigners_typed_several_ways_are_listed_once(db_url: str) -> None:
    _variants(db_url, (0, 1, 2, 3, 4))
    ok(
        db_url,
        *("assign", "W-6", "--title", "x", "--agency", "Sở Nội vụ"),
        *("--assigner", 'Bộ "Nội" vụ $HOME', "--assigned", "10/01/2023"),
    )
    result = ok(db_url, *EN, "report", "--period", "2023-H1")
    assert result.stderr.splitlines() == [
        "Assigners not in the directory, counted as other: "
        'Bộ "Nội" vụ $HOME; Bộ Tài chính.',
        "File it with: tracker directory add assigner "
        "'Bộ \"Nội\" vụ $HOME' --source central|provincial|other",
        "File it with: tracker directory add assigner 'Bộ Tài chính' "
        "--source central|provincial|other",
    ]
    ok(db_url, "directory", "add", "assigner", 'Bộ "Nội" vụ $HOME', "--source", "other")
    assert "Nội" not in ok(db_url, "report", "--period", "2023-H1").stderr
