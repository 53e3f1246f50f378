"""The weekly overdue list, and the sweep that marks lapsed deadlines."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.files import resolve_format
from cli.labels import label, report_footer
from cli.output import csv_form, display
from cli.params import DATE, as_known_at_option, as_of_option, output_options
from cli.rendering import Document, Section, render

# Ten years ahead is more than any weekly list needs, and keeps as_of + DAYS
# a real date for any --as-of the tracker accepts.
MAX_DUE_WITHIN = 3660
OVERDUE_COLUMNS = ("agency", "code", "title", "assigner", "due_on", "days_overdue",
                   "working_days_overdue", "reminders",
                   "last_reminded_on")  # fmt: skip
SOON_COLUMNS = ("agency", "code", "title", "due_on", "days_left",
                "working_days_left", "reminders")  # fmt: skip
LEFT_COLUMNS = ("agency", "code", "title", "reason", "on")
OVERDUE_LABELS = {
    "vi": {"days_overdue": "Số ngày quá hạn", "days_left": "Số ngày còn lại",
           "working_days_overdue": "Số ngày làm việc quá hạn",
           "working_days_left": "Số ngày làm việc còn lại",
           "ages_in_working_days": " (tính theo ngày làm việc)",
           "overdue_heading": "Nhiệm vụ quá hạn", "soon_heading": "Sắp đến hạn",
           "left_heading": "Ra khỏi danh sách quá hạn từ ngày {since}",
           "section": "Phần", "new": "Mới", "reason": "Lý do", "on": "Ngày",
           "summary": "Tổng số quá hạn: {total} (trên 30 ngày: {over_30}; "
           "trên 60 ngày: {over_60}; trên 120 ngày: {over_120})",
           "changes": "; từ ngày {since}: {new} mới quá hạn, {left} ra khỏi "
           "danh sách"},
    "en": {"days_overdue": "Days overdue", "days_left": "Days left",
           "working_days_overdue": "Working days overdue",
           "working_days_left": "Working days left",
           "ages_in_working_days": " (in working days)",
           "overdue_heading": "Overdue tasks", "soon_heading": "Falling due soon",
           "left_heading": "Left the overdue list since {since}",
           "section": "Section", "new": "New", "reason": "Why", "on": "On",
           "summary": "Overdue: {total} (over 30 days: {over_30}; over 60 days: "
           "{over_60}; over 120 days: {over_120})",
           "changes": "; since {since}: {new} newly overdue, {left} left the list"},
}  # fmt: skip
# Why a task left the list (``projections.week_changes``), as a clerk reads it.
REASONS = {
    "vi": {"completed": "đã hoàn thành", "extended": "được gia hạn",
           "cancelled": "rút khỏi chương trình",
           "reassigned": "chuyển cơ quan chủ trì", "new": "mới"},
    "en": {"completed": "completed", "extended": "deadline extended",
           "cancelled": "cancelled", "reassigned": "reassigned", "new": "new"},
}  # fmt: skip
LAST_WEEK = ("last-week", "tuan-truoc", "tuần trước", "tuần-trước")


class SinceParam(click.ParamType):
    """A date as ``DATE`` takes it, or ``last-week`` (``tuần trước``): seven
    days before the as-of date, which only the command knows."""

    name = "DATE|last-week"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> date | str:
        if isinstance(value, str) and value.strip().casefold() in LAST_WEEK:
            return LAST_WEEK[0]
        converted: date = DATE.convert(value, param, ctx)
        return converted


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
@click.option(
    "--since",
    type=SinceParam(),
    default=None,
    help="Mark the tasks not overdue on this date as new, and list those that "
    "left the list since, with why (last-week: 7 days before --as-of).",
)
@click.option(
    "--age-in",
    type=click.Choice(("days", "working-days")),
    default="days",
    show_default=True,
    help="Count the summary's ages (over 30, 60, 120) in calendar days or in "
    "working days.",
)
@output_options()
@pass_app
def overdue(
    app: AppContext,
    as_of: date | None,
    known_at: datetime | None,
    due_within: int | None,
    agency: str | None,
    since: date | str | None,
    age_in: str,
    fmt: str | None,
    output: str | None,
) -> None:
    """The weekly overdue report: open tasks past their deadline, by lead agency
    (its official name in the directory), most overdue first, with the
    reminders each has had and a summary by age; --output FILE.docx writes it
    as a Word appendix.

    \b
    Example:
      tracker overdue --due-within 7
      tracker overdue --since last-week
      tracker overdue --as-of 30/06/2023 --agency "so tu phap" --output tuan-26.xlsx
      tracker overdue --as-of 30/06/2023 --output phu-luc.docx
    """
    from tracker.settings import today_in_vietnam

    fmt = resolve_format(fmt, app.output(output))
    lang = app.lang
    as_of = as_of or today_in_vietnam()
    if since == LAST_WEEK[0]:
        since = as_of - timedelta(days=7)
    assert since is None or isinstance(since, date)
    if since is not None and since > as_of:
        raise click.BadParameter(
            f"{since:%d/%m/%Y} is after the as-of date {as_of:%d/%m/%Y}.",
            param_hint="'--since'",
        )
    encoded = fmt == "json"  # the list as the database wrote it
    data = app.reading.overdue_report(
        as_of, due_within, agency, known_at, encoded=encoded, since=since, age_in=age_in
    )
    if known_at is None:
        from cli.query_commands import warn_missing_occurrences

        warn_missing_occurrences(app, as_of)
    render(overdue_document(data, due_within is not None, lang), fmt, lang, output)


CSV_COLUMNS = ("section", "code", "title", "agency", "assigner", "due_on",
               "days_overdue", "working_days_overdue", "days_left",
               "working_days_left", "reminders", "last_reminded_on")  # fmt: skip
CHANGE_COLUMNS = ("new", "reason", "on")  # in the CSV, with --since


def overdue_document(data: dict[str, Any], soon: bool, lang: str) -> Document:
    """The weekly list as every format shows it: overdue tasks by agency,
    then, when asked, those falling due soon, and the week's changes."""
    as_of = display("on", data["as_of"], lang)
    # A JSON answer holds the list as the database's bytes (EncodedJSON),
    # which only the JSON renderer reads.
    overdue = [] if isinstance(data["overdue"], bytes) else data["overdue"]
    since = data.get("since")
    words = REASONS.get(lang, REASONS["en"])
    if since is not None:
        overdue = [
            {**row, "new": words["new"] if row["new"] else ""} for row in overdue
        ]
    columns = (*OVERDUE_COLUMNS, "new") if since is not None else OVERDUE_COLUMNS
    headers = {
        c: _overdue_label(lang, c)
        for c in (*columns, *SOON_COLUMNS, *LEFT_COLUMNS, "section")
    }
    overdue_heading = _overdue_label(lang, "overdue_heading")
    sections = [
        Section(
            columns,
            overdue,
            [headers[c] for c in columns],
            group_by="agency",
            numeric={"days_overdue", "working_days_overdue", "reminders"},
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
                numeric={"days_left", "working_days_left", "reminders"},
                sheet=heading,
                empty=label(lang, "no_rows"),
            )
        )
    left = [{**row, "reason": words[row["reason"]]} for row in data.get("left", [])]
    if since is not None:
        sections.append(_left_section(left, since, headers, lang))
    return Document(
        data,
        *_csv(overdue, data["due_soon"], left, since is not None, headers, lang),
        title=f"{overdue_heading}, {label(lang, 'as_of')} {as_of}",
        subtitle=_subtitle(data, overdue, lang),
        sections=sections,
        footer=report_footer(lang, data),
    )


def _left_section(
    left: list[dict[str, Any]], since: str, headers: dict[str, str], lang: str
) -> Section:
    heading = _overdue_label(lang, "left_heading").format(
        since=display("on", since, lang)
    )
    return Section(
        LEFT_COLUMNS,
        left,
        [headers[c] for c in LEFT_COLUMNS],
        heading=heading,
        sheet=_overdue_label(lang, "reason"),
        empty=label(lang, "no_rows"),
    )


def _csv(
    overdue: list[dict[str, Any]],
    due_soon: list[dict[str, Any]],
    left: list[dict[str, Any]],
    changes: bool,
    headers: dict[str, str],
    lang: str,
) -> tuple[list[str], list[dict[str, Any]]]:
    """One CSV of the three lists, told apart by their first column."""
    rows = [{"section": "overdue", **r} for r in overdue]
    rows += [{"section": "due_soon", **r} for r in due_soon]
    rows += [{"section": "left", **r} for r in left]
    columns = (*CSV_COLUMNS, *CHANGE_COLUMNS) if changes else CSV_COLUMNS
    sections = {
        "overdue": _overdue_label(lang, "overdue_heading"),
        "due_soon": _overdue_label(lang, "soon_heading"),
        "left": _overdue_label(lang, "reason"),
    }
    return csv_form(
        rows, columns, lang, {**headers, "section": headers["section"]},
        {"section": sections},
    )  # fmt: skip


def _subtitle(data: dict[str, Any], overdue: list[dict[str, Any]], lang: str) -> str:
    subtitle = _overdue_label(lang, "summary").format(**data["summary"])
    if data["summary"].get("age_in") == "working-days":
        subtitle += _overdue_label(lang, "ages_in_working_days")
    if data.get("since") is None:
        return subtitle
    return subtitle + _overdue_label(lang, "changes").format(
        since=display("on", data["since"], lang),
        new=sum(1 for row in overdue if row["new"]),
        left=len(data["left"]),
    )


@click.command()
@as_of_option()
@pass_app
def sweep(app: AppContext, as_of: date | None) -> None:
    """Record the occurrences of periodic tasks whose period has begun, then a
    MarkedOverdue event on every open task whose deadline in force has
    passed, once per deadline (a second sweep records nothing).

    \b
    Example:
      tracker sweep --as-of 30/06/2023
    """
    from tracker.settings import today_in_vietnam

    as_of = as_of or today_in_vietnam()
    recorded, marked = app.ledger_to_read.sweep(as_of, app.actor)
    if recorded:
        app.done(f"Recorded {recorded} occurrences of periodic tasks.")
    app.done(f"Marked {marked} tasks overdue as of {as_of:%d/%m/%Y}.")


COMMANDS = [overdue, sweep]
