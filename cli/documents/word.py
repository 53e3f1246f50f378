"""Reports as a Word appendix (python-docx): the Office's name, the title and
period, then each section's table, on A4 in the font administrative
documents use.

Any ``Document`` can be written this way (``cli.rendering``): the reporting
form's tables and the weekly overdue list alike. Rows grouped by agency get
the agency as a row of its own above them, as appendices print it, and every
table whose rows carry no number of their own gets an STT column.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import click

from cli.files import wrote
from cli.output import display
from cli.rendering import Row, Section

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.shared import Length
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
FONT_SIZE = 13
TABLE_FONT_SIZE = 11
# A table of more columns than this (the form's rows by agency) is set a
# point smaller, so that its headers break between words, not inside them.
WIDE_TABLE = 9
WIDE_TABLE_FONT_SIZE = 10
ROW_NUMBER = {"vi": "STT", "en": "No."}
APPENDIX = {"vi": "PHỤ LỤC", "en": "APPENDIX"}


def write_word(
    output: str,
    office: str,
    title: str,
    subtitle: str,
    sections: Sequence[Section],
    footer: str,
    lang: str,
) -> None:
    """Write ``sections`` as a Word appendix headed by ``office``."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.PORTRAIT
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin, page.right_margin = Mm(25), Mm(15)  # TEXT_WIDTH_MM
    page.top_margin, page.bottom_margin = Mm(20), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(FONT_SIZE)

    _line(document, office.upper(), bold=True)
    _line(
        document, APPENDIX.get(lang, APPENDIX["en"]), bold=True, align="center"
    ).paragraph_format.space_before = Pt(12)
    _line(document, title, bold=True, align="center")
    if subtitle:
        _line(document, subtitle, italic=True, align="center")
    for section in sections:
        if section.heading and section.heading != title:
            _line(
                document, section.heading, bold=True
            ).paragraph_format.space_before = Pt(12)
        if not section.rows and section.empty:
            _line(document, section.empty)
            continue
        _table(document, section, lang)
    if footer:
        paragraph = _line(document, footer, italic=True)
        paragraph.runs[0].font.size = Pt(9)
        paragraph.paragraph_format.space_before = Pt(12)
    try:
        document.save(output)
    except OSError as exc:
        raise click.FileError(output, exc.strerror) from None
    wrote(output)


def _line(
    document: WordDocument,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "left",
) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph()
    run = paragraph.add_run(_text(text))
    run.bold, run.italic = bold, italic
    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    return paragraph


def _table(document: WordDocument, section: Section, lang: str) -> None:
    """One section as a bordered table; the ``group_by`` column becomes a
    row above each run of equal values."""
    from docx.shared import Pt

    numbered = "item" not in section.columns
    columns = [c for c in section.columns if c != section.group_by]
    headers = dict(
        zip(section.columns, section.headers or section.columns, strict=True)
    )
    shown = ([ROW_NUMBER.get(lang, "No.")] if numbered else []) + [
        headers[c] for c in columns
    ]
    table = document.add_table(rows=1, cols=len(shown))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, shown, strict=True):
        _fill(cell, header, bold=True, center=True)
    previous: object = None
    for number, row in enumerate(section.rows, start=1):
        if section.group_by:
            group = row.get(section.group_by)
            if group != previous:
                cells = table.add_row().cells
                merged = cells[0].merge(cells[-1])
                _fill(merged, display(section.group_by, group, lang), bold=True)
            previous = group
        cells = table.add_row().cells
        values = ([str(number)] if numbered else []) + [
            _value(c, row, lang) for c in columns
        ]
        for cell, column, value in zip(
            cells, (["#"] if numbered else []) + columns, values, strict=True
        ):
            _fill(cell, value, right=column in section.numeric)
    keys = (["#"] if numbered else []) + columns
    widths = _widths(keys, section.numeric)
    size = WIDE_TABLE_FONT_SIZE if len(keys) > WIDE_TABLE else TABLE_FONT_SIZE
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        cells = row.cells
        if len({id(cell._tc) for cell in cells}) == len(cells):  # not merged
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
        for cell in cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)


# Shares of the page's width by column, so that the text columns get the
# room and the numbers only theirs (Word and LibreOffice split it evenly).
WEIGHTS = {"#": 1.2, "item": 1.0, "label": 5.0, "title": 5.0, "note": 3.2,
           "name": 2.6, "agency": 3.6, "assigner": 2.4, "code": 2.4,
           "unit": 1.8}  # fmt: skip
TEXT_WIDTH_MM = 170  # A4 less the margins


def _widths(keys: Sequence[str], numeric: Collection[str]) -> list[Length]:
    from docx.shared import Mm

    weights = [
        WEIGHTS.get(key, 1.4 if key in numeric else 2.2 if key.endswith("_on") else 2.0)
        for key in keys
    ]
    total = sum(weights)
    return [Mm(TEXT_WIDTH_MM * weight / total) for weight in weights]


def _value(column: str, row: Row, lang: str) -> str:
    return display(column, row.get(column), lang).strip()


def _fill(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    center: bool = False,
    right: bool = False,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(_text(text))
    run.bold = bold
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _text(text: str) -> str:
    """Text XML can hold: a control character stored behind the tool's back
    is shown as U+FFFD rather than refused by the writer."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
