"""The reporting form as a printable workbook: one A4 sheet per source
section, its title rows naming the Office, the period and the cut-off, then
the form's table (STT / Chỉ tiêu / Đơn vị tính / Số liệu / Ghi chú), and the
section's rows by agency or assigner below it when asked.

Figures are numbers and dates are dates (shown ``dd/mm/yyyy``), so the
Office can add them up or re-sort them; text is text, whatever it begins
with (``files._append_as_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from cli.documents.report_form import FormHeading, form_label
from cli.files import SHEET_DATE_FORMAT, _append_as_text, sheet_title, wrote
from cli.output import display
from cli.rendering import Section

if TYPE_CHECKING:
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = SHEET_DATE_FORMAT
# STT, Chỉ tiêu, Đơn vị tính, Số liệu, Ghi chú: an A4 page's width; the rows
# by agency or assigner use the columns after them too (then landscape).
FORM_WIDTHS = (6, 46, 11, 10, 30, 10, 10, 10, 10, 10)


def write_form_workbook(
    output: str,
    heading: FormHeading,
    sheets: Sequence[tuple[str, Sequence[Section]]],
    footer: str,
    lang: str,
) -> None:
    """One sheet per ``(name, sections)``: the form's first section under
    the title rows, the others below it."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, sections in sheets:
        sheet = workbook.create_sheet(sheet_title(name))
        _title_rows(sheet, heading, sections[0].heading, lang)
        for number, section in enumerate(sections):
            if number:
                sheet.append([])
                _append_as_text(sheet, [section.heading])
                sheet.cell(row=sheet.max_row, column=1).font = _font(bold=True)
            _table(sheet, section, lang, print_titles=number == 0)
        if footer:
            sheet.append([])
            _append_as_text(sheet, [footer])
            sheet.cell(row=sheet.max_row, column=1).font = _font(italic=True, size=9)
        for index, width in enumerate(FORM_WIDTHS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        _printable(sheet, landscape=len(sections) > 1)
    try:
        workbook.save(output)
    except OSError as exc:
        raise click.FileError(output, exc.strerror) from None
    wrote(output)


def _title_rows(sheet: Worksheet, heading: FormHeading, title: str, lang: str) -> None:
    """Office, title, then a row each for the period's first and last day,
    the day the figures are taken on and the cut-off convention."""
    from openpyxl.styles import Alignment

    _append_as_text(sheet, [heading.office.upper()])
    sheet["A1"].font = _font(bold=True)
    _append_as_text(sheet, [title])
    sheet.merge_cells("A2:E2")
    sheet["A2"].font = _font(bold=True, size=13)
    sheet["A2"].alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.row_dimensions[2].height = 34
    for key, value in (
        ("from", heading.start),
        ("to", heading.end),
        ("figures_on", heading.as_of),
        ("cutoff", form_label(lang, heading.cutoff)),
    ):
        _append_as_text(sheet, ["", form_label(lang, key), value])
        cell = sheet.cell(row=sheet.max_row, column=3)
        cell.font = _font()
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(horizontal="left")
        sheet.cell(row=sheet.max_row, column=2).font = _font()
    sheet.append([])


def _table(
    sheet: Worksheet, section: Section, lang: str, *, print_titles: bool
) -> None:
    """``section`` with borders; a table whose rows carry no item number of
    their own (rows by agency) is numbered in an STT column, so that names
    fall in the wide second column."""
    from openpyxl.styles import Alignment, Border, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    numbered = "item" not in section.columns
    number = [form_label(lang, "item")] if numbered else []
    _append_as_text(sheet, [*number, *(section.headers or section.columns)])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = _font(bold=True)
        cell.alignment = Alignment(
            horizontal="center", vertical="center", wrap_text=True
        )
        cell.border = border
    _fit_height(sheet, header_row)
    if print_titles:
        sheet.print_title_rows = f"{header_row}:{header_row}"
    for index, row in enumerate(section.rows, start=1):
        values = [_value(c, row.get(c), lang) for c in section.columns]
        _append_as_text(sheet, [index, *values] if numbered else values)
        for cell in sheet[sheet.max_row]:
            cell.border = border
            cell.font = _font()
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
        _fit_height(sheet, sheet.max_row)


def _fit_height(sheet: Worksheet, row: int) -> None:
    """A row tall enough for its wrapped text: spreadsheets size rows when
    they are edited, not when a file is opened."""
    lines = 1
    for cell in sheet[row]:
        if isinstance(cell.value, str) and cell.column <= len(FORM_WIDTHS):
            width = FORM_WIDTHS[cell.column - 1]
            lines = max(lines, -(-int(len(cell.value) * 1.1) // width))
    if lines > 1:
        sheet.row_dimensions[row].height = 15.5 * lines


def _value(column: str, value: Any, lang: str) -> Any:
    """Numbers and dates as themselves; everything else as a person reads it."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and column.endswith("_on"):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return display(column, value, lang).rstrip() if value is not None else ""


def _printable(sheet: Worksheet, *, landscape: bool) -> None:
    """A4, fitted to the page's width: portrait for the form alone,
    landscape when its rows by agency or assigner are wider."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6


def _font(*, bold: bool = False, italic: bool = False, size: int = 12) -> Font:
    from openpyxl.styles import Font

    return Font(name="Times New Roman", bold=bold, italic=italic, size=size)
