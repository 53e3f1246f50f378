"""Dates as Vietnamese clerks and documents write them.

Day first (``14/02/2023``, ``14/2/23``, ``14.02.2023``), ISO
(``2023-02-14``), the written form of official documents (``ngày 14 tháng 02
năm 2023``) and relative forms (``today``, ``+10d``, ``eom``). Parsing is
strict on purpose: ``31/02/2023`` is a typing mistake to report, never a date
to guess. ``today`` is always passed in, so the rules stay pure. A date
outside the range the tracker accepts (``domain.limits``) is refused like a
malformed one, relative forms that run off the calendar included.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from domain.limits import EARLIEST_DATE, LATEST_DATE, show_range
from domain.text import fold

if TYPE_CHECKING:  # loaded by the relative dates that need it ("+1m")
    from dateutil.relativedelta import relativedelta


class DateParseError(ValueError):
    """The text is not a date; the message names the text and why."""


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WRITTEN = re.compile(r"^ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")
_RELATIVE = re.compile(r"^([+-])\s*(\d+)\s*([dwmy])$")
_NAMED = {
    "today": 0,
    "hom nay": 0,
    "yesterday": -1,
    "hom qua": -1,
    "tomorrow": 1,
    "ngay mai": 1,
}
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
# More digits than any step within the accepted range needs (300 years are
# 109,572 days): refused before ``int`` is asked to read thousands of digits.
_MAX_STEP_DIGITS = 6

# Searched for inside longer text such as a document citation.
DATE_IN_TEXT = re.compile(
    r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})"
    r"|(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)"
)

EXAMPLES = (
    "14/02/2023, 14/2/23, 2023-02-14, 'ngày 14 tháng 02 năm 2023', today, +10d, eom"
)


@dataclass(frozen=True)
class RelativeDue:
    """A deadline typed as a span or a date relative to a start the typist
    did not give (``10wd``, ``+10d``, ``eom``): kept as typed until the date
    it counts from, the task's own (its assignment, its extension), is known.
    ``text`` is also what the event records next to the date it gave."""

    text: str


_MONTH_ENDS = ("eom", "cuoi thang", "eoy", "cuoi nam")


def is_relative(text: str) -> bool:
    """Whether ``parse_date`` reads ``text`` from its ``today`` (``today``,
    ``+10d``, ``eom``) rather than as a date of its own."""
    key = " ".join(fold(text.strip()).replace(",", " ").split())
    return key in _NAMED or key in _MONTH_ENDS or bool(_RELATIVE.match(key))


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _build(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateParseError(f"{text!r} is not a date: {exc}.") from None


def parse_date(text: str, today: date) -> date:
    """Parse one date as a clerk types it; ``today`` anchors relative forms."""
    raw = text.strip()
    if match := _DAY_FIRST.match(raw):  # most dates, without folding them first
        day, month, year = match.groups()
        parsed = _build(raw, _full_year(year), int(month), int(day))
    else:
        parsed = _parse_other(raw, today)
    if EARLIEST_DATE <= parsed <= LATEST_DATE:
        return parsed
    raise out_of_range(raw)


def out_of_range(raw: str) -> DateParseError:
    """The refusal of a date the tracker does not accept (``domain.limits``)."""
    return DateParseError(
        f"{raw!r} is outside the dates the tracker accepts ({show_range()})."
    )


def _shifted(raw: str, today: date, step: timedelta | relativedelta) -> date:
    """``today`` moved by ``step``; off the calendar is out of range."""
    try:
        return today + step
    except (OverflowError, ValueError):
        raise out_of_range(raw) from None


def _parse_other(raw: str, today: date) -> date:
    key = fold(raw).replace(",", " ")
    key = " ".join(key.split())
    if not key:
        raise DateParseError("An empty value is not a date.")
    if key in _NAMED:
        return _shifted(raw, today, timedelta(days=_NAMED[key]))
    if match := _RELATIVE.match(key):
        sign, amount, unit = match.groups()
        if len(amount.lstrip("0")) > _MAX_STEP_DIGITS:
            raise out_of_range(raw)
        step = int(amount) * (1 if sign == "+" else -1)
        from dateutil.relativedelta import relativedelta

        return _shifted(raw, today, relativedelta(**{_UNITS[unit]: step}))
    if key in ("eom", "cuoi thang"):
        last = calendar.monthrange(today.year, today.month)[1]
        return today.replace(day=last)
    if key in ("eoy", "cuoi nam"):
        return date(today.year, 12, 31)
    if match := _ISO.match(key):
        year, month, day = match.groups()
        return _build(raw, int(year), int(month), int(day))
    if match := _DAY_FIRST.match(key):
        day, month, year = match.groups()
        return _build(raw, _full_year(year), int(month), int(day))
    if match := _WRITTEN.match(key):
        day, month, year = match.groups()
        return _build(raw, int(year), int(month), int(day))
    raise DateParseError(f"{raw!r} is not a date; write it like {EXAMPLES}.")


_TIME = re.compile(
    r"^(?P<date>.+?)[ t]+(?P<h>\d{1,2})[:h](?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\.(?P<f>\d{1,6}))?\s*(?P<tz>z|[+-]\d{2}:?\d{2})?$"
)


def parse_moment(
    text: str, today: date, tz: tzinfo, *, date_alone: str = "end"
) -> datetime:
    """A recording moment: ``15/06/2023 09:00``, ``2023-06-15T09:00+07:00``, or
    a date alone, meaning the end of that day (``date_alone="end"``, for "as
    known at") or its start (``"start"``, for "since"). Times without an offset
    are in ``tz`` (Vietnam); the result is timezone-aware."""
    raw = " ".join(text.strip().split())
    match = _TIME.match(raw.lower())
    if match is None:
        day = parse_date(raw, today)
        clock = time.max if date_alone == "end" else time.min
        return datetime.combine(day, clock, tzinfo=tz)
    day = parse_date(match.group("date"), today)
    try:
        clock = time(
            int(match.group("h")),
            int(match.group("m")),
            int(match.group("s") or 0),
            int((match.group("f") or "0").ljust(6, "0")),
        )
    except ValueError as exc:
        raise DateParseError(f"{raw!r} is not a time: {exc}.") from None
    zone = tz
    if offset := match.group("tz"):
        zone = UTC if offset == "z" else _offset(raw, offset)
    return datetime.combine(day, clock, tzinfo=zone)


def _offset(raw: str, offset: str) -> timezone:
    """``+07:00``: an offset from UTC, less than a day, in whole minutes."""
    sign = 1 if offset[0] == "+" else -1
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise DateParseError(
            f"{raw!r} has no valid offset from UTC: {offset} (write +07:00)."
        )
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def find_date(text: str) -> date | None:
    """Return the first well-formed date written inside ``text``, if any.

    Used on citations, where a wrong date is kept as typed rather than refused:
    an impossible date, or one outside the accepted range, is not read.
    """
    for match in DATE_IN_TEXT.finditer(fold(text)):
        day, month, year = (
            match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
        )
        try:
            found = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if EARLIEST_DATE <= found <= LATEST_DATE:
            return found
    return None


def show_date(value: date | None) -> str:
    """Render a date the way the Office writes it (``dd/mm/yyyy``)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""
