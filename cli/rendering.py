"""Every listing and report, in every format, by one renderer per format.

A command describes what it shows as a ``Document``: its JSON (the stable
contract, printed as it is), its CSV rows (the contract's flat form), and the
sections a person reads (a title, tables of labelled columns, a footer),
which the table, Markdown, XLSX and Word renderers lay out each in their own
way. ``render`` picks the renderer; no command switches on the format itself
(the way sqlite-utils' ``output_rows`` serves all its commands). A document
with a layout of its own for a file format (the reporting form's printable
sheet) says so in ``files``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import click

from cli.files import csv_text, emit, write_workbook
from cli.labels import label
from cli.output import cell, console, display, json_text, rich_table
from cli.wide_table import LONG_TABLE, plain_table

Row = Mapping[str, Any]


@dataclass
class Section:
    """One table: ``columns`` are keys of each row, shown under ``headers``
    (``None``: no header row). ``group_by`` shows that column once per run
    of equal values, runs set apart; ``numeric`` columns align right."""

    columns: Sequence[str]
    rows: Sequence[Row]
    headers: Sequence[str] | None
    heading: str = ""
    group_by: str | None = None
    numeric: Collection[str] = ()
    sheet: str = ""
    empty: str = ""  # what to say instead of an empty table


@dataclass
class Document:
    """What one command shows: see the module docstring."""

    data: Any
    csv_columns: Sequence[str]
    csv_rows: Sequence[Row]
    title: str = ""
    subtitle: str = ""
    sections: Sequence[Section] = field(default_factory=list)
    footer: str = ""
    # A writer of its own per file format (``xlsx``, ``docx``), given the path.
    files: dict[str, Callable[[str], None]] = field(default_factory=dict)


def listing(
    rows: Sequence[Row], columns: Sequence[str], lang: str, title: str, sheet: str = ""
) -> Document:
    """A plain listing: its rows are the JSON, the CSV and the one table."""
    headers = [label(lang, column) for column in columns]
    section = Section(columns, rows, headers, sheet=sheet or title)
    section.empty = label(lang, "no_rows")
    return Document(list(rows), columns, rows, title=title, sections=[section])


def render(document: Document, fmt: str, lang: str, output: str | None = None) -> None:
    """Print ``document``, or write it to ``output``, as ``fmt``."""
    RENDERERS[fmt](document, lang, output)


def _json(document: Document, lang: str, output: str | None) -> None:
    emit(json_text(document.data), output, fmt="json")


def _csv(document: Document, lang: str, output: str | None) -> None:
    emit(csv_text(document.csv_rows, document.csv_columns), output, fmt="csv")


def _markdown(document: Document, lang: str, output: str | None) -> None:
    parts = [f"**{document.title}**"] if document.title else []
    if document.subtitle:
        parts.append(document.subtitle)
    for section in document.sections:
        if section.heading:
            parts.append(f"**{section.heading}**")
        parts.append(_markdown_table(section, lang))
    if document.footer:
        parts.append(f"_{document.footer}_")
    emit("\n\n".join(parts) + ("\n" if document.footer else ""), output, fmt="md")


def _markdown_table(section: Section, lang: str) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    header = (
        line(section.headers)
        if section.headers is not None
        else "|" + "|".join(" " for _ in section.columns) + "|"
    )
    lines = [
        header,
        "|"
        + "|".join(
            "---:" if column in section.numeric else "---" for column in section.columns
        )
        + "|",
    ]
    for row in section.rows:
        cells = (display(c, row.get(c), lang) for c in section.columns)
        lines.append(line([_md_cell(text) for text in cells]))
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _xlsx(document: Document, lang: str, output: str | None) -> None:
    assert output is not None  # ``files.resolve_format`` asks for it
    if "xlsx" in document.files:
        document.files["xlsx"](output)
        return
    sheets = [
        (
            section.sheet or section.heading or document.title or "tracker",
            list(section.headers or [""] * len(section.columns)),
            [
                [_spreadsheet_value(c, row.get(c), lang) for c in section.columns]
                for row in section.rows
            ],
        )
        for section in document.sections
    ]
    write_workbook(output, document.title, document.subtitle, sheets, document.footer)


def _spreadsheet_value(column: str, value: Any, lang: str) -> Any:
    """Numbers as numbers, dates as dates (a spreadsheet sorts and filters
    them as such); everything else as a person reads it."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and (column.endswith("_on") or column in ("on", "date")):
        with suppress(ValueError):
            return date.fromisoformat(value)
    return display(column, value, lang)


def _docx(document: Document, lang: str, output: str | None) -> None:
    """A Word appendix: the sections as tables under the Office's name."""
    assert output is not None  # ``files.resolve_format`` asks for it
    if "docx" in document.files:
        document.files["docx"](output)
        return
    from cli.documents.word import write_word
    from tracker.settings import setting

    write_word(
        output,
        setting("office"),
        document.title,
        document.subtitle,
        document.sections,
        document.footer,
        lang,
    )


def _table(document: Document, lang: str, output: str | None) -> None:
    out = console()
    sections = list(document.sections)
    if sections and sections[0].headers is None:  # a form: its title on top
        first = sections.pop(0)
        title = "\n".join(filter(None, (document.title, document.subtitle)))
        out.print(_rich_section(first, lang, title))
    elif document.title and (document.subtitle or len(sections) > 1):
        out.print(f"[bold]{document.title}[/]\n{document.subtitle}".rstrip())
    for section in sections:
        if section.heading:
            out.print(f"\n[bold]{section.heading}[/]")
        if not section.rows:
            if section.empty:
                click.echo(section.empty)
            continue
        single = len(document.sections) == 1 and not document.subtitle
        title = document.title if single else None
        if len(section.rows) > LONG_TABLE:
            click.echo("\n".join(_plain_section(section, lang, title)))
        else:
            out.print(_rich_section(section, lang, title))
    if document.footer:
        click.echo(document.footer)


def _rich_section(section: Section, lang: str, title: str | None) -> Any:
    """A rich table of ``section``: agency (``group_by``) shown once per group,
    groups separated by a rule."""
    table = rich_table([], section.columns, lang, title)
    table.show_header = section.headers is not None
    for column, header, key in zip(
        table.columns, section.headers or section.columns, section.columns, strict=True
    ):
        column.header = header
        if key in section.numeric:
            column.justify = "right"
    previous = None
    for row in section.rows:
        group = row.get(section.group_by) if section.group_by else None
        if previous is not None and group != previous:
            table.add_section()
        cells = [cell(c, row.get(c), lang) for c in section.columns]
        if section.group_by and group == previous:
            cells[section.columns.index(section.group_by)] = ""
        previous = group
        table.add_row(*cells)
    return table


def _plain_section(section: Section, lang: str, title: str | None) -> Iterator[str]:
    """``_rich_section``'s table as plain lines (``cli.wide_table``)."""
    rows: list[list[str]] = []
    breaks: set[int] = set()
    previous = None
    grouped = section.columns.index(section.group_by) if section.group_by else None
    for row in section.rows:
        group = row.get(section.group_by) if section.group_by else None
        if previous is not None and group != previous:
            breaks.add(len(rows))
        cells = [display(c, row.get(c), lang) for c in section.columns]
        if grouped is not None and group == previous:
            cells[grouped] = ""
        previous = group
        rows.append(cells)
    numeric = {i for i, c in enumerate(section.columns) if c in section.numeric}
    headers = list(section.headers) if section.headers is not None else None
    return plain_table(headers, rows, numeric, breaks, title)


RENDERERS: dict[str, Callable[[Document, str, str | None], None]] = {
    "json": _json,
    "csv": _csv,
    "md": _markdown,
    "xlsx": _xlsx,
    "docx": _docx,
    "table": _table,
}
