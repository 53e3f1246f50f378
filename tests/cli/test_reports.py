"""The period report, the weekly overdue report, the sweep and the read-model
commands, as the Office runs them."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli.output import json_text
from projections.json_text import EncodedJSON
from tests.cli.helpers import as_json, event_count, ok, run


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents are headed from settings: never the user's own."""
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "settings.json"))


def _assign(
    code: str,
    assigned: str,
    due: str | None,
    agency: str = "Sở Tư pháp",
    assigner: str = "UBND tỉnh",
) -> str:
    line = (
        f'assign {code} --title "Nhiệm vụ {code}" --agency "{agency}" '
        f'--assigner "{assigner}" --assigned {assigned}'
    )
    return line + (f" --due {due}" if due else "")


def _half_year(assigner: str = "Thủ tướng Chính phủ") -> list[str]:
    """The seed's half-year: 118 tasks, 27 completed on time, 1 late."""
    lines = []
    for n in range(1, 119):
        month = 1 + (n % 6)
        due = "31/12/2023" if n > 28 else f"28/{month:02d}/2023"
        if n > 110:
            due = None  # tasks without deadline, shown apart within in progress
        who = "Chính phủ" if n % 3 == 0 else assigner
        lines.append(
            _assign(f"NV-{n:03d}", f"{1 + n % 27}/{month}/2023", due, "Sở Tư pháp", who)
        )
    for n in range(1, 28):
        month = 1 + (n % 6)
        lines.append(f"complete NV-{n:03d} --on {27 + n % 2}/{month}/2023")
    lines.append("complete NV-028 --on 2/6/2023")  # due 28/05: one day... late
    return lines


# The province's own tasks in the same half-year: counted apart.
PROVINCIAL = [
    _assign("T-1", "05/01/2023", "31/01/2023", "Sở Nội vụ", "Chủ tịch UBND tỉnh"),
    _assign("T-2", "05/01/2023", "28/02/2023", "Sở Nội vụ", "UBND tỉnh"),
    _assign("T-3", "05/03/2023", None, "Sở Tài chính", "Phó Chủ tịch UBND tỉnh"),
    "complete T-1 --on 02/02/2023",
]


def test_the_half_year_form_is_reproduced_to_the_figure(db_url: str) -> None:
    """DESIGN.md's form: 118 assigned, 27 on time, 1 late, 0 overdue, 90 open,
    counting the Government's and the Prime Minister's tasks only; the
    province's own are a section apart."""
    lines = _half_year() + PROVINCIAL
    ok(db_url, "batch", "-", input="\n".join(lines) + "\n")
    report = as_json(db_url, "report", "--period", "2023-H1", "--as-of", "30/06/2023")
    central, provincial = report["sections"]
    assert (central["source"], provincial["source"]) == ("central", "provincial")
    assert (
        central["assigned"],
        central["on_time"],
        central["late"],
        central["overdue"],
        central["in_progress"],
    ) == (118, 27, 1, 0, 90)
    assert central["no_deadline"] == 8
    assert central["rates"] == {
        "on_time": 22.88,
        "late": 0.85,
        "overdue": 0.0,
        "in_progress": 76.27,
        "no_deadline": 6.78,
        "on_time_of_completed": 96.43,
    }
    assert (
        provincial["assigned"],
        provincial["late"],
        provincial["overdue"],
        provincial["in_progress"],
        provincial["no_deadline"],
    ) == (3, 1, 1, 1, 1)
    assert report["assigned"] == 121  # the whole selection, as before
    assert (report["from"], report["to"], report["as_of"]) == (
        "2023-01-01",
        "2023-06-30",
        "2023-06-30",
    )
    only = as_json(db_url, "report", "--period", "2023-H1", "--source", "central")
    assert (only["assigned"], only["on_time"], only["late"], only["overdue"]) == (
        118,
        27,
        1,
        0,
    )
    assert [s["source"] for s in only["sections"]] == ["central"]
    table = ok(db_url, "report", "--period", "2023-H1").stdout
    for text in (
        "Tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao",
        "Tình hình thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao",
        "Tổng số nhiệm vụ được giao",
        "118",
        "Số nhiệm vụ đã hoàn thành đúng hạn",
        "Chiếm 22,88%; đạt 96,43% số nhiệm vụ đã hoàn thành",
        "Số nhiệm vụ đã hoàn thành nhưng quá hạn",
        "Số nhiệm vụ quá hạn nhưng chưa hoàn thành",
    ):
        assert text in table
    assert table.index("Chính phủ, Thủ tướng") < table.index("UBND tỉnh, Chủ tịch")
    english = ok(db_url, "--lang", "en", "report", "--period", "2023-H1").stdout
    assert "Tasks assigned by the Government and the Prime Minister" in english
    assert "22.88% of assigned; 96.43% of completed" in english


def _small_ledger(db_url: str) -> None:
    ok(
        db_url,
        "batch",
        "-",
        input="\n".join(
            [
                _assign("A-1", "10/01/2023", "31/01/2023"),
                _assign("A-2", "10/01/2023", "28/02/2023", agency="Sở Nội vụ"),
                _assign(
                    "A-3",
                    "20/03/2023",
                    "10/04/2023",
                    agency="Sở Nội vụ",
                    assigner="Thủ tướng Chính phủ",
                ),
                _assign("A-4", "01/06/2023", "05/07/2023"),
                _assign("A-5", "01/06/2023", None, agency="Sở Y tế"),
                _assign("B-1", "01/08/2023", "30/09/2023"),
                "complete A-1 --on 30/01/2023",
                "cancel A-4 --on 10/06/2023 --reason 'Rút khỏi chương trình'",
            ]
        )
        + "\n",
    )


def test_report_json_by_agency_adds_up(db_url: str) -> None:
    _small_ledger(db_url)
    report = as_json(db_url, "report", "--period", "2023-H1", "--by", "agency")
    assert report["assigned"] == 4 and report["cancelled"] == 1
    assert (report["on_time"], report["overdue"], report["in_progress"]) == (1, 2, 1)
    groups = {g["name"]: g for g in report["groups"]}
    assert set(groups) == {"Sở Tư pháp", "Sở Nội vụ", "Sở Y tế"}
    assert groups["Sở Nội vụ"]["overdue"] == 2
    for figures in [report, *report["groups"]]:
        assert figures["assigned"] == sum(
            figures[k] for k in ("on_time", "late", "overdue", "in_progress")
        )
    by_assigner = as_json(db_url, "report", "--period", "2023-H1", "--by", "assigner")
    assert {g["name"] for g in by_assigner["groups"]} == {
        "UBND tỉnh",
        "Thủ tướng Chính phủ",
    }


def test_report_cutoff_conventions(db_url: str) -> None:
    _small_ledger(db_url)
    decree = as_json(db_url, "report", "--period", "2023-Q2", "--cutoff", "decree09")
    assert (decree["from"], decree["to"]) == ("2023-03-15", "2023-06-14")
    assert decree["assigned"] == 2  # A-3 and A-5 (A-4 withdrawn)
    calendar = as_json(db_url, "report", "--period", "2023-Q1")
    assert (calendar["from"], calendar["to"], calendar["assigned"]) == (
        "2023-01-01",
        "2023-03-31",
        3,
    )
    explicit = as_json(db_url, "report", "--from", "15/03/2023", "--to", "14/6/2023")
    assert explicit["assigned"] == decree["assigned"]


def test_report_other_formats(db_url: str, tmp_path: Path) -> None:
    _small_ledger(db_url)
    md = ok(db_url, "report", "--period", "2023-H1", "--format", "md").stdout
    assert "| 5.1 | Tổng số nhiệm vụ được giao | Nhiệm vụ | 3 |  |" in md
    assert "| 5.4 | Số nhiệm vụ quá hạn nhưng chưa hoàn thành | Nhiệm vụ | 1 |" in md
    english = ok(db_url, "--lang", "en", "report", "--period", "2023-H1").stdout
    assert "Tasks assigned" in english
    for lang, source, assigned, names in (
        ("en", "source", "assigned", ["all", "central", "provincial"]),
        (
            "vi",
            "Nhóm nguồn giao",
            "Tổng số",
            ["Tất cả", "Trung ương giao", "Tỉnh giao"],
        ),
    ):
        args = ("--lang", lang, "report", "--period", "2023-H1", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(ok(db_url, *args).stdout)))
        assert [(r[source], r[assigned]) for r in rows] == list(
            zip(names, ["4", "1", "3"], strict=True)
        )
    workbook = tmp_path / "bao-cao.xlsx"
    ok(
        db_url,
        "report",
        "--period",
        "2023-H1",
        "--by",
        "agency",
        "--output",
        str(workbook),
    )
    sheets = load_workbook(workbook)
    assert sheets.sheetnames == ["Trung ương giao", "Tỉnh giao"]
    rows = [row[:5] for row in sheets.worksheets[1].iter_rows(values_only=True)]
    assert ("5.1", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", 3, None) in rows


def test_report_usage_errors(db_url: str) -> None:
    assert run(db_url, "report").exit_code == 2
    assert run(db_url, "report", "--period", "2023-H3").exit_code == 2
    assert run(db_url, "report", "--period", "2023", "--format", "xlsx").exit_code == 2
    assert run(db_url, "report", "--period", "2023", "--output", "x.txt").exit_code == 2


def test_overdue_report_by_agency_most_overdue_first(db_url: str) -> None:
    _small_ledger(db_url)
    data = as_json(db_url, "overdue", "--as-of", "30/06/2023", "--due-within", "10")
    assert data["as_of"] == "2023-06-30"
    assert [(r["code"], r["days_overdue"]) for r in data["overdue"]] == [
        ("A-2", 122),
        ("A-3", 81),
    ]
    assert data["overdue"][0]["agency"] == "Sở Nội vụ"
    assert data["summary"] == {
        "total": 2,
        "over_30": 2,
        "over_60": 2,
        "over_120": 1,
        "age_in": "days",
    }
    assert data["due_soon"] == []
    soon = as_json(db_url, "overdue", "--as-of", "25/09/2023", "--due-within", "7")
    assert [(r["code"], r["days_left"]) for r in soon["due_soon"]] == [("B-1", 5)]
    only = as_json(db_url, "overdue", "--as-of", "30/06/2023", "--agency", "so tu")
    assert only["overdue"] == []


TRICKY_TITLE = 'Báo cáo "khẩn" về C:\\dữ liệu, đợt 2 😀'


def test_overdue_json_is_exactly_what_json_dumps_makes_of_it(
    db_url: str, tmp_path: Path
) -> None:
    """The list is encoded by the database from stored entries; the bytes are
    those ``json.dumps`` makes of the decoded answer, quotes, backslashes and
    all, on the screen and in a file alike."""
    _small_ledger(db_url)
    ok(
        db_url, "assign", "C-1", "--title", TRICKY_TITLE, "--agency", "Sở Nội vụ",
        "--assigner", "UBND tỉnh", "--assigned", "01/02/2023", "--due", "01/03/2023",
    )  # fmt: skip
    args = ("overdue", "--as-of", "30/06/2023", "--due-within", "100")
    printed = ok(db_url, *args, "--format", "json").stdout_bytes
    data = json.loads(printed)
    assert printed == json.dumps(data, ensure_ascii=False).encode() + b"\n"
    assert [row["code"] for row in data["overdue"]] == ["A-2", "C-1", "A-3"]
    assert data["overdue"][1]["title"] == TRICKY_TITLE
    assert data["due_soon"] == []  # B-1, due 30/09, is assigned on 01/08
    written = tmp_path / "tuan.json"
    ok(db_url, *args, "--output", str(written))
    assert written.read_bytes() == json.dumps(data, ensure_ascii=False).encode()


def test_json_at_a_terminal_is_indented_encoded_list_and_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer = {"as_of": "2023-06-30", "overdue": EncodedJSON(b'[{"code": "A-2"}]')}
    assert json_text(answer) == b'{"as_of": "2023-06-30", "overdue": [{"code": "A-2"}]}'
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    decoded = {"as_of": "2023-06-30", "overdue": [{"code": "A-2"}]}
    assert json_text(answer) == json.dumps(decoded, indent=2)


def test_overdue_report_table_and_workbook(db_url: str, tmp_path: Path) -> None:
    _small_ledger(db_url)
    table = ok(db_url, "overdue", "--as-of", "30/06/2023", "--due-within", "7").stdout
    assert "Sở Nội vụ" in table and "trên 120 ngày: 1" in table
    workbook = tmp_path / "tuan.xlsx"
    ok(
        db_url,
        "overdue",
        "--as-of",
        "30/06/2023",
        "--due-within",
        "7",
        "--output",
        str(workbook),
    )
    assert len(load_workbook(workbook).worksheets) == 2
    md = ok(db_url, "overdue", "--as-of", "30/06/2023", "--format", "md").stdout
    assert "| Cơ quan chủ trì | Mã |" in md


def test_sweep_marks_each_deadline_once(db_url: str) -> None:
    _small_ledger(db_url)
    assert (
        "Marked 2 tasks"
        in ok(db_url, "--lang", "en", "sweep", "--as-of", "30/06/2023").output
    )
    before = event_count(db_url)
    assert (
        "Marked 0 tasks"
        in ok(db_url, "--lang", "en", "sweep", "--as-of", "30/06/2023").output
    )
    assert event_count(db_url) == before
    ok(db_url, "extend", "A-2", "--to", "31/07/2023", "--on", "01/07/2023")
    assert (
        "Marked 1 tasks"
        in ok(db_url, "--lang", "en", "sweep", "--as-of", "05/08/2023").output
    )
    marks = [
        e for e in as_json(db_url, "history", "A-2") if e["type"] == "MarkedOverdue"
    ]
    assert [(m["due_on"], m["effective_on"]) for m in marks] == [
        ("2023-02-28", "2023-03-01"),
        ("2023-07-31", "2023-08-01"),
    ]
    future = run(db_url, "--lang", "en", "sweep", "--as-of", "01/01/2099")
    assert future.exit_code == 1 and "future" in future.stderr


def test_reports_do_not_depend_on_the_sweep(db_url: str) -> None:
    _small_ledger(db_url)
    before = as_json(db_url, "report", "--period", "2023-H1")
    ok(db_url, "sweep", "--as-of", "30/06/2023")
    after = as_json(db_url, "report", "--period", "2023-H1")
    assert after["ledger"]["position"] == before["ledger"]["position"] + 2
    assert {**after, "ledger": None} == {**before, "ledger": None}


def test_projection_status_and_rebuild(db_url: str) -> None:
    _small_ledger(db_url)
    status = as_json(db_url, "projections", "status")
    assert status == [{"name": "read_models", "position": 8, "head": 8, "behind": 0}]
    before = as_json(db_url, "report", "--period", "2023-H1", "--by", "agency")
    assert (
        "Rebuilt read models from 8 events"
        in ok(db_url, "--lang", "en", "projections", "rebuild").output
    )
    assert as_json(db_url, "report", "--period", "2023-H1", "--by", "agency") == before
