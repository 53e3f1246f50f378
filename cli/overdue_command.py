"""The weekly overdue list, and the sweep that marks lapsed deadlines."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.files import resolve_format
from cli.labels import label, ledger_footer
from cli.output import csv_form, display
from cli.params import as_known_at_option, as_of_option, output_options
from cli.rendering import Document, Section, render

# Ten years ahead is more than any weekly list needs, and keeps as_of + DAYS
# a real date for any --as-of the tracker accepts.
MAX_DUE_WITHIN = 3660
OVERDUE_COLUMNS = ("agency", "code", "title", "assigner", "due_on", "days_overdue")
SOON_COLUMNS = ("agency", "code", "title", "due_on", "days_left")
OVERDUE_LABELS = {
    "vi": {"days_overdue": "Số ngày quá hạn", "days_left": "Số ngày còn lại",
           "overdue_heading": "Nhiệm vụ quá hạn", "soon_heading": "Sắp đến hạn",
           "section": "Phần",
           "summary": "Tổng số quá hạn: {total} (trên 30 ngày: {over_30}; "
           "trên 60 ngày: {over_60}; trên 120 ngày: {over_120})"},
    "en": {"days_overdue": "Days overdue", "days_left": "Days left",
           "overdue_heading": "Overdue tasks", "soon_heading": "Falling due soon",
           "section": "Section",
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
    """The weekly overdue report: open tasks past their deadline, by lead agency
    (its official name in the directory), most overdue first, with a summary
    by age; --output FILE.docx writes it as a Word appendix.

    \b
    Example:
      tracker overdue --due-within 7
      tracker overdue --as-of 30/06/2023 --agency "so tu phap" --output tuan-26.xlsx
      tracker overdue --as-of 30/06/2023 --output phu-luc.docx
    """
    from tracker.settings import today_in_vietnam

    fmt = resolve_format(fmt, app.output(output))
    lang = app.lang
    as_of = as_of or today_in_vietnam()
    encoded = fmt == "json"  # the list as the database wrote it
    data = app.reading.overdue_report(
        as_of, due_within, agency, known_at, encoded=encoded
    )
    render(overdue_document(data, due_within is not None, lang), fmt, lang, output)


CSV_COLUMNS = ("section", "code", "title", "agency", "assigner", "due_on",
               "days_overdue", "days_left")  # fmt: skip


def overdue_document(data: dict[str, Any], soon: bool, lang: str) -> Document:
    """The weekly list as every format shows it: overdue tasks by agency,
    then, when asked, those falling due soon."""
    as_of = display("on", data["as_of"], lang)
    # A JSON answer holds the list as the database's bytes (EncodedJSON),
    # which only the JSON renderer reads.
    overdue = [] if isinstance(data["overdue"], bytes) else data["overdue"]
    headers = {c: _overdue_label(lang, c) for c in (*OVERDUE_COLUMNS, *SOON_COLUMNS)}
    overdue_heading = _overdue_label(lang, "overdue_heading")
    sections = [
        Section(
            OVERDUE_COLUMNS,
            overdue,
            [headers[c] for c in OVERDUE_COLUMNS],
            group_by="agency",
            numeric={"days_overdue"},
            sheet=overdue_heading,
        )
    ]
    if soon:
        heading = _overdue_label(lang, "soon_heading")
        sections.append(
            Section(
                SOON_COLUMNS,
                data["due_soon"],
                [headers[c] for c in SOON_COLUMNS],
                heading=heading,
                group_by="agency",
                numeric={"days_left"},
                sheet=heading,
                empty=label(lang, "no_rows"),
            )
        )
    csv_rows = [{"section": "overdue", **r} for r in overdue]
    csv_rows += [{"section": "due_soon", **r} for r in data["due_soon"]]
    csv_columns, csv_rows = csv_form(
        csv_rows,
        CSV_COLUMNS,
        lang,
        {**headers, "section": _overdue_label(lang, "section")},
        {"section": {"overdue": overdue_heading,
                     "due_soon": _overdue_label(lang, "soon_heading")}},
    )  # fmt: skip
    return Document(
        data,
        csv_columns,
        csv_rows,
        title=f"{overdue_heading}, {label(lang, 'as_of')} {as_of}",
        subtitle=_overdue_label(lang, "summary").format(**data["summary"]),
        sections=sections,
        footer=ledger_footer(lang, data["ledger"], data["behind"]),
    )


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
    marked = app.ledger_to_read.sweep_overdue(as_of, app.actor)
    app.done(f"Marked {marked} tasks overdue as of {as_of:%d/%m/%Y}.")


COMMANDS = [overdue, sweep]
