"""Build the default reminder-letter templates (``templates/letter.docx`` in
Vietnamese, ``templates/letter-en.docx`` in English) with python-docx.

The templates ship with the package as ``.docx`` files, since that is what
docxtpl reads and what an Office copies to make its own; this script is
their source, so that a change to the layout or the wording is reviewed as
code and the files are regenerated, never edited by hand:

    python -m cli.documents.make_letter_template

The layout is that of an official letter (công văn, Nghị định 30/2020/NĐ-CP):
the Office and the letter's number on the left, the national motto and the
place and date on the right, the subject under the number, the addressee,
the opening paragraph, the table of tasks, the closing, then "Nơi nhận" on
the left and the signature on the right. The Jinja fields are those of
``cli.documents.letters.FIELDS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cli.documents.word import FONT
from cli.documents.word import TABLE_FONT_SIZE as TABLE_SIZE

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

TEMPLATES = Path(__file__).parent / "templates"
TEXT_WIDTH_MM = 165  # A4 less margins of 30 and 15 mm

WORDING: dict[str, dict[str, str]] = {
    "vi": {
        "motto": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto_2": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số: {{ number }}",
        "subject": "V/v đôn đốc thực hiện nhiệm vụ",
        "dated": "{{ place }}, {{ as_of_long }}",
        "to": "Kính gửi: {{ agency }}.",
        "opening": (
            "Qua theo dõi tình hình thực hiện các nhiệm vụ được giao, tính đến "
            "ngày {{ as_of }}, {{ agency }} còn "
            "{% if overdue_count %}{{ overdue_count }} nhiệm vụ đã quá thời hạn "
            "nhưng chưa hoàn thành{% if due_soon_count %} và {% endif %}{% endif %}"
            "{% if due_soon_count %}{{ due_soon_count }} nhiệm vụ sắp đến "
            "hạn{% endif %}, cụ thể như sau:"
        ),
        "closing": (
            "{{ office }} đề nghị {{ agency }} khẩn trương chỉ đạo thực hiện các "
            "nhiệm vụ nêu trên; báo cáo kết quả thực hiện (đối với nhiệm vụ chưa "
            "hoàn thành, nêu rõ lý do, tiến độ và đề xuất giải pháp) về "
            "{{ office }} trước ngày {{ reply_by }} để tổng hợp, báo cáo theo "
            "quy định./."
        ),
        "recipients": "Nơi nhận:",
        "recipient_1": "- Như trên;",
        "recipient_2": "- Lưu: VT.",
        "signer": "CHÁNH VĂN PHÒNG",
        "signature": "(Ký, ghi rõ họ tên, đóng dấu)",
        "h_stt": "STT",
        "h_task": "Nội dung nhiệm vụ",
        "h_document": "Văn bản giao",
        "h_due": "Thời hạn",
        "h_days": "Số ngày quá hạn / còn lại",
        "h_reminders": "Số lần đã đôn đốc",
    },
    "en": {
        "motto": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto_2": "Independence - Freedom - Happiness",
        "number": "No.: {{ number }}",
        "subject": "Re: reminder to carry out assigned tasks",
        "dated": "{{ place }}, {{ as_of_long }}",
        "to": "To: {{ agency }}.",
        "opening": (
            "Following up the tasks assigned, {{ office }} notes that as of "
            "{{ as_of }} {{ agency }} has "
            "{% if overdue_count %}{{ overdue_count }} task(s) past their deadline "
            "and not completed{% if due_soon_count %} and {% endif %}{% endif %}"
            "{% if due_soon_count %}{{ due_soon_count }} task(s) falling due "
            "soon{% endif %}, as follows:"
        ),
        "closing": (
            "{{ office }} requests {{ agency }} to carry out the tasks above "
            "without delay and to report their results (for a task not completed, "
            "the reasons, the progress and the proposed solutions) to "
            "{{ office }} by {{ reply_by }}, to be consolidated and reported as "
            "required."
        ),
        "recipients": "Recipients:",
        "recipient_1": "- As above;",
        "recipient_2": "- Archived: Records.",
        "signer": "CHIEF OF OFFICE",
        "signature": "(Signature, full name and seal)",
        "h_stt": "No.",
        "h_task": "Task",
        "h_document": "Assigning document",
        "h_due": "Deadline",
        "h_days": "Days overdue / left",
        "h_reminders": "Times reminded",
    },
}
# The table's columns: header key, Jinja field of each task, share of width.
COLUMNS = (
    ("h_stt", "{{ t.stt }}", 1.0),
    ("h_task", "{{ t.title }} ({{ t.code }})", 4.2),
    ("h_document", "{{ t.document }}", 2.4),
    ("h_due", "{{ t.due_on }}", 2.0),
    ("h_days", "{{ t.days_note }}", 1.9),
    ("h_reminders", "{{ t.reminders }}", 1.7),
)


def build(lang: str) -> WordDocument:
    """The letter template in ``lang``, as a python-docx document."""
    from docx import Document
    from docx.shared import Mm, Pt

    words = WORDING[lang]
    document = Document()
    page = document.sections[0]
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin, page.right_margin = Mm(30), Mm(15)
    page.top_margin, page.bottom_margin = Mm(20), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    _heading(document, words)
    to = _paragraph(document.add_paragraph(), words["to"], align="center")
    to.paragraph_format.space_before = Pt(12)
    to.paragraph_format.space_after = Pt(6)
    _body(document.add_paragraph(), words["opening"])
    _tasks_table(document, words)
    _body(
        document.add_paragraph(), words["closing"]
    ).paragraph_format.space_before = Pt(6)
    _signature(document, words)
    return document


def _heading(document: WordDocument, words: dict[str, str]) -> None:
    """Office, number and subject on the left; motto and date on the right."""
    from docx.shared import Pt

    table = _frame(document, (0.4, 0.6))
    left, right = table.rows[0].cells
    _paragraph(left.paragraphs[0], "{{ office|upper }}", bold=True, size=13)
    _paragraph(left.add_paragraph(), "―――――", size=10)
    _paragraph(left.add_paragraph(), words["number"], size=13)
    _paragraph(left.add_paragraph(), words["subject"], size=12)
    _paragraph(right.paragraphs[0], words["motto"], bold=True, size=12)
    _paragraph(right.add_paragraph(), words["motto_2"], bold=True, size=13)
    _paragraph(right.add_paragraph(), "―――――――――", size=10)
    dated = _paragraph(right.add_paragraph(), words["dated"], italic=True, size=13)
    dated.paragraph_format.space_before = Pt(6)


def _tasks_table(document: WordDocument, words: dict[str, str]) -> None:
    """Header, then docxtpl's row loop: the rows holding ``{%tr %}`` are
    replaced by the loop, the one between them repeated per task."""
    from docx.shared import Pt

    table = document.add_table(rows=4, cols=len(COLUMNS))
    table.style = "Table Grid"
    widths = _widths([weight for _, _, weight in COLUMNS])
    table.autofit = False
    for index, (header, field, _) in enumerate(COLUMNS):
        cells = [row.cells[index] for row in table.rows]
        _paragraph(cells[0].paragraphs[0], words[header], bold=True, size=TABLE_SIZE)
        _paragraph(cells[2].paragraphs[0], field, size=TABLE_SIZE, align=_align(index))
        table.columns[index].width = widths[index]  # what LibreOffice reads
        for cell in cells:
            cell.width = widths[index]  # what Word reads
    _paragraph(table.rows[1].cells[0].paragraphs[0], "{%tr for t in tasks %}")
    _paragraph(table.rows[3].cells[0].paragraphs[0], "{%tr endfor %}")
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_before = Pt(2)
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)


def _align(index: int) -> str:
    return "left" if COLUMNS[index][0] in ("h_task", "h_document") else "center"


def _signature(document: WordDocument, words: dict[str, str]) -> None:
    from docx.shared import Pt

    table = _frame(document, (0.5, 0.5))
    left, right = table.rows[0].cells
    recipients = _paragraph(
        left.paragraphs[0], words["recipients"], bold=True, italic=True, size=12
    )
    recipients.paragraph_format.space_before = Pt(12)
    for key in ("recipient_1", "recipient_2"):
        _paragraph(left.add_paragraph(), words[key], size=11, align="left")
    signer = _paragraph(right.paragraphs[0], words["signer"], bold=True, size=13)
    signer.paragraph_format.space_before = Pt(12)
    _paragraph(right.add_paragraph(), words["signature"], italic=True, size=12)


def _frame(document: WordDocument, shares: Sequence[float]) -> Table:
    """A borderless one-row table: official letters lay their heading and
    signature out in two columns."""
    table = document.add_table(rows=1, cols=len(shares))
    table.autofit = False
    widths = _widths(shares)
    for column, cell, width in zip(
        table.columns, table.rows[0].cells, widths, strict=True
    ):
        column.width = cell.width = width
        _no_borders(cell)
    return table


def _no_borders(cell: _Cell) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    properties.append(borders)


def _widths(weights: Sequence[float]) -> list[int]:
    from docx.shared import Mm

    total = sum(weights)
    return [Mm(TEXT_WIDTH_MM * weight / total) for weight in weights]


def _paragraph(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: str = "center",
) -> Paragraph:
    """``text`` as one run, so that docxtpl sees each Jinja tag whole."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if size is not None:
        run.font.size = Pt(size)
    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    return paragraph


def _body(paragraph: Paragraph, text: str) -> Paragraph:
    """A body paragraph: justified, its first line indented, as letters are."""
    from docx.shared import Mm, Pt

    _paragraph(paragraph, text, align="justify")
    paragraph.paragraph_format.first_line_indent = Mm(10)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = 1.15
    return paragraph


TEMPLATE_FILES = {"vi": "letter.docx", "en": "letter-en.docx"}


def main() -> None:
    from datetime import datetime

    TEMPLATES.mkdir(exist_ok=True)
    for lang, name in TEMPLATE_FILES.items():
        document = build(lang)
        # Fixed properties: a regenerated template differs only where the
        # layout or the wording did.
        properties = document.core_properties
        properties.author = properties.last_modified_by = "tracker"
        properties.title = WORDING[lang]["subject"]
        properties.created = properties.modified = datetime(2026, 1, 1)
        properties.revision = 1
        document.save(str(TEMPLATES / name))
        print(f"Wrote {TEMPLATES / name}")


if __name__ == "__main__":
    main()
