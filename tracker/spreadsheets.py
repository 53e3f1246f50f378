"""Reading the Office's task lists: CSV and XLSX, Vietnamese or English headers.

Headers are matched without regard to case or diacritics (``Ngày giao``,
``ngay giao`` and ``Assigned`` are the same column). Text must be UTF-8 (with
or without a byte-order mark); a file saved as Windows-1258/1252, or one whose
Vietnamese was already garbled by such a conversion, is refused with a clear
message rather than imported as nonsense.
"""

from __future__ import annotations

import csv
import io
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


def read_task_list(path: str) -> tuple[list[str], list[SheetRow]]:
    """The recognised columns and the data rows of a CSV or XLSX file."""
    suffix = Path(path).suffix.lower()
    try:
        table = list(
            _xlsx_rows(path) if suffix in (".xlsx", ".xlsm") else _csv_rows(path)
        )
    except OSError as exc:
        raise SpreadsheetError(f"Cannot read {path}: {exc.strerror}.") from None
    filled = [
        i for i, row in enumerate(table) if any(str(c or "").strip() for c in row)
    ]
    if not filled:
        raise SpreadsheetError(f"{path} is empty.")
    # Office lists often carry a title above the header: take the first of the
    # top rows that names every required column, else report on the first row.
    header_index = next(
        (
            i
            for i in filled[:HEADER_SEARCH_ROWS]
            if set(REQUIRED) <= {column_for(cell) for cell in table[i]}
        ),
        filled[0],
    )
    headers = table[header_index]
    columns = [column_for(h) for h in headers]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        accepted = "; ".join(f"{c}: {', '.join(HEADERS[c][:2])}" for c in missing)
        raise SpreadsheetError(
            f"{path} has no column for {', '.join(missing)} (accepted headers, e.g. "
            f"{accepted}; see 'tracker import --help')."
        )
    rows = []
    for offset, cells in enumerate(table[header_index + 1 :], start=header_index + 2):
        if not any(str(c if c is not None else "").strip() for c in cells):
            continue
        values = {
            column: cells[index] if index < len(cells) else None
            for index, column in enumerate(columns)
            if column is not None
        }
        rows.append(SheetRow(offset, values))
    return [c for c in columns if c], rows


def _csv_rows(path: str) -> Iterator[list[str]]:
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(
            f"{path} is not UTF-8 (byte {exc.start} cannot be read): it looks saved "
            "as Windows-1258 or Windows-1252. In Excel choose 'CSV UTF-8' and save "
            "it again; nothing was imported."
        ) from None
    if match := _MOJIBAKE.search(text):
        sample = text[max(match.start() - 8, 0) : match.end() + 8].strip()
        raise SpreadsheetError(
            f"{path} holds garbled Vietnamese (e.g. {sample!r}): it was converted "
            "through Windows-1252 before being saved as UTF-8. Export it again "
            "from the original; nothing was imported."
        )
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    yield from csv.reader(io.StringIO(text), delimiter=delimiter)


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
