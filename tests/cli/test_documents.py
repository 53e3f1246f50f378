"""The documents the Office sends: the form as a printable workbook and the
reports as a Word appendix, checked as a reader of the file would."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.cli.helpers import ok, run

OFFICE = "Văn phòng UBND tỉnh Quảng Ngãi"


@pytest.fixture(autouse=True)
def _office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "settings.json"))
    ok(f"sqlite:///{tmp_path / 'none.db'}", "config", "set", "office", OFFICE)


def _ledger(db_url: str) -> None:
    lines = [
        'assign A-1 --title "Rà soát hộ tịch" --agency "Sở Tư pháp" '
        '--assigner "Thủ tướng Chính phủ" --assigned 10/01/2023 --due 31/01/2023',
        'assign A-2 --title "Số hóa hồ sơ" --agency "STP" '
        '--assigner "Chính phủ" --assigned 12/01/2023 --due 28/02/2023',
        'assign A-3 --title "Công bố danh mục" --agency "Sở Nội vụ" '
        '--assigner "UBND tỉnh" --assigned 20/03/2023 --due 10/04/2023',
        "complete A-1 --on 30/01/2023",
    ]
    ok(db_url, "batch", "-", input="\n".join(lines) + "\n")


def _rows(sheet) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [row[:5] for row in sheet.iter_rows(values_only=True)]


def test_the_report_workbook_is_the_printable_form(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    path = tmp_path / "bao-cao.xlsx"
    ok(
        db_url,
        "report",
        "--period",
        "2023-H1",
        "--cutoff",
        "decree09",
        "--output",
        str(path),
    )
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Trung ương giao", "Tỉnh giao"]
    central = workbook["Trung ương giao"]
    rows = _rows(central)
    assert rows[0][0] == OFFICE.upper()
    assert (
        rows[1][0] == "Tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao"
    )
    assert rows[2:6] == [
        (None, "Kỳ báo cáo: từ ngày", datetime(2022, 12, 15), None, None),
        (None, "Đến ngày", datetime(2023, 6, 14), None, None),
        (None, "Số liệu tính đến ngày", datetime(2023, 6, 14), None, None),
        (None, "Cách chốt số liệu", rows[5][2], None, None),
    ]
    assert "Nghị định 09/2019/NĐ-CP" in rows[5][2]
    for cell in ("C3", "C4", "C5"):
        assert central[cell].is_date and central[cell].number_format == "dd/mm/yyyy"
    header = rows.index(("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"))
    items = rows[header + 1 : header + 6]
    assert [(r[0], r[3]) for r in items] == [
        ("5.1", 2),
        ("5.2", 1),
        ("5.3", 0),
        (None, 1),  # of which awaiting confirmation: A-1's completion
        ("5.4", 1),
    ]
    assert all(isinstance(r[3], int) for r in items)
    assert items[1][4] == "Chiếm 50,00%; đạt 100,00% số nhiệm vụ đã hoàn thành"
    assert int(central.page_setup.paperSize) == int(central.PAPERSIZE_A4)  # A4
    assert central.page_setup.orientation == "portrait"
    assert central.print_title_rows == f"${header + 1}:${header + 1}"
    provincial = _rows(workbook["Tỉnh giao"])
    assert ("5.1", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", 1, None) in provincial


def test_one_section_makes_one_sheet_with_its_groups_below(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    path = tmp_path / "tw.xlsx"
    ok(
        db_url, "--lang", "en", "report", "--period", "2023-H1", "--source",
        "central", "--by", "agency", "--output", str(path),
    )  # fmt: skip
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Central"]
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][0] == "Tasks assigned by the Government and the Prime Minister"
    groups = [r for r in rows if r[1] == "Sở Tư pháp"]
    assert groups == [(1, "Sở Tư pháp", 2, 1, 0, 1, 1, 0, 0, 0)]  # STP folded in
    assert rows[rows.index(groups[0]) - 1][:2] == ("No.", "Lead agency")


def test_the_report_as_a_word_appendix(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    path = tmp_path / "phu-luc.docx"
    ok(db_url, "report", "--period", "2023-H1", "--by", "agency", "--output", str(path))
    document = Document(str(path))
    page = document.sections[0]
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == OFFICE.upper()
    assert "Tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao" in texts
    assert "Tình hình thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao" in texts
    assert len(document.tables) == 4  # per section: the form, then by agency
    form = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert form[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]
    assert form[1] == ["5.1", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", "2", ""]
    assert form[5][:4] == [
        "5.4",
        "Số nhiệm vụ quá hạn nhưng chưa hoàn thành",
        "Nhiệm vụ",
        "1",
    ]
    agencies = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert agencies[1][:3] == ["1", "Sở Tư pháp", "2"]


def test_the_overdue_list_as_a_word_appendix(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    path = tmp_path / "qua-han.docx"
    ok(db_url, "overdue", "--as-of", "30/06/2023", "--output", str(path))
    document = Document(str(path))
    assert document.paragraphs[0].text == OFFICE.upper()
    assert any("30/06/2023" in p.text for p in document.paragraphs)
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][0] == "STT" and rows[0][-4:] == [
        "Số ngày quá hạn",
        "Số ngày làm việc quá hạn",
        "Số lần đôn đốc",
        "Đôn đốc gần nhất",
    ]
    # each agency a row of its own (merged across), then its tasks
    assert set(rows[1]) == {"Sở Nội vụ"}
    assert rows[2][:2] == ["1", "A-3"]
    # 10/04 to 30/06/2023: 81 days. Working days in 11/04-30/06: the twelve
    # weeks from Monday 10/04 to Friday 30/06 have 60 weekdays, less 10/04,
    # less Monday 01/05 (Labour Day) and 02/05-03/05 (off for 29/04 and
    # 30/04, which fell on the weekend): 56.
    assert rows[2][-5:-2] == ["10/04/2023", "81", "56"]
    assert rows[2][-2:] == ["0", ""]
    assert set(rows[3]) == {"Sở Tư pháp"}  # A-2 was typed "STP"
    assert rows[4][:2] == ["2", "A-2"] and rows[4][-4] == "122"


def test_a_listing_too_can_go_to_word_and_word_needs_a_file(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    path = tmp_path / "danh-sach.docx"
    ok(db_url, "list", "--output", str(path))
    rows = [[c.text for c in r.cells] for r in Document(str(path)).tables[0].rows]
    assert [r[1] for r in rows[1:]] == ["A-1", "A-2", "A-3"]
    assert run(db_url, "report", "--period", "2023", "--format", "docx").exit_code == 2


def test_dates_in_the_period_rows_are_the_period(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    path = tmp_path / "q1.xlsx"
    ok(db_url, "report", "--period", "2023-Q1", "--output", str(path))
    sheet = load_workbook(path).active
    assert (sheet["C3"].value.date(), sheet["C4"].value.date()) == (
        date(2023, 1, 1),
        date(2023, 3, 31),
    )
