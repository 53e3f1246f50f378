"""The weekly overdue list, and the sweep that marks lapsed deadlines."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.files import csv_text, emit, resolve_format, write_workbook
from cli.labels import label, ledger_footer
from cli.output import cell, console, display, json_text, markdown_table, rich_table
from cli.params import as_known_at_option, as_of_option, output_options

# Ten years ahead is more than any weekly list needs, and keeps as_of + DAYS
# a real date for any --as-of the tracker accepts.
MAX_DUE_WITHIN = 3660
OVERDUE_COLUMNS = ("agency", "code", "title", "assigner", "due_on", "days_overdue")
SOON_COLUMNS = ("agency", "code", "title", "due_on", "days_left")
OVERDUE_LABELS = {
    "vi": {"days_overdue": "Số ngày quá hạn", "days_left": "Còn (ngày)",
           "overdue_heading": "Nhiệm vụ quá hạn", "soon_heading": "Sắp đến hạn",
           "summary": "Tổng số quá hạn: {total} (trên 30 ngày: {over_30}; "
           "trên 60 ngày: {over_60}; trên 120 ngày: {over_120})"},
    "en": {"days_overdue": "Days overdue", "days_left": "Days left",
           "overdue_heading": "Overdue tasks", "soon_heading": "Falling due soon",
           "summary": "Overdue: {total} (over 30 days: {over_30}; over 60 days: "
           "{over_60}; over 120 days: {over_120})"},
}  # fmt: skip


def _overdue_label(lang: str, key: str) -> str:
    return OVERDUE_LABELS.get(lang, OVERDUE_LABELS["en"]).get(key) or label(lang, key)


@click.command()
@as_of_option()
@as_known_at_option()
@click.option(
    "--due-within",
    type=click.IntRange(0, MAX_DUE_WITHIN),
    default=None,
    metavar="DAYS",
    help="Also list open tasks due in the next DAYS days.",
)
@click.option(
    "--agency", default=None, help="Only this lead agency (no accents needed)."
)
@output_options()
@pass_app
def overdue(
    app: AppContext,
    as_of: date | None,
    known_at: datetime | None,
    due_within: int | None,
    agency: str | None,
    fmt: str | None,
    output: str | None,
) -> None:
    """The weekly overdue report: open tasks past their deadline, by lead agency,
    most overdue first, with a summary by age.

    \b
    Example:
      tracker overdue --due-within 7
      tracker overdue --as-of 30/06/2023 --agency "so tu phap" --output tuan-26.xlsx
    """
    from tracker.settings import today_in_vietnam

    fmt = resolve_format(fmt, output)
    lang = app.lang
    as_of = as_of or today_in_vietnam()
    encoded = fmt == "json"  # the list as the database wrote it
    data = app.reading.overdue_report(
        as_of, due_within, agency, known_at, encoded=encoded
    )
    footer = ledger_footer(lang, data["ledger"], data["behind"])
    summary = _overdue_label(lang, "summary").format(**data["summary"])
    heading = f"{_overdue_label(lang, 'overdue_heading')}, {label(lang, 'as_of')} "
    heading += f"{as_of:%d/%m/%Y}"
    if fmt == "json":
        emit(json_text(data), output, fmt=fmt)
        return
    if fmt == "csv":
        rows = [{"section": "overdue", **r} for r in data["overdue"]]
        rows += [{"section": "due_soon", **r} for r in data["due_soon"]]
        columns = [
            "section",
            "code",
            "title",
            "agency",
            "assigner",
            "due_on",
            "days_overdue",
            "days_left",
        ]
        emit(csv_text(rows, columns), output, fmt=fmt)
        return
    headers = {c: _overdue_label(lang, c) for c in (*OVERDUE_COLUMNS, *SOON_COLUMNS)}
    if fmt == "xlsx":
        assert output is not None
        sheets = [
            (
                _overdue_label(lang, "overdue_heading"),
                [headers[c] for c in OVERDUE_COLUMNS],
                [
                    [
                        display(c, r[c], lang) if c == "due_on" else r[c]
                        for c in OVERDUE_COLUMNS
                    ]
                    for r in data["overdue"]
                ],
            )
        ]
        if due_within is not None:
            sheets.append(
                (
                    _overdue_label(lang, "soon_heading"),
                    [headers[c] for c in SOON_COLUMNS],
                    [
                        [
                            display(c, r[c], lang) if c == "due_on" else r[c]
                            for c in SOON_COLUMNS
                        ]
                        for r in data["due_soon"]
                    ],
                )
            )
        write_workbook(output, heading, summary, sheets, footer)
        return
    if fmt == "md":
        text = f"**{heading}**\n\n{summary}\n\n"
        text += _labelled_markdown(data["overdue"], OVERDUE_COLUMNS, headers, lang)
        if due_within is not None:
            text += f"\n\n**{_overdue_label(lang, 'soon_heading')}**\n\n"
            text += _labelled_markdown(data["due_soon"], SOON_COLUMNS, headers, lang)
        emit(f"{text}\n\n_{footer}_\n", output, fmt=fmt)
        return
    out = console()
    out.print(f"[bold]{heading}[/]\n{summary}")
    if data["overdue"]:
        out.print(_grouped_table(data["overdue"], OVERDUE_COLUMNS, headers, lang))
    if due_within is not None:
        out.print(f"\n[bold]{_overdue_label(lang, 'soon_heading')}[/]")
        if data["due_soon"]:
            out.print(_grouped_table(data["due_soon"], SOON_COLUMNS, headers, lang))
        else:
            out.print(label(lang, "no_rows"))
    click.echo(footer)


def _labelled_markdown(
    rows: list[dict[str, Any]],
    columns: tuple[str, ...],
    headers: dict[str, str],
    lang: str,
) -> str:
    text = markdown_table(rows, columns, lang)
    first, rest = text.split("\n", 1)
    return "| " + " | ".join(headers[c] for c in columns) + " |\n" + rest


def _grouped_table(
    rows: list[dict[str, Any]],
    columns: tuple[str, ...],
    headers: dict[str, str],
    lang: str,
) -> Any:
    """Agency shown once per group, groups separated by a rule."""
    table = rich_table([], columns, lang)
    for column, header in zip(table.columns, columns, strict=True):
        column.header = headers[header]
        if header in ("days_overdue", "days_left"):
            column.justify = "right"
    previous = None
    for row in rows:
        if previous is not None and row["agency"] != previous:
            table.add_section()
        cells = [cell(c, row[c], lang) for c in columns]
        if row["agency"] == previous:
            cells[0] = ""
        previous = row["agency"]
        table.add_row(*cells)
    return table


@click.command()
@as_of_option()
@pass_app
def sweep(app: AppContext, as_of: date | None) -> None:
    """Record a MarkedOverdue event on every open task whose deadline in force
    has passed, once per deadline (a second sweep records nothing).

    \b
    Example:
      tracker sweep --as-of 30/06/2023
    """
    from tracker.settings import today_in_vietnam

    as_of = as_of or today_in_vietnam()
    marked = app.ledger.sweep_overdue(as_of, app.actor)
    app.done(f"Marked {marked} tasks overdue as of {as_of:%d/%m/%Y}.")


COMMANDS = [overdue, sweep]
