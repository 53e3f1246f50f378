"""``tracker calendar``: the working-day calendar deadlines are counted on,
and the Office's own corrections to it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.help_text import TranslatedGroup
from cli.output import console, print_json
from cli.params import DATE, as_known_at_option, format_option
from domain.dates import show_date

CSV_COLUMNS = ("date", "weekday", "working", "name", "source", "office", "document")
# Table headers and words, by ``--lang``.
WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Lịch ngày làm việc năm {year}",
        "date": "Ngày",
        "weekday": "Thứ",
        "working": "Loại ngày",
        "name": "Tên ngày",
        "source": "Nguồn",
        "office": "Văn phòng ghi",
        "document": "Văn bản",
        "True": "Làm việc",
        "False": "Nghỉ",
        "office_source": "Văn phòng",
        "marked": "(*) ngày do Văn phòng tự ghi, thay cho lịch của gói {package}.",
        "none": "Năm {year} không có ngày nghỉ hay ngày làm bù nào khác lịch tuần.",
        "sources": "Nguồn dữ liệu: các năm {first}–{last} theo gói {package} (Việt "
        "Nam); ngày nghỉ hoán đổi và ngày làm bù do gói ghi: {moved}; điều chỉnh "
        "của Văn phòng: {office}.",
        "no_years": "không năm nào",
        "days": "Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy|Chủ nhật",
    },
    "en": {
        "title": "Working-day calendar, {year}",
        "date": "Date",
        "weekday": "Weekday",
        "working": "Kind",
        "name": "Name",
        "source": "Source",
        "office": "Office",
        "document": "Document",
        "True": "working day",
        "False": "day off",
        "office_source": "Office",
        "marked": "(*) recorded by the Office, replacing the {package} calendar.",
        "none": "In {year} no day differs from the weekly pattern.",
        "sources": "Sources: the years {first}–{last} from the {package} package "
        "(Vietnam); moved days and make-up Saturdays listed by the package: "
        "{moved}; the Office's corrections: {office}.",
        "no_years": "none",
        "days": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    },
}
REASON = click.option(
    "--reason",
    required=True,
    help="Why: the name the calendar shows for the day (e.g. 'Nghỉ bù Tết').",
)
DOCUMENT = click.option(
    "--doc",
    "document",
    default="",
    help="The decision or notice it follows (e.g. 'Quyết định 123/QĐ-UBND').",
)


@click.group(cls=TranslatedGroup)
def calendar() -> None:
    """The working-day calendar deadlines in working days are counted on:
    weekends and Vietnam's public holidays from the holidays package, plus
    the Office's own corrections.

    \b
    Example:
      tracker calendar show 2024
    """


@calendar.command("holiday")
@click.argument("day", metavar="DATE", type=DATE)
@REASON
@DOCUMENT
@pass_app
def holiday(app: AppContext, day: date, reason: str, document: str) -> None:
    """Record a day off the package does not know: a weekday the Government
    or the province gives off (a moved day, nghỉ bù).

    \b
    Example:
      tracker calendar holiday 16/02/2024 --reason "Nghỉ bù" --doc "123/QĐ-UBND"
    """
    from tracker.calendar_cases import record_day_off

    recorded = record_day_off(app.ledger, day, reason, document, app.actor)
    app.done(f"Recorded {show_date(recorded.on)} as a day off: {recorded.reason}.")


@calendar.command("workday")
@click.argument("day", metavar="DATE", type=DATE)
@REASON
@DOCUMENT
@pass_app
def workday(app: AppContext, day: date, reason: str, document: str) -> None:
    """Record a working day the package does not know: a Saturday worked to
    make up for a moved day off (làm bù).

    \b
    Example:
      tracker calendar workday 24/02/2024 --reason "Làm bù" --doc "123/QĐ-UBND"
    """
    from tracker.calendar_cases import record_workday

    recorded = record_workday(app.ledger, day, reason, document, app.actor)
    app.done(f"Recorded {show_date(recorded.on)} as a working day: {recorded.reason}.")


@calendar.command("show")
@click.argument("year", type=int)
@as_known_at_option()
@format_option("table", "json", "csv")
@pass_app
def show(app: AppContext, year: int, known_at: datetime | None, fmt: str) -> None:
    """List the year's days off that are not plain weekends and its make-up
    working Saturdays, each with its name and source, then where each
    year's data comes from; the Office's own corrections are marked.

    \b
    Example:
      tracker calendar show 2024
      tracker calendar show 2024 --format json --as-known-at 31/01/2024
    """
    from domain.working_days import FIRST_YEAR, LAST_YEAR, OutsideCalendar
    from projections.calendar import calendar_listing

    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutsideCalendar(FIRST_YEAR, LAST_YEAR, date(max(year, 1), 1, 1))
    got = app.reading.answer(lambda sql: calendar_listing(sql, year), known_at)
    listing: dict[str, Any] = got.answer
    if fmt == "json":
        print_json({**listing, "ledger": got.ledger.as_dict()})
    elif fmt == "csv":
        _csv(listing, app.lang)
    else:
        _table(listing, app.lang)


def _rows(listing: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The listing's days as the table and the CSV show them."""
    words = WORDS.get(lang, WORDS["vi"])
    weekdays = words["days"].split("|")
    rows = []
    for day in listing["days"]:
        on = date.fromisoformat(day["date"])
        source = day["source"]
        if day["office"]:
            source = words["office_source"]
            if day["document"]:
                source += f": {day['document']}"
        elif source.startswith("holidays"):
            source += " (Việt Nam)" if lang == "vi" else " (Vietnam)"
        rows.append(
            {
                "date": on,
                "weekday": weekdays[on.weekday()],
                "working": words[str(day["working"])],
                "name": day["name_vi"] if lang == "vi" else day["name_en"],
                "source": source,
                "office": day["office"],
                "document": day["document"] or "",
            }
        )
    return rows


def _table(listing: dict[str, Any], lang: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from domain.limits import printable

    words = WORDS.get(lang, WORDS["vi"])
    out = console()
    rows = _rows(listing, lang)
    if not rows:
        out.print(words["none"].format(year=listing["year"]))
    else:
        table = Table(
            title=words["title"].format(year=listing["year"]), header_style="bold"
        )
        for column in ("date", "weekday", "working", "name", "source"):
            table.add_column(words[column], overflow="fold")
        for row in rows:
            shown = row["date"].strftime("%d/%m/%Y") + (" (*)" if row["office"] else "")
            table.add_row(
                shown,
                row["weekday"],
                row["working"],
                escape(printable(row["name"])),
                escape(printable(row["source"])),
            )
        out.print(table)
    package = listing["source"]["package"]
    if any(row["office"] for row in rows):
        out.print(escape(words["marked"].format(package=package)))
    out.print(escape(_sources_line(listing, words)))


def _sources_line(listing: dict[str, Any], words: dict[str, str]) -> str:
    known = listing["known_years"]
    return words["sources"].format(
        first=known["first"],
        last=known["last"],
        package=listing["source"]["package"],
        moved=_years(listing["package_moved_days_years"]) or words["no_years"],
        office=_years(listing["office_years"]) or words["no_years"],
    )


def _years(years: list[int]) -> str:
    """``[2005, 2007, 2008, 2009]`` -> ``2005, 2007–2009``."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(
        str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs
    )


def _csv(listing: dict[str, Any], lang: str) -> None:
    from cli.files import csv_text, emit

    words = WORDS.get(lang, WORDS["vi"])
    rows = [
        {**row, "date": row["date"].isoformat(), "office": str(row["office"]).lower()}
        for row in _rows(listing, lang)
    ]
    columns = list(CSV_COLUMNS)
    if lang == "vi":  # the headers a clerk reads in Excel; dates stay ISO
        rows = [{words[c]: row[c] for c in CSV_COLUMNS} for row in rows]
        columns = [words[c] for c in CSV_COLUMNS]
    emit(csv_text(rows, columns), None, fmt="csv")


COMMANDS = [calendar]
