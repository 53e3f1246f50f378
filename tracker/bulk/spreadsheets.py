"""Reading the Office's task lists: CSV and XLSX, Vietnamese or English headers.

Headers are matched without regard to case or diacritics (``Ngày giao``,
``ngay giao`` and ``Assigned`` are the same column). Text must be UTF-8 (with
or without a byte-order mark); a file saved as Windows-1258/1252, or one whose
Vietnamese was already garbled by such a conversion, is refused with a clear
message rather than imported as nonsense.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from domain.errors import TrackerError
from domain.text import fold

# Canonical column -> accepted headers (compared folded: no case, no accents).
HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("ma", "ma nhiem vu", "ma so", "so hieu", "code", "task code"),
    "title": ("noi dung nhiem vu", "noi dung", "ten nhiem vu", "nhiem vu", "title",
              "task"),
    "agency": ("co quan chu tri", "don vi chu tri", "co quan thuc hien", "agency",
               "lead agency", "lead_agency"),
    "assigner": ("co quan giao", "cap giao", "nguoi giao", "assigner", "assigned by"),
    "assigned": ("ngay giao", "ngay giao nhiem vu", "assigned", "assigned on",
                 "assigned_on"),
    "due": ("han xu ly", "thoi han", "han hoan thanh", "thoi han hoan thanh", "han",
            "due", "due on", "due_on", "deadline"),
    "doc": ("van ban giao", "van ban", "so van ban", "van ban chi dao", "doc",
            "document", "source document"),
    "completed": ("ngay hoan thanh", "completed", "completed on", "completed_on"),
    "cancelled": ("ngay rut", "ngay rut khoi chuong trinh", "ngay huy", "cancelled",
                  "cancelled on", "cancelled_on", "canceled"),
    "co_agencies": ("co quan phoi hop", "don vi phoi hop", "co-agencies",
                    "co agencies", "co_agencies"),
}  # fmt: skip
REQUIRED = ("code", "title", "agency", "assigner", "assigned")
HEADER_SEARCH_ROWS = 10

# Vietnamese that went through Windows-1252 once too often: "Sở" -> "Sá»Ÿ".
_MOJIBAKE = re.compile(
    r"[ÃÂÄÅÆá][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
    r"\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


class SpreadsheetError(TrackerError):
    """The file as a whole cannot be read as a task list."""


@dataclass(frozen=True)
class SheetRow:
    number: int  # as the spreadsheet numbers it (the header is row 1)
    values: dict[str, Any]


def column_for(header: Any) -> str | None:
    key = fold(str(header or "")).replace("*", "").strip(" :")
    for column, names in HEADERS.items():
        if key in names:
            return column
    return None


@dataclass
class TaskList:
    """A file's recognised columns and its data rows, read as they are used
    (a province's list is never held twice in memory)."""

    columns: list[str]
    rows: Iterator[SheetRow]
    size_hint: int | None  # data rows, for a progress bar, when cheap to tell


def read_task_list(path: str) -> TaskList:
    """The recognised columns and the data rows of a CSV or XLSX file."""
    is_xlsx = Path(path).suffix.lower() in (".xlsx", ".xlsm")
    try:
        table = _xlsx_rows(path) if is_xlsx else _csv_rows(path)
        top = list(itertools.islice(table, HEADER_SEARCH_ROWS))
    except OSError as exc:
        raise SpreadsheetError(f"Cannot read {path}: {exc.strerror}.") from None
    filled = [i for i, row in enumerate(top) if _has_values(row)]
    if not filled:
        raise SpreadsheetError(f"{path} is empty.")
    # Office lists often carry a title above the header: take the first of the
    # top rows that names every required column, else report on the first row.
    header_index = next(
        (i for i in filled if set(REQUIRED) <= {column_for(cell) for cell in top[i]}),
        filled[0],
    )
    columns = [column_for(h) for h in top[header_index]]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        accepted = "; ".join(f"{c}: {', '.join(HEADERS[c][:2])}" for c in missing)
        raise SpreadsheetError(
            f"{path} has no column for {', '.join(missing)} (accepted headers, e.g. "
            f"{accepted}; see 'tracker import --help')."
        )
    rest = itertools.chain(top[header_index + 1 :], table)
    size_hint = None if is_xlsx else Path(path).read_bytes().count(b"\n") - 1

    def rows() -> Iterator[SheetRow]:
        for number, cells in enumerate(rest, start=header_index + 2):
            if _has_values(cells):
                yield SheetRow(
                    number,
                    {
                        column: cells[index] if index < len(cells) else None
                        for index, column in enumerate(columns)
                        if column is not None
                    },
                )

    return TaskList([c for c in columns if c], rows(), size_hint)


def _has_values(cells: list[Any]) -> bool:
    return any(str(c if c is not None else "").strip() for c in cells)


def _check_text(path: str) -> str:
    """Refuse a file that is not clean UTF-8 Vietnamese, reading it in pieces;
    return its first line (to tell the delimiter)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    first_line, tail, offset = None, "", 0
    with open(path, "rb") as handle:
        while True:
            piece = handle.read(1 << 20)
            try:
                text = decoder.decode(piece, final=not piece)
            except UnicodeDecodeError as exc:
                raise SpreadsheetError(
                    f"{path} is not UTF-8 (byte {offset + exc.start} cannot be "
                    "read): it looks saved as Windows-1258 or Windows-1252. In "
                    "Excel choose 'CSV UTF-8' and save it again; nothing was "
                    "imported."
                ) from None
            window = tail + text
            if match := _MOJIBAKE.search(window):
                sample = window[max(match.start() - 8, 0) : match.end() + 8].strip()
                raise SpreadsheetError(
                    f"{path} holds garbled Vietnamese (e.g. {sample!r}): it was "
                    "converted through Windows-1252 before being saved as UTF-8. "
                    "Export it again from the original; nothing was imported."
                )
            if first_line is None and "\n" in window:
                first_line = window.split("\n", 1)[0]
            tail = window[-4:]
            offset += len(piece)
            if not piece:
                return first_line if first_line is not None else window


def _csv_rows(path: str) -> Iterator[list[str]]:
    first_line = _check_text(path)
    delimiter = max(",;\t", key=first_line.count)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        yield from csv.reader(handle, delimiter=delimiter)


def _xlsx_rows(path: str) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a bad file
        raise SpreadsheetError(
            f"{path} is not a readable XLSX workbook ({exc})."
        ) from None
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without '.0', dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value).strip()


def cell_date(value: Any, today: date) -> date | None:
    """A real spreadsheet date, or text as people type it (day first)."""
    from domain.dates import parse_date

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(cell_text(value), today)
