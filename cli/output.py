"""Values as a person reads them, and the pieces every renderer shares.

Rows arrive as JSON-ready dicts (ISO dates, English keys): JSON and CSV print
them as they are (the stable contract); the table, Markdown and XLSX forms
(``cli.rendering``) show labels in the chosen language and dates as
``dd/mm/yyyy``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import click

from cli.labels import label
from domain.limits import printable

STATUS_STYLES = {
    "on_time": "green",
    "late": "yellow",
    "overdue": "bold red",
    "in_progress": "cyan",
    "cancelled": "dim",
}


def display(key: str, value: Any, lang: str) -> str:
    """A value as a person reads it (a character that would act on a
    terminal, stored behind the tool's back, shown by its code point)."""
    if value is None:
        return ""
    if key == "status":
        return label(lang, str(value))
    if isinstance(value, list):
        return "; ".join(display(key, item, lang) for item in value)
    if isinstance(value, str) and (key.endswith("_on") or key in ("on", "date")):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return printable(value)
    return printable(str(value))


def csv_form(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    lang: str,
    headers: Mapping[str, str] | None = None,
    words: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """A listing's CSV headers and rows: in Vietnamese, the labels as headers
    (``headers``, else ``label``) and words for the codes (of ``status``, and
    of the columns ``words`` names), what a clerk opens in Excel; in English,
    the contract's keys and codes. Dates stay ISO either way, which every
    spreadsheet reads as dates."""
    if lang != "vi":
        return list(columns), list(rows)
    named = [(headers or {}).get(column) or label(lang, column) for column in columns]
    words = words or {}

    def shown(column: str, value: Any) -> Any:
        if value is None:
            return None
        if column == "status":
            return label(lang, str(value))
        return words.get(column, {}).get(str(value), value)

    flat = [
        {
            header: shown(column, row.get(column))
            for header, column in zip(named, columns, strict=True)
        }
        for row in rows
    ]
    return named, flat


def json_text(data: Any) -> str | bytes:
    """JSON as the contract defines it, indented only for a person at a
    terminal (``projections.json_text``)."""
    from projections.json_text import json_document

    return json_document(data, indent=sys.stdout.isatty())


def cell(key: str, value: Any, lang: str) -> str:
    """A value as rich markup: the status in its colour, any other text with
    its brackets escaped (titles may contain "[...]")."""
    text = display(key, value, lang)
    if key == "status":
        style = STATUS_STYLES.get(str(value), "")
        return f"[{style}]{text}[/]" if style else text
    return text.replace("[", "\\[")


def print_json(data: Any) -> None:
    click.echo(json_text(data))


MIN_WIDTHS = {"title": 26, "agency": 14, "assigner": 12, "status": 11, "details": 30}
PIPED_WIDTH = 180  # a listing sent to a file or a pager keeps whole lines


def console() -> Any:
    from rich.console import Console

    terminal = Console(highlight=False, soft_wrap=False)
    if terminal.is_terminal:
        return terminal
    return Console(highlight=False, soft_wrap=False, width=PIPED_WIDTH)


def rich_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    lang: str,
    title: str | None = None,
) -> Any:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(
            label(lang, column),
            overflow="fold",
            no_wrap=column.endswith("_on") or column in ("code", "position"),
            min_width=MIN_WIDTHS.get(column),
        )
    for row in rows:
        table.add_row(*(cell(column, row.get(column), lang) for column in columns))
    return table


def render_record(record: dict[str, Any], fields: Sequence[str], lang: str) -> None:
    """Print one object as a two-column table of labels and values."""
    from rich.table import Table

    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key in fields:
        table.add_row(label(lang, key), cell(key, record.get(key), lang))
    console().print(table)
