"""Files a person opens: no spreadsheet runs what a clerk typed, every
listing writes every format it offers, and an import never destroys its own
input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import click
import docx
import pytest
from click.testing import Result
from openpyxl import load_workbook

from cli.files import csv_cell
from cli.main import load_command
from tests.cli import helpers
from tests.cli.helpers import event_count


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


FORMULAS = ("=1+1", "+1+1", "-1+1", "@SUM(1)")


def _hostile_ledger(db_url: str) -> None:
    """One task per formula-looking title (its agency the same text), one
    with Markdown and rich markup in its title, one completed, one note."""
    lines = [
        f'assign NV-{n} --title "{text}" --agency "{text}" --assigner "UBND tỉnh" '
        f"--assigned 14/02/2023 --due 31/03/2023"
        for n, text in enumerate(FORMULAS, start=1)
    ]
    lines += [
        'assign NV-5 --title "Rà soát [x] | y" --agency "Sở Tư pháp" '
        '--assigner "=cmd" --assigned 14/02/2023 --due 20/07/2023',
        'assign NV-6 --title "Số hóa" --agency "Sở Nội vụ" --assigner "UBND tỉnh" '
        "--assigned 01/03/2023 --due 20/03/2023",
        "complete NV-6 --on 15/03/2023",
        'note NV-5 "=HYPERLINK(1)" --on 01/04/2023',
    ]
    ok(db_url, "batch", "-", input="\n".join(lines) + "\n")


# --- spreadsheet formula injection -------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_text_starting_like_a_formula_gets_an_apostrophe(start: str) -> None:
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", [-5, 3, 2.5, None, "", "a=b", "Sở Tư pháp"])
def test_csv_numbers_and_plain_text_stay_as_they_are(value: Any) -> None:
    assert csv_cell(value) == value


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_csv_listings_escape_formulas_on_screen_and_in_files(
    db_url: str, tmp_path: Path
) -> None:
    _hostile_ledger(db_url)
    listed = ok(db_url, "list", "--as-of", "30/06/2023", "--format", "csv").stdout
    output = tmp_path / "ds.csv"
    ok(db_url, "list", "--as-of", "30/06/2023", "--output", str(output))
    for text in (listed, output.read_text(encoding="utf-8-sig")):
        rows = {row["code"]: row for row in _csv_rows(text)}
        for n, formula in enumerate(FORMULAS, start=1):
            assert rows[f"NV-{n}"]["title"] == f"'{formula}"
            assert rows[f"NV-{n}"]["agency"] == f"'{formula}"
        assert rows["NV-5"]["assigner"] == "'=cmd"
        assert rows["NV-5"]["title"] == "Rà soát [x] | y"
    overdue = ok(db_url, "overdue", "--as-of", "30/06/2023", "--format", "csv")
    rows = {row["code"]: row for row in _csv_rows(overdue.stdout)}
    assert rows["NV-1"]["title"] == "'=1+1" and rows["NV-1"]["days_overdue"] == "91"
    assert ",91," in overdue.stdout  # a number stays a bare number
    report = ok(db_url, "report", "--period", "2023-H1", "--by", "agency",
                "--format", "csv").stdout  # fmt: skip
    names = {row["name"] for row in _csv_rows(report)}
    assert {f"'{formula}" for formula in FORMULAS} <= names


def test_a_formula_typed_as_the_actor_is_escaped_in_the_history_csv(
    sqlite_url: str,
) -> None:
    ok(sqlite_url, "--actor", "=cmd|' /C calc'!A0", "assign", "NV-1", "--title",
       "Rà soát", "--agency", "Sở Tư pháp", "--assigner", "UBND tỉnh",
       "--assigned", "14/02/2023")  # fmt: skip
    result = run(sqlite_url, "history", "NV-1", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert _csv_rows(result.stdout)[0]["actor"] == "'=cmd|' /C calc'!A0"


def _text_cells(path: Path) -> list[Any]:
    """Every non-empty cell of every sheet, as openpyxl reads it back."""
    workbook = load_workbook(path)
    return [
        cell
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.value not in (None, "")
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--as-of", "30/06/2023"],
        ["overdue", "--as-of", "30/06/2023", "--due-within", "30"],
        ["report", "--period", "2023-H1", "--by", "agency"],
    ],
    ids=["list", "overdue", "report"],
)
def test_xlsx_text_cells_are_text_never_formulas(
    db_url: str, tmp_path: Path, args: list[str]
) -> None:
    _hostile_ledger(db_url)
    workbook = tmp_path / "bao-cao.xlsx"
    ok(db_url, *args, "--output", str(workbook))
    cells = _text_cells(workbook)
    assert {"=1+1", "+1+1", "-1+1", "@SUM(1)"} <= {c.value for c in cells}
    for cell in cells:
        if isinstance(cell.value, datetime):  # the form's period, as dates
            assert cell.data_type == "d" and cell.is_date, cell
            continue
        assert cell.data_type == ("n" if isinstance(cell.value, int) else "s"), cell


def test_xlsx_figures_stay_numbers(db_url: str, tmp_path: Path) -> None:
    _hostile_ledger(db_url)
    workbook = tmp_path / "tuan.xlsx"
    ok(db_url, "overdue", "--as-of", "30/06/2023", "--output", str(workbook))
    assert 91 in {c.value for c in _text_cells(workbook) if c.data_type == "n"}


@pytest.mark.parametrize(
    "args",
    [["list", "--as-of", "30/06/2023"], ["overdue", "--as-of", "30/06/2023"]],
    ids=" ".join,
)
def test_xlsx_dates_are_dates_shown_day_first(
    db_url: str, tmp_path: Path, args: list[str]
) -> None:
    _hostile_ledger(db_url)
    workbook = tmp_path / "ds.xlsx"
    ok(db_url, *args, "--output", str(workbook))
    days = [c for c in _text_cells(workbook) if isinstance(c.value, datetime)]
    assert days and all(c.is_date and c.number_format == "dd/mm/yyyy" for c in days)
    texts = {c.value for c in _text_cells(workbook) if isinstance(c.value, str)}
    assert not any(re.fullmatch(r"\d{2}/\d{2}/\d{4}", text) for text in texts)


def test_an_error_code_typed_as_a_title_is_text_in_xlsx(
    sqlite_url: str, tmp_path: Path
) -> None:
    """openpyxl would otherwise store "#N/A" as an error cell."""
    ok(sqlite_url, "assign", "NV-1", "--title", "#N/A", "--agency", "Sở Tư pháp",
       "--assigner", "UBND tỉnh", "--assigned", "14/02/2023")  # fmt: skip
    workbook = tmp_path / "ds.xlsx"
    ok(sqlite_url, "list", "--output", str(workbook))
    (title,) = [c for c in _text_cells(workbook) if c.value == "#N/A"]
    assert title.data_type == "s"


# --- every listing, every format ---------------------------------------------


def test_list_output_to_an_xlsx_file_writes_a_workbook(
    db_url: str, tmp_path: Path
) -> None:
    """The listing's title holds a date (30/06/2023), which Excel refuses in a
    sheet name: the sheet is named apart from the title."""
    _hostile_ledger(db_url)
    workbook = tmp_path / "ds.xlsx"
    args = ("list", "--as-of", "30/06/2023", "--output", str(workbook))
    result = helpers.ok(db_url, *args)
    assert f"Đã ghi {workbook}." in result.stderr
    sheet = load_workbook(workbook).active
    assert sheet.title == "Nhiệm vụ"
    assert sheet["A1"].value == "6 nhiệm vụ, tính đến ngày 30/06/2023"
    assert [c.value for c in sheet[5]][:2] == ["NV-1", "=1+1"]


# Each command's runs: together they reach every part of its output (groups,
# the falling-due section, one task's history and everything since a moment).
WALK = {
    "list": [["list", "--as-of", "30/06/2023"]],
    "report": [
        ["report", "--period", "2023-H1"],
        ["report", "--period", "2023-H1", "--by", "agency"],
        ["report", "--period", "2023-H1", "--by", "assigner"],
    ],
    "overdue": [
        ["overdue", "--as-of", "30/06/2023"],
        ["overdue", "--as-of", "30/06/2023", "--due-within", "30"],
    ],
    "history": [["history", "NV-5"], ["history", "--since", "01/01/2020"]],
    "show": [["show", "NV-5", "--as-of", "30/06/2023"]],
}
LISTING_MODULES = ("cli.query_commands", "cli.report_command", "cli.overdue_command")
_MD_RULE = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$", re.MULTILINE)


def _command(name: str) -> click.Command:
    command = load_command(name)
    assert command is not None, name
    return command


def _formats(command: click.Command) -> list[str]:
    (option,) = [p for p in command.params if p.name == "fmt"]
    assert isinstance(option.type, click.Choice)
    return [str(choice) for choice in option.type.choices]


def _offers_output(command: click.Command) -> bool:
    return any(p.name == "output" for p in command.params)


def _check_parses(fmt: str, text: str | None, path: Path | None = None) -> None:
    """The output reads back as its format says (a new format needs a check
    here, or this fails)."""
    if fmt == "xlsx":
        assert path is not None
        workbook = load_workbook(path)
        assert any(sheet.max_row > 1 for sheet in workbook)
        return
    if fmt == "docx":
        assert path is not None
        tables = docx.Document(str(path)).tables
        assert tables and len(tables[0].rows) >= 2
        return
    assert text, f"{fmt}: nothing written"
    if fmt == "json":
        json.loads(text)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert len(rows) >= 2 and {len(row) for row in rows} == {len(rows[0])}
    elif fmt == "md":
        assert _MD_RULE.search(text), text
    elif fmt == "table":
        assert "Traceback" not in text
    else:
        pytest.fail(f"no check for the format {fmt!r}: add one to _check_parses")


def test_the_walk_covers_every_listing_command() -> None:
    import importlib

    offered = {
        command.name
        for module in LISTING_MODULES
        for command in importlib.import_module(module).COMMANDS
        if any(p.name == "fmt" for p in command.params)
    }
    assert offered == set(WALK)


def test_every_listing_writes_every_format_it_offers(
    db_url: str, tmp_path: Path
) -> None:
    _hostile_ledger(db_url)
    walked = 0
    for name, runs in WALK.items():
        command = _command(name)
        for args in runs:
            for fmt in _formats(command):
                where = f"{' '.join(args)} --format {fmt}"
                if fmt not in ("xlsx", "docx"):  # files only
                    result = run(db_url, *args, "--format", fmt)
                    assert result.exit_code == 0, f"{where}: {result.output}"
                    _check_parses(fmt, result.stdout)
                    walked += 1
                if _offers_output(command) and fmt != "table":
                    path = tmp_path / f"{name}-{walked}.{fmt}"
                    result = run(db_url, *args, "--format", fmt, "--output", str(path))
                    assert result.exit_code == 0, f"{where} --output: {result.output}"
                    binary = fmt in ("xlsx", "docx")
                    text = None if binary else path.read_text("utf-8-sig")
                    _check_parses(fmt, text, path)
                    walked += 1
    assert walked >= 64  # today: 9 runs of 5 commands, 64 outputs in all


# --- the rejects file ---------------------------------------------------------

HEADER = "code,title,agency,assigner,assigned,due\n"
GOOD = "NV-01,Rà soát,Sở Tư pháp,UBND tỉnh,14/02/2023,31/03/2023\n"
BAD = "NV-02,=1+1,Sở Y tế,UBND tỉnh,31/02/2023,\n"


def _task_file(tmp_path: Path) -> Path:
    path = tmp_path / "nhiem-vu.csv"
    path.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    return path


def _refused(db_url: str, path: Path, *args: str) -> str:
    before = path.read_bytes()
    result = run(db_url, "import", str(path), "--skip-invalid", *args)
    assert result.exit_code == 2, result.output
    assert event_count(db_url) == 0
    assert path.read_bytes() == before
    (line,) = result.stderr.strip().splitlines()
    return line


def test_rejects_cannot_be_the_file_being_imported(db_url: str, tmp_path: Path) -> None:
    path = _task_file(tmp_path)
    line = _refused(db_url, path, "--rejects", str(path))
    assert line == (
        f"Error: The rejects file {path} is the file being read; choose another file."
    )


def test_rejects_cannot_be_the_input_by_another_name(
    sqlite_url: str, tmp_path: Path
) -> None:
    path = _task_file(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "symlink.csv").symlink_to(path)
    os.link(path, tmp_path / "hardlink.csv")
    for other in (
        tmp_path / "sub" / ".." / "nhiem-vu.csv",
        tmp_path / "symlink.csv",
        tmp_path / "hardlink.csv",
    ):
        assert "is the file being read" in _refused(
            sqlite_url, path, "--rejects", str(other)
        )


def test_importing_through_a_symlink_cannot_reject_into_its_target(
    sqlite_url: str, tmp_path: Path
) -> None:
    path = _task_file(tmp_path)
    link = tmp_path / "lien-ket.csv"
    link.symlink_to(path)
    line = _refused(sqlite_url, link, "--rejects", str(path))
    assert "is the file being read" in line


def test_rejects_must_be_writable_before_the_import_starts(
    sqlite_url: str, tmp_path: Path
) -> None:
    path = _task_file(tmp_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # writing would block: not a regular file
    cases = {
        tmp_path / "missing" / "loi.csv": "does not exist",
        path / "loi.csv": "does not exist",  # its "folder" is a file
        fifo: "it is not a regular file",
    }
    for target, problem in cases.items():
        line = _refused(sqlite_url, path, "--rejects", str(target))
        assert line.startswith(f"Error: Cannot write the rejects file {target}: ")
        assert problem in line


def test_the_default_rejects_path_is_checked_too(
    sqlite_url: str, tmp_path: Path
) -> None:
    path = _task_file(tmp_path)
    (tmp_path / "nhiem-vu.rejected.csv").mkdir()
    line = _refused(sqlite_url, path)
    assert "nhiem-vu.rejected.csv: it is not a regular file" in line


def test_an_import_without_skip_invalid_does_not_check_the_default_rejects(
    sqlite_url: str, tmp_path: Path
) -> None:
    """Nothing is written there unless rows may be skipped."""
    path = tmp_path / "nhiem-vu.csv"
    path.write_text(HEADER + GOOD, encoding="utf-8")
    (tmp_path / "nhiem-vu.rejected.csv").mkdir()
    ok(sqlite_url, "import", str(path))
    assert event_count(sqlite_url) > 0


def test_rejects_are_written_beside_the_input_and_escaped(
    db_url: str, tmp_path: Path
) -> None:
    path = _task_file(tmp_path)
    result = ok(db_url, "import", str(path), "--skip-invalid")
    target = tmp_path / "nhiem-vu.rejected.csv"
    assert f"Rejected rows written to {target}." in result.stdout
    (rejected,) = _csv_rows(target.read_text(encoding="utf-8-sig"))
    assert (rejected["code"], rejected["title"]) == ("NV-02", "'=1+1")
    assert path.read_text(encoding="utf-8") == HEADER + GOOD + BAD


def test_a_rejects_file_that_fails_after_the_import_is_a_warning_not_a_refusal(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import is recorded by then: exiting non-zero would claim it was not."""
    import cli.import_command

    def disk_full(path: str, rejected: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.import_command, "_write_rejects", disk_full)
    result = ok(sqlite_url, "import", str(_task_file(tmp_path)), "--skip-invalid")
    assert "Imported 1 tasks" in result.stdout
    assert "Warning: cannot write the rejects file" in result.stderr
    assert "No space left on device" in result.stderr
    assert "NV-02" in result.stderr
    assert event_count(sqlite_url) > 0


# --- bounded numbers ----------------------------------------------------------


def test_due_within_is_bounded_so_it_is_a_usage_error(sqlite_url: str) -> None:
    ok(sqlite_url, "db", "init")
    result = run(sqlite_url, "overdue", "--due-within", "99999999999")
    assert result.exit_code == 2
    assert "not in the range 0<=x<=3660" in result.stderr
    assert "OverflowError" not in result.output
    assert run(sqlite_url, "overdue", "--due-within", "3660").exit_code == 0


def test_the_longest_due_within_from_the_last_accepted_date_answers(
    sqlite_url: str,
) -> None:
    ok(sqlite_url, "db", "init")
    result = run(
        sqlite_url, "overdue", "--as-of", "31/12/2199", "--due-within", "3660",
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["due_soon"] == []
