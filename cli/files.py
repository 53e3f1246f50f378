"""Writing reports to files a person opens: CSV for Excel, XLSX, text.

CSV files get a UTF-8 byte-order mark, because Excel on Vietnamese Windows
otherwise reads them as Windows-1258 and mangles every diacritic.

Titles, agencies and notes are typed by clerks or imported from other
people's spreadsheets, so a file opened in a spreadsheet must never run them:
XLSX cells holding text are typed as text, and CSV text that a spreadsheet
would read as a formula is escaped (``csv_cell``).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click

from domain.errors import TrackerError

SUFFIX_FORMATS = {
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".csv": "csv",
    ".json": "json",
    ".md": "md",
}
# Formats that are files, never printed: they need ``--output``.
FILE_FORMATS = ("xlsx", "docx")
SHEET_DATE_FORMAT = "dd/mm/yyyy"
# What makes Excel, LibreOffice or Google Sheets read a CSV field as a formula
# (OWASP, "CSV Injection"): a leading apostrophe makes it text again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters Excel refuses in a sheet's name (openpyxl raises on them).
_SHEET_NAME_REFUSED = re.compile(r"[\\/*?:\[\]]")


class OutputFileError(TrackerError):
    """A file the command would write cannot or must not be written; it is
    checked before anything is recorded, so the user just picks another."""

    exit_code = 2


def resolve_format(fmt: str | None, output: str | None) -> str:
    """``--format`` if given, else what ``--output``'s suffix says, else table."""
    if fmt is None and output:
        fmt = SUFFIX_FORMATS.get(Path(output).suffix.lower())
        if fmt is None:
            raise click.UsageError(
                f"Cannot tell the format of {output!r}; add --format "
                "json, csv, md or xlsx, or name a .docx file."
            )
    fmt = fmt or "table"
    if fmt in FILE_FORMATS and not output:
        raise click.UsageError(f"--format {fmt} needs --output FILE.{fmt}.")
    if fmt == "table" and output:
        raise click.UsageError("Use --format md, csv, json or xlsx with --output.")
    return fmt


def csv_cell(value: Any) -> Any:
    """A CSV field no spreadsheet evaluates: text starting like a formula gets
    a leading apostrophe; numbers and other text are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(
    handle: TextIO,
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    lineterminator: str = "\n",
) -> None:
    """Every CSV this tool writes goes through here, so every field is
    escaped by ``csv_cell``."""
    writer = csv.writer(handle, lineterminator=lineterminator)
    writer.writerow([csv_cell(value) for value in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])


def _joined(value: Any) -> Any:
    return "; ".join(value) if isinstance(value, list) else value


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    write_csv(buffer, columns, ([_joined(row.get(c)) for c in columns] for row in rows))
    return buffer.getvalue()


def emit(text: str | bytes, output: str | None, *, fmt: str) -> None:
    """Print ``text``, or write it to ``output`` (CSV with a BOM for Excel);
    ``bytes`` are UTF-8 already."""
    if not output:
        # The newline written apart: ``echo`` would copy a megabyte list to
        # append it.
        click.echo(text, nl=False)
        if not text.endswith("\n" if isinstance(text, str) else b"\n"):
            click.echo(text[:0], nl=True)
        return
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    try:
        if isinstance(text, bytes):
            Path(output).write_bytes(text)
        else:
            Path(output).write_text(text, encoding=encoding)
    except OSError as exc:
        raise click.FileError(output, exc.strerror) from None
    wrote(output)


def wrote(output: str) -> None:
    """Say on stderr that ``output`` was written (stdout may be the data)."""
    from cli.main import say

    say(f"Wrote {output}.", err=True)


def check_writable(
    path: str, *, what: str, not_the_file: str | None = None, ledger: str | None = None
) -> None:
    """Refuse, before anything is recorded, a file that could not be written
    afterwards, or that is ``not_the_file`` (the command's input) or the
    SQLite ``ledger`` itself under another name (a symlink or a hard link
    included): a command must not destroy its own input, nor the ledger."""
    target = Path(path)
    resolved = target.resolve()
    if not_the_file is not None and _same(target, Path(not_the_file)):
        raise OutputFileError(
            f"The {what} {path} is the file being read; choose another file."
        )
    if ledger is not None and any(
        _same(target, Path(ledger + suffix)) for suffix in ("", "-wal", "-shm")
    ):
        raise OutputFileError(
            f"The {what} {path} is the ledger's own database file; choose another file."
        )
    if resolved.exists():
        if not resolved.is_file():
            problem = "it is not a regular file"
        elif not os.access(resolved, os.W_OK):
            problem = "it is not writable"
        else:
            return
    elif not resolved.parent.is_dir():
        problem = f"the folder {resolved.parent} does not exist"
    elif not os.access(resolved.parent, os.W_OK | os.X_OK):
        problem = f"the folder {resolved.parent} is not writable"
    else:
        return
    raise OutputFileError(f"Cannot write the {what} {path}: {problem}.")


def _same(one: Path, other: Path) -> bool:
    """The same file, whichever name each goes by."""
    if one.resolve() == other.resolve():
        return True
    return one.exists() and other.exists() and os.path.samefile(one, other)


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of ``\\/*?:[]``,
    no apostrophe at either end (listing titles carry dates like 30/06/2023)."""
    title = _SHEET_NAME_REFUSED.sub("-", name)[:31].strip("'")
    return title or "tracker"


def _append_as_text(sheet: Any, values: Sequence[Any]) -> None:
    """Append a row whose text cells are text whatever they begin with:
    openpyxl makes "=..." a formula and "#N/A" an error unless told, and
    refuses the control characters that XML cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

    cells = []
    for value in values:
        if isinstance(value, str):
            text = Cell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
            text.data_type = "s"
            cells.append(text)
        elif isinstance(value, date):
            day = Cell(sheet, value=value)
            day.number_format = SHEET_DATE_FORMAT  # as the Office writes dates
            cells.append(day)
        else:
            cells.append(value)
    sheet.append(cells)


def write_workbook(
    output: str,
    title: str,
    subtitle: str,
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]],
    footer: str = "",
) -> None:
    """One sheet per table: a title, a subtitle, bold headers, fitted widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, headers, rows in sheets:
        sheet = workbook.create_sheet(sheet_title(name))
        _append_as_text(sheet, [title])
        sheet["A1"].font = Font(bold=True, size=13)
        _append_as_text(sheet, [subtitle])
        sheet.append([])
        _append_as_text(sheet, list(headers))
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            _append_as_text(sheet, list(row))
        if footer:
            sheet.append([])
            _append_as_text(sheet, [footer])
        for index, header in enumerate(headers, start=1):
            longest = max(
                [len(str(header))] + [len(str(r[index - 1] or "")) for r in rows]
            )
            letter = sheet.cell(row=4, column=index).column_letter
            sheet.column_dimensions[letter].width = min(max(longest + 2, 8), 60)
        sheet.freeze_panes = "A5"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.print_title_rows = "4:4"
    try:
        workbook.save(output)
    except OSError as exc:
        raise click.FileError(output, exc.strerror) from None
    wrote(output)
