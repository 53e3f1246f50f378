"""Writing reports to files a person opens: CSV for Excel, XLSX, text.

CSV files get a UTF-8 byte-order mark, because Excel on Vietnamese Windows
otherwise reads them as Windows-1258 and mangles every diacritic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

SUFFIX_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".md": "md"}


def resolve_format(fmt: str | None, output: str | None) -> str:
    """``--format`` if given, else what ``--output``'s suffix says, else table."""
    if fmt is None and output:
        fmt = SUFFIX_FORMATS.get(Path(output).suffix.lower())
        if fmt is None:
            raise click.UsageError(
                f"Cannot tell the format of {output!r}; add --format "
                "json, csv, md or xlsx."
            )
    fmt = fmt or "table"
    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx needs --output FILE.xlsx.")
    if fmt == "table" and output:
        raise click.UsageError("Use --format md, csv, json or xlsx with --output.")
    return fmt


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        values = (row.get(column) for column in columns)
        writer.writerow(["; ".join(v) if isinstance(v, list) else v for v in values])
    return buffer.getvalue()


def emit(text: str | bytes, output: str | None, *, fmt: str) -> None:
    """Print ``text``, or write it to ``output`` (CSV with a BOM for Excel);
    ``bytes`` are UTF-8 already."""
    if not output:
        click.echo(text, nl=not text.endswith("\n" if isinstance(text, str) else b"\n"))
        return
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    try:
        if isinstance(text, bytes):
            Path(output).write_bytes(text)
        else:
            Path(output).write_text(text, encoding=encoding)
    except OSError as exc:
        raise click.FileError(output, exc.strerror) from None
    click.echo(f"Wrote {output}.", err=True)


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
        sheet = workbook.create_sheet(name[:31])
        sheet.append([title])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([subtitle])
        sheet.append([])
        sheet.append(list(headers))
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            sheet.append(list(row))
        if footer:
            sheet.append([])
            sheet.append([footer])
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
    click.echo(f"Wrote {output}.", err=True)
