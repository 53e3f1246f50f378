"""``tracker import``: the Office's spreadsheets into the ledger."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import Result
from openpyxl import Workbook

from tests.cli import helpers
from tests.cli.helpers import as_json, event_count


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


VI_HEADER = [
    "Mã",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan giao",
    "Ngày giao",
    "Hạn xử lý",
    "Văn bản giao",
    "Ngày hoàn thành",
]
EN_HEADER = [
    "code",
    "title",
    "agency",
    "assigner",
    "assigned",
    "due",
    "doc",
    "completed",
]
ROWS = [
    ["NV-01", "Rà soát thủ tục hành chính", "Sở Tư pháp", "UBND tỉnh",
     "14/02/2023", "31/03/2023", "495/UBND-TTHC ngày 14/02/2023", "28/03/2023"],
    ["NV-02", "Số hóa hồ sơ hộ tịch", "Sở Nội vụ", "Chủ tịch UBND tỉnh",
     "14/2/23", "", "495/UBND-TTHC ngày 14/02/2023", ""],
    ["NV-03", "Triển khai Đề án 06", "Công an tỉnh", "Thủ tướng Chính phủ",
     "2023-03-01", "30.04.2023", "", "05/05/2023"],
]  # fmt: skip


def write_csv(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def imported(db_url: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {r["code"]: r for r in as_json(db_url, "list", "--as-of", "30/06/2023")}


@pytest.mark.parametrize(
    "header",
    [
        VI_HEADER,
        EN_HEADER,
        [
            fold
            for fold in [
                "ma",
                "NOI DUNG NHIEM VU",
                "co quan chu tri",
                "Co quan giao",
                "ngay giao",
                "han xu ly",
                "van ban giao",
                "ngay hoan thanh",
            ]
        ],
    ],
)
def test_csv_with_vietnamese_or_english_headers(
    db_url: str, tmp_path: Path, header: list[str]
) -> None:
    path = write_csv(tmp_path / "nhiem-vu.csv", header, ROWS)
    result = ok(db_url, "import", str(path))
    assert "Imported 3 tasks" in result.output
    tasks = imported(db_url)
    assert tasks["NV-01"]["status"] == "on_time"
    assert tasks["NV-02"]["due_on"] is None and tasks["NV-02"]["status"] == (
        "in_progress"
    )
    assert tasks["NV-03"]["status"] == "late"
    assert tasks["NV-01"]["title"] == "Rà soát thủ tục hành chính"
    history = as_json(db_url, "history", "NV-01")
    assert [e["actor"] for e in history] == ["chuyên viên A"] * 2


def test_csv_with_bom_and_semicolons(db_url: str, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "excel.csv", VI_HEADER, ROWS, encoding="utf-8-sig", delimiter=";"
    )
    assert "Imported 3 tasks" in ok(db_url, "import", str(path)).output


def test_xlsx_with_real_spreadsheet_dates(db_url: str, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Danh mục nhiệm vụ được giao năm 2023"])  # a title row, then
    sheet.append([])
    sheet.append(VI_HEADER)
    sheet.append(
        [
            "NV-01",
            "Rà soát",
            "Sở Tư pháp",
            "UBND tỉnh",
            datetime(2023, 2, 14),
            datetime(2023, 3, 31),
            "495/UBND-TTHC",
            datetime(2023, 4, 2),
        ]
    )
    sheet.append([42, "Mã là số", "Sở Y tế", "UBND tỉnh", "1/3/2023", None, None, None])
    path = tmp_path / "nhiem-vu.xlsx"
    workbook.save(path)
    assert "Imported 2 tasks" in ok(db_url, "import", str(path)).output
    tasks = imported(db_url)
    assert tasks["NV-01"]["status"] == "late" and tasks["NV-01"]["due_on"] == (
        "2023-03-31"
    )
    assert "42" in tasks  # a code typed as a number is kept as text


def test_bad_rows_are_reported_with_row_numbers_and_nothing_imported(
    db_url: str, tmp_path: Path
) -> None:
    rows = [
        *ROWS,
        ["NV-04", "Ngày sai", "Sở Y tế", "UBND tỉnh", "31/02/2023", "", "", ""],
        [
            "NV-05",
            "Hạn trước ngày giao",
            "Sở Y tế",
            "UBND tỉnh",
            "10/02/2023",
            "01/02/2023",
            "",
            "",
        ],
        ["NV-01", "Trùng mã", "Sở Y tế", "UBND tỉnh", "10/02/2023", "", "", ""],
        ["NV-06", "", "Sở Y tế", "UBND tỉnh", "10/02/2023", "", "", ""],
    ]
    path = write_csv(tmp_path / "loi.csv", VI_HEADER, rows)
    result = run(db_url, "import", str(path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("row 5 (NV-04): assigned: '31/02/2023' is not a date")
    assert lines[1].startswith("row 6 (NV-05)") and "before the assignment" in lines[1]
    assert lines[2].startswith("row 7 (NV-01)") and "already used on row 2" in lines[2]
    assert lines[3].startswith("row 8 (NV-06)") and "title" in lines[3]
    assert "4 of 7 rows cannot be imported; nothing was recorded" in lines[-1]
    assert event_count(db_url) == 0


def test_skip_invalid_imports_the_good_rows_and_writes_the_rejects(
    db_url: str, tmp_path: Path
) -> None:
    rows = [
        *ROWS,
        ["NV-04", "Ngày sai", "Sở Y tế", "UBND tỉnh", "31/02/2023", "", "", ""],
    ]
    path = write_csv(tmp_path / "loi.csv", VI_HEADER, rows)
    rejects = tmp_path / "bi-loai.csv"
    result = ok(
        db_url, "import", str(path), "--skip-invalid", "--rejects", str(rejects)
    )
    assert "Imported 3 tasks" in result.output and "1 rejected" in result.output
    with open(rejects, encoding="utf-8-sig") as handle:
        rejected = list(csv.DictReader(handle))
    assert rejected[0]["row"] == "5" and rejected[0]["code"] == "NV-04"
    assert "31/02/2023" in rejected[0]["reason"]
    assert set(imported(db_url)) == {"NV-01", "NV-02", "NV-03"}


def test_reimporting_the_same_file_records_nothing(db_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "nhiem-vu.csv", VI_HEADER, ROWS)
    ok(db_url, "import", str(path))
    before = event_count(db_url)
    result = ok(db_url, "import", str(path))
    assert "Imported 0 tasks; 3 already in the ledger unchanged" in result.output
    assert event_count(db_url) == before


def test_a_row_that_differs_from_the_ledger_is_reported_not_overwritten(
    db_url: str, tmp_path: Path
) -> None:
    ok(db_url, "import", str(write_csv(tmp_path / "a.csv", VI_HEADER, ROWS)))
    changed = [row[:] for row in ROWS]
    changed[1][5] = "30/06/2023"  # a deadline that the ledger does not have
    result = run(
        db_url, "import", str(write_csv(tmp_path / "b.csv", VI_HEADER, changed))
    )
    assert result.exit_code == 1
    assert (
        "row 3 (NV-02): already in the ledger with other facts: due is "
        "30/06/2023 in the file but (empty) in the ledger" in result.stderr
    )
    assert as_json(db_url, "show", "NV-02")["due_on"] is None


def test_a_changed_row_is_reported_whole_in_vietnamese_and_its_rejects_file_too(
    db_url: str, tmp_path: Path
) -> None:
    ok(db_url, "import", str(write_csv(tmp_path / "a.csv", VI_HEADER, ROWS)))
    changed = [row[:] for row in ROWS[:2]]
    # A title holding "; " (the separator of differences) and a deadline.
    changed[1][1], changed[1][5] = "Số hóa; hộ tịch", "30/06/2023"
    path = write_csv(tmp_path / "b.csv", VI_HEADER, changed)
    result = helpers.run(db_url, "import", str(path))
    assert (
        result.exit_code == 1
        and (
            "dòng 3 (NV-02): đã có trong nhật ký với thông tin khác: nội dung nhiệm "
            "vụ trong tệp là Số hóa; hộ tịch nhưng trong nhật ký là Số hóa hồ sơ hộ "
            "tịch; thời hạn hoàn thành trong tệp là 30/06/2023 nhưng trong nhật ký "
            "là (trống)"
        )
        in result.stderr
    )
    rejects = tmp_path / "b-loai.csv"
    args = ["import", str(path), "--skip-invalid", "--rejects", str(rejects)]
    helpers.ok(db_url, *args)
    with open(rejects, encoding="utf-8-sig") as handle:
        vi = list(csv.DictReader(handle))
    assert vi[0]["Dòng"] == "3" and vi[0]["Mã"] == "NV-02"
    assert vi[0]["Lý do"].startswith("đã có trong nhật ký với thông tin khác: ")
    assert " in the " not in vi[0]["Lý do"]
    ok(db_url, *args)
    with open(rejects, encoding="utf-8-sig") as handle:
        en = list(csv.DictReader(handle))
    assert en[0]["row"] == "3" and en[0]["code"] == "NV-02"
    assert en[0]["reason"] == (
        "already in the ledger with other facts: title is Số hóa; hộ tịch in the "
        "file but Số hóa hồ sơ hộ tịch in the ledger; due is 30/06/2023 in the "
        "file but (empty) in the ledger"
    )


def test_windows_1258_file_is_refused(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "cp1258.csv"
    text = ",".join(VI_HEADER) + "\n" + ",".join(ROWS[0]) + "\n"
    path.write_bytes(text.encode("cp1258", errors="replace"))
    result = run(db_url, "import", str(path))
    assert result.exit_code == 1 and "is not UTF-8" in result.stderr
    assert "Windows-1258" in result.stderr and event_count(db_url) == 0


def test_text_garbled_through_cp1252_is_refused(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "garbled.csv"
    text = ",".join(VI_HEADER) + "\n" + ",".join(ROWS[0]) + "\n"
    garbled = text.encode("utf-8").decode("cp1252", errors="replace")
    path.write_text(garbled, encoding="utf-8")
    result = run(db_url, "import", str(path))
    assert result.exit_code == 1 and "garbled Vietnamese" in result.stderr
    assert event_count(db_url) == 0


def test_missing_columns_are_named(db_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "thieu.csv", ["Mã", "Nội dung nhiệm vụ"], [["1", "x"]])
    result = run(db_url, "import", str(path))
    assert result.exit_code == 1
    assert "no column for agency, assigner, assigned" in result.stderr
