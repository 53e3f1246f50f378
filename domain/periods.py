"""Reporting periods and their cut-off conventions.

``calendar`` uses calendar boundaries. ``decree09`` follows Decree
09/2019/NĐ-CP on reporting regimes: a period ends on the 14th of its last
month and starts on the 15th of the month before its first month (the half
year 2023-H1 runs 15/12/2022 to 14/06/2023). Only the years of the dates the
tracker accepts (``domain.limits``) name a period.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from domain.limits import EARLIEST_DATE, LATEST_DATE

CUTOFFS = ("calendar", "decree09")

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-?H([12])$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class PeriodParseError(ValueError):
    """The text names no period; the message says what would."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def _months(text: str) -> tuple[int, int, int]:
    """(year, first month, number of months) named by ``text``."""
    key = text.strip()
    if match := _YEAR.match(key):
        return int(match.group(1)), 1, 12
    if match := _HALF.match(key):
        return int(match.group(1)), 1 + 6 * (int(match.group(2)) - 1), 6
    if match := _QUARTER.match(key):
        return int(match.group(1)), 1 + 3 * (int(match.group(2)) - 1), 3
    if match := _MONTH.match(key):
        month = int(match.group(2))
        if 1 <= month <= 12:
            return int(match.group(1)), month, 1
    raise PeriodParseError(
        f"{text!r} is not a period; write 2023, 2023-H1, 2023-Q2 or 2023-06."
    )


def parse_period(text: str, cutoff: str = "calendar") -> Period:
    """The dates a named period covers under the given cut-off convention."""
    year, first_month, months = _months(text)
    if not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
        raise PeriodParseError(
            f"{text!r} is outside the years the tracker accepts "
            f"({EARLIEST_DATE.year} to {LATEST_DATE.year})."
        )
    first = date(year, first_month, 1)
    last_month = first + relativedelta(months=months - 1)
    if cutoff == "decree09":
        start = (first - relativedelta(months=1)).replace(day=15)
        end = last_month.replace(day=14)
    elif cutoff == "calendar":
        start = first
        last_day = calendar.monthrange(last_month.year, last_month.month)[1]
        end = last_month.replace(day=last_day)
    else:
        raise PeriodParseError(f"Unknown cut-off {cutoff!r}; use one of {CUTOFFS}.")
    return Period(start, end, text.strip().upper())


def explicit_period(start: date, end: date) -> Period:
    if end < start:
        raise PeriodParseError(
            f"The period ends ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y})."
        )
    return Period(start, end, f"{start:%d/%m/%Y}-{end:%d/%m/%Y}")
