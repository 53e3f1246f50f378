"""The period report counts a reported completion as completed, and says how
many of the completed the Office has not confirmed yet ("trong đó: chờ xác
nhận"), in every format: a clerk chases those before the report goes out."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from cli.documents.report_form import share_of
from tests.cli.helpers import as_json, ok

FIGURES = ("on_time", "late", "awaiting_confirmation")
H1 = ("report", "--period", "2023-H1")


def _ledger(db_url: str) -> None:
    """Central: A-1 on time and confirmed, A-2 late and not confirmed.
    Provincial: A-3 confirmed, sent back, completed again (late), so awaiting
    again; A-4 in progress; A-5 on time, confirmed only on 15/06/2023."""
    tasks = [
        ("A-1", "Sở Tư pháp", "Thủ tướng Chính phủ", "31/01/2023"),
        ("A-2", "Sở Tư pháp", "Chính phủ", "28/02/2023"),
        ("A-3", "Sở Nội vụ", "UBND tỉnh", "31/03/2023"),
        ("A-4", "Sở Nội vụ", "UBND tỉnh", "30/06/2023"),
        ("A-5", "Sở Nội vụ", "Chủ tịch UBND tỉnh", "28/02/2023"),
    ]
    lines = [
        f'assign {code} --title "Nhiệm vụ {code}" --agency "{agency}" '
        f'--assigner "{assigner}" --assigned 10/01/2023 --due {due}'
        for code, agency, assigner, due in tasks
    ]
    lines += [
        "complete A-1 --on 20/01/2023",
        "complete A-2 --on 10/03/2023",
        "complete A-3 --on 15/03/2023",
        "complete A-5 --on 01/02/2023",
    ]
    ok(db_url, "batch", "-", input="\n".join(lines) + "\n")
    ok(db_url, "confirm", "A-1", "--on", "25/01/2023", "--doc", "120/VP-TH")
    ok(db_url, "confirm", "A-3", "--on", "20/03/2023")
    ok(db_url, "reopen", "A-3", "--on", "01/04/2023", "--reason", "Chưa đạt")
    ok(db_url, "complete", "A-3", "--on", "10/04/2023")
    ok(db_url, "confirm", "A-5", "--on", "15/06/2023")


def _figures(part: dict[str, object]) -> tuple[object, ...]:
    return tuple(part[key] for key in FIGURES)


def test_json_counts_the_unconfirmed_completions_in_totals_groups_and_sections(
    db_url: str,
) -> None:
    _ledger(db_url)
    data = as_json(db_url, *H1, "--by", "agency")
    assert _figures(data) == (2, 2, 2)
    assert {g["name"]: _figures(g) for g in data["groups"]} == {
        "Sở Tư pháp": (1, 1, 1),
        "Sở Nội vụ": (1, 1, 1),
    }
    sections = {part["source"]: part for part in data["sections"]}
    assert _figures(sections["central"]) == (1, 1, 1)
    assert _figures(sections["provincial"]) == (1, 1, 1)
    assert [_figures(g) for g in sections["provincial"]["groups"]] == [(1, 1, 1)]
    assert "awaiting_confirmation" not in data["rates"]  # not a part of assigned


def test_as_of_before_a_confirmation_counts_the_completion_as_awaiting(
    db_url: str,
) -> None:
    _ledger(db_url)
    may = as_json(db_url, *H1, "--as-of", "31/05/2023")
    provincial = {p["source"]: p for p in may["sections"]}["provincial"]
    assert _figures(provincial) == (1, 1, 2)  # A-5 not confirmed yet
    assert may["awaiting_confirmation"] == 3


def test_a_completion_sent_back_later_was_confirmed_as_of_a_day_before(
    db_url: str,
) -> None:
    _ledger(db_url)
    # A-3 on 25/03/2023: completed on 15/03 (on time), confirmed on 20/03; it
    # is sent back only on 01/04, so only A-5 awaits confirmation then.
    march = as_json(db_url, *H1, "--as-of", "25/03/2023", "--source", "provincial")
    assert _figures(march) == (2, 0, 1)


def _table_row(text: str, label: str) -> list[list[str]]:
    """The cells of each table line holding ``label``, stripped."""
    return [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in text.splitlines()
        if label in line
    ]


def test_the_table_prints_the_row_under_the_completed_with_its_share(
    db_url: str,
) -> None:
    _ledger(db_url)
    vi = ok(db_url, *H1).stdout
    assert _table_row(vi, "trong đó (5.2, 5.3): chờ xác nhận") == [
        ["", "trong đó (5.2, 5.3): chờ xác nhận", "Nhiệm vụ", "1", note]
        for note in ["Chiếm 50,00% số nhiệm vụ đã hoàn thành"] * 2
    ]
    lines = vi.splitlines()
    late = next(i for i, line in enumerate(lines) if "5.3" in line)
    assert "trong đó (5.2, 5.3): chờ xác nhận" in lines[late + 1]
    en = ok(db_url, "--lang", "en", *H1, "--source", "provincial").stdout
    assert _table_row(en, "of which (5.2, 5.3) awaiting confirmation") == [
        [
            "",
            "of which (5.2, 5.3) awaiting confirmation",
            "tasks",
            "1",
            "50.00% of completed",
        ]
    ]


def test_nothing_completed_gives_the_row_no_share(db_url: str) -> None:
    _ledger(db_url)
    january = ok(db_url, *H1, "--as-of", "15/01/2023", "--source", "central")
    (row,) = _table_row(january.stdout, "trong đó (5.2, 5.3): chờ xác nhận")
    assert row[3:] == ["0", ""]


def test_csv_has_the_column_in_both_languages(db_url: str) -> None:
    _ledger(db_url)
    for lang, source, awaiting, names in (
        ("en", "source", "awaiting_confirmation", ["all", "central", "provincial"]),
        ("vi", "Nhóm nguồn giao", "Trong đó (5.2, 5.3): chờ xác nhận",
         ["Tất cả", "Trung ương giao", "Tỉnh giao"]),
    ):  # fmt: skip
        text = ok(db_url, "--lang", lang, *H1, "--format", "csv").stdout
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [(r[source], r[awaiting]) for r in rows] == list(
            zip(names, ["2", "1", "1"], strict=True)
        )


def test_the_workbook_has_the_row_and_the_column_by_agency(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    path = tmp_path / "bao-cao.xlsx"
    ok(db_url, *H1, "--as-of", "31/05/2023", "--by", "agency", "--output", str(path))
    provincial = list(load_workbook(path)["Tỉnh giao"].iter_rows(values_only=True))
    labels = [row[1] for row in provincial]
    row = provincial[labels.index("  trong đó (5.2, 5.3): chờ xác nhận")]
    assert row[:5] == (
        None,
        "  trong đó (5.2, 5.3): chờ xác nhận",
        "Nhiệm vụ",
        2,
        "Chiếm 100,00% số nhiệm vụ đã hoàn thành",
    )
    assert labels[labels.index("  trong đó (5.2, 5.3): chờ xác nhận") - 1] == (
        "Số nhiệm vụ đã hoàn thành nhưng quá hạn"
    )
    header = provincial[labels.index("Cơ quan chủ trì")]
    assert header[4:6] == ("Hoàn thành quá hạn", "Trong đó (5.2, 5.3): chờ xác nhận")
    assert provincial[labels.index("Sở Nội vụ")][2:6] == (3, 1, 1, 2)


def test_the_word_appendix_has_the_row_and_the_column_by_agency(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    path = tmp_path / "phu-luc.docx"
    ok(db_url, "--lang", "en", *H1, "--by", "agency", "--output", str(path))
    document = Document(str(path))
    form, agencies = (
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in document.tables[:2]
    )
    assert form[4] == [
        "",
        "of which (5.2, 5.3) awaiting confirmation",
        "tasks",
        "1",
        "50.00% of completed",
    ]
    assert form[3][0] == "5.3" and form[5][0] == "5.4"
    assert agencies[0][4:6] == ["Late", "Of which (5.2, 5.3) awaiting confirmation"]
    assert agencies[1][1:6] == ["Sở Tư pháp", "2", "1", "1", "1"]
    # Ten columns on a portrait page: a point smaller than the form's table.
    sizes = {
        run.font.size.pt
        for row in document.tables[1].rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    }
    assert sizes == {10.0}


def test_the_share_of_the_completed_is_rounded_half_up_to_two_decimals() -> None:
    for whole in range(1, 130):
        for part in range(whole + 1):
            exact = Decimal(part * 100) / Decimal(whole)
            rounded = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert share_of(part, whole) == float(rounded), (part, whole)
