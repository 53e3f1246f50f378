"""Shared option types: dates as clerks type them, and the output format."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import click

from domain.dates import (
    DateParseError,
    RelativeDue,
    is_relative,
    out_of_range,
    parse_date,
    parse_moment,
)
from domain.limits import in_date_range
from domain.text import normalise


class DateParam(click.ParamType):
    """``14/02/2023``, ``14/2/23``, ``2023-02-14``, ``ngày 14 tháng 02 năm 2023``,
    ``today``, ``+10d``, ``eom``: a bad one, or one outside the dates the
    tracker accepts, is a usage error naming it."""

    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        if isinstance(value, date) and not isinstance(value, datetime):
            if not in_date_range(value):
                self.fail(str(out_of_range(value.isoformat())), param, ctx)
            return value
        from tracker.settings import today_in_vietnam

        try:
            return parse_date(str(value), today_in_vietnam())
        except DateParseError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateParam()


class DueParam(DateParam):
    """A deadline: a date as ``DateParam`` reads it, or a rule counted from
    the task's own date (``10wd``, ``10 ngày làm việc``, ``+10d``, ``eom``),
    returned unresolved as a ``RelativeDue`` for the use case to count. A
    wrong rule (``0wd``, ``-3wd``) goes on too, for the use case to refuse
    in one line, as it refuses a rule the calendar cannot count."""

    def __init__(self, field: str) -> None:
        self.field = field

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> date | RelativeDue:
        if isinstance(value, RelativeDue):
            return value
        if isinstance(value, date):
            return super().convert(value, param, ctx)
        from domain.due_rules import DueRuleRefused, parse_due_rule

        text = str(value)
        try:
            rule = parse_due_rule(text, self.field)
        except DueRuleRefused:
            return RelativeDue(normalise(text))
        if rule is not None:
            return RelativeDue(rule.text)
        if is_relative(text):
            return RelativeDue(normalise(text))
        return super().convert(value, param, ctx)


DUE = DueParam("due date")
NEW_DUE = DueParam("new due date")


class MomentParam(click.ParamType):
    """``15/06/2023 09:00``, ISO, or a date meaning the end of that day
    (Vietnam time unless an offset is given)."""

    name = "DATETIME"

    def __init__(self, date_alone: str = "end") -> None:
        self.date_alone = date_alone

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            if not in_date_range(value.date()):
                self.fail(str(out_of_range(value.isoformat())), param, ctx)
            return value
        from tracker.settings import VIETNAM, today_in_vietnam

        try:
            return parse_moment(
                str(value), today_in_vietnam(), VIETNAM, date_alone=self.date_alone
            )
        except DateParseError as exc:
            self.fail(str(exc), param, ctx)


MOMENT = MomentParam()
SINCE = MomentParam(date_alone="start")


def as_known_at_option() -> Any:
    return click.option(
        "--as-known-at",
        "known_at",
        type=MOMENT,
        default=None,
        help="Answer from the events recorded up to this moment only "
        "(e.g. '15/06/2023 09:00'; a date alone means the end of that day).",
    )


FORMATS = ("table", "json", "csv", "md")


def format_option(*choices: str) -> Any:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices or FORMATS),
        default="table",
        show_default=True,
        help="Output format; JSON is the stable contract (ISO dates).",
    )


def output_options(*choices: str) -> Any:
    """``--format`` (default: from ``--output``'s suffix, else table) and
    ``--output FILE``; commands call ``files.resolve_format`` on the pair."""

    def decorate(function: Any) -> Any:
        function = click.option(
            "--output",
            metavar="FILE",
            default=None,
            help="Write to FILE instead of the screen (.xlsx, .docx, .csv, .json, "
            ".md).",
        )(function)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices or (*FORMATS, "xlsx", "docx")),
            default=None,
            help="table (default), json (the stable contract), csv, md, xlsx or "
            "docx (xlsx and docx need --output).",
        )(function)

    return decorate


def as_of_option() -> Any:
    return click.option(
        "--as-of",
        type=DATE,
        default=None,
        help="Classify as of this date (default: today in Vietnam).",
    )


class SecondsParam(click.FloatRange):
    """A number of seconds within a range: ``nan`` compares false with both
    bounds, so it is refused by name, with ``inf``."""

    name = "SECONDS"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        seconds = float(super().convert(value, param, ctx))
        if not math.isfinite(seconds):
            self.fail(f"{value!r} is not a number of seconds.", param, ctx)
        return seconds
