"""Working days in Vietnam: which days the Office works, and counting them.

Documents set deadlines in working days ("trong thời hạn 10 ngày làm việc
kể từ ngày nhận"), and clerks count days left and days overdue the same way.
A day is a working day unless it is a Saturday or Sunday or a public holiday,
with two kinds of exception that the Government announces each year and the
Office records: a weekday given as a day off (a moved day, "nghỉ bù" or
"hoán đổi") and a Saturday worked to make up for it ("làm bù").

Public holidays come from the ``holidays`` package (Vietnam: New Year, Tết,
Hùng Kings, 30/4, 1/5, 2/9 and, from 2026, 24/11, with their observed days
and the moved days and make-up Saturdays it lists). The package only knows
the moved days of the years whose decisions it encodes (see ``YearSource``);
every other decision, and any disagreement with the package, is an Office
correction (``Correction``), recorded as an event and passed in as a plain
value, so that a calendar built from the events known at a past moment is
the calendar as known then.

Each year range is computed once into a sorted tuple of working-day
ordinals and a running count per day, so every question is one or two
index look-ups: the overdue list asks for 33,000 tasks at a time and an
import asks once per task. Dates outside the known years are refused rather
than guessed: a deadline counted on a calendar without that year's holidays
would be silently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from domain.dates import show_date
from domain.errors import TaskRuleError

# Years known by default: from the Labour Code era the package models with
# observed days (1995 on) to a few years ahead, whose fixed and lunar holidays
# are law; their moved days come as Office corrections once decided.
FIRST_YEAR = 2000
LAST_YEAR = 2030
PACKAGE = "holidays"
# The package's name for a weekday off moved from a make-up Saturday.
_SUBSTITUTED = re.compile(r"^Ngày nghỉ \(thay cho ngày (\d{2}/\d{2}/\d{4})\)$")
SATURDAY = 5


class OutsideCalendar(TaskRuleError):
    """A date in a year the working-day calendar does not know."""

    def __init__(self, first: int, last: int, day: date) -> None:
        super().__init__(
            f"The working-day calendar knows the years {first} to {last}; "
            f"{show_date(day)} is outside them."
        )
        self.day = day


class CountRunsOut(TaskRuleError):
    """A count of working days that ends after the last known year."""

    def __init__(self, last: int, start: date, count: int) -> None:
        super().__init__(
            f"The working-day calendar knows the years up to {last}; "
            f"{count:,} working days after {show_date(start)} fall after them."
        )


@dataclass(frozen=True)
class Correction:
    """The Office's own word on one date: a day off (``working=False``, e.g.
    a moved day the package does not list) or a working day (``working=True``,
    e.g. a make-up Saturday), with the reason (the decision it follows)."""

    on: date
    working: bool
    reason: str


@dataclass(frozen=True)
class CalendarDay:
    """A date that is not what its weekday says: a weekday off or a weekend
    day worked, with its name and where that comes from."""

    on: date
    working: bool
    name_vi: str
    name_en: str
    source: str  # "holidays 0.109" or "office"


@dataclass(frozen=True)
class YearSource:
    """Where one year's calendar comes from, for ``calendar show``.

    ``package_moved_days`` counts the moved days off and make-up working days
    the package lists for the year: zero means either that no day was moved
    or that the package does not know that year's decision."""

    year: int
    package: str
    package_moved_days: int
    office_days_off: int
    office_working_days: int


@dataclass(frozen=True)
class _PackageYears:
    version: str
    days_off: dict[date, tuple[str, str]]  # weekday or weekend -> (vi, en)
    weekend_working: dict[date, date | None]  # make-up day -> the day it frees
    moved: frozenset[date]  # package-listed substitutions, both kinds


@dataclass(frozen=True)
class WorkingCalendar:
    """A frozen working-day calendar over ``first_year`` .. ``last_year``."""

    first_year: int
    last_year: int
    package_version: str
    exceptions: tuple[CalendarDay, ...]
    corrections: tuple[Correction, ...]
    _base: int = field(repr=False)  # ordinal of 1 January of first_year
    _flags: bytes = field(repr=False)  # 1 for a working day, by ordinal - _base
    _counts: tuple[int, ...] = field(repr=False)  # working days <= that day
    _working: tuple[int, ...] = field(repr=False)  # working-day ordinals

    @property
    def known_years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def covers(self, day: date) -> bool:
        """Whether ``day`` lies in a known year (asking never refuses)."""
        return self.first_year <= day.year <= self.last_year

    def is_working_day(self, day: date) -> bool:
        return self._flags[self._index(day)] == 1

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``count`` >= 1).

        ``start`` itself never counts, working day or not: "trong thời hạn 10
        ngày làm việc kể từ ngày nhận" is read as ten working days after the
        day of receipt, so the deadline is the tenth working day following."""
        if count < 1:
            raise ValueError(f"count must be at least 1, not {count}")
        position = self._counts[self._index(start)] + count - 1
        if position >= len(self._working):
            raise CountRunsOut(self.last_year, start, count)
        return date.fromordinal(self._working[position])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (``start``, ``end``]; negative (minus those in
        (``end``, ``start``]) when ``end`` is before ``start``.

        Days left are ``working_days_between(today, due)`` and days overdue
        ``working_days_between(due, today)``: one function, both signs."""
        return self._counts[self._index(end)] - self._counts[self._index(start)]

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the first after it: the
        Civil Code (2015, art. 148) ends a time limit that falls on a day off
        on the next working day."""
        index = self._index(day)
        if self._flags[index]:
            return day
        position = self._counts[index]
        if position >= len(self._working):
            raise CountRunsOut(self.last_year, day, 1)
        return date.fromordinal(self._working[position])

    def exceptions_in(self, year: int) -> tuple[CalendarDay, ...]:
        """The year's weekdays off and weekend days worked, in date order."""
        return tuple(day for day in self.exceptions if day.on.year == year)

    def source_of(self, year: int) -> YearSource:
        if year not in self.known_years:
            raise OutsideCalendar(self.first_year, self.last_year, date(year, 1, 1))
        package = _package_years(self.first_year, self.last_year)
        office = [c for c in self.corrections if c.on.year == year]
        return YearSource(
            year=year,
            package=f"{PACKAGE} {self.package_version}",
            package_moved_days=sum(1 for d in package.moved if d.year == year),
            office_days_off=sum(1 for c in office if not c.working),
            office_working_days=sum(1 for c in office if c.working),
        )

    def sources(self) -> tuple[YearSource, ...]:
        return tuple(self.source_of(year) for year in self.known_years)

    def _index(self, day: date) -> int:
        index = day.toordinal() - self._base
        if 0 <= index < len(self._flags):
            return index
        raise OutsideCalendar(self.first_year, self.last_year, day)


def vietnam_calendar(
    corrections: Iterable[Correction] = (),
    first_year: int = FIRST_YEAR,
    last_year: int = LAST_YEAR,
) -> WorkingCalendar:
    """Vietnam's calendar from the ``holidays`` package plus the Office's
    ``corrections``, applied in order (a later one for the same date replaces
    an earlier one: the Office changed its mind). A correction outside the
    known years is refused, since it would otherwise be silently ignored."""
    if first_year > last_year:
        raise ValueError(f"first_year {first_year} is after last_year {last_year}")
    package = _package_years(first_year, last_year)
    office: dict[date, Correction] = {}
    for correction in corrections:
        if not first_year <= correction.on.year <= last_year:
            raise OutsideCalendar(first_year, last_year, correction.on)
        office[correction.on] = correction
    exceptions = _exceptions(package, office)
    return _build(first_year, last_year, package.version, exceptions, office)


def _exceptions(
    package: _PackageYears, office: dict[date, Correction]
) -> tuple[CalendarDay, ...]:
    """The dates not as their weekday says; the Office's word comes last, so
    it replaces the package's on the same date."""
    source = f"{PACKAGE} {package.version}"
    days: dict[date, CalendarDay] = {}
    for on, (vi, en) in package.days_off.items():
        if on.weekday() < SATURDAY and on not in package.weekend_working:
            days[on] = CalendarDay(on, False, vi, en, source)
    for on, off in package.weekend_working.items():
        vi, en = _make_up_names(off)
        days[on] = CalendarDay(on, True, vi, en, source)
    for on, correction in office.items():
        reason = correction.reason
        days[on] = CalendarDay(on, correction.working, reason, reason, "office")
    return tuple(days[on] for on in sorted(days))


def _build(
    first_year: int,
    last_year: int,
    version: str,
    exceptions: tuple[CalendarDay, ...],
    office: dict[date, Correction],
) -> WorkingCalendar:
    base = date(first_year, 1, 1).toordinal()
    end = date(last_year, 12, 31).toordinal()
    # Ordinal 1 (1 January of year 1) was a Monday.
    flags = bytearray(
        1 if (ordinal - 1) % 7 < SATURDAY else 0 for ordinal in range(base, end + 1)
    )
    for day in exceptions:
        flags[day.on.toordinal() - base] = 1 if day.working else 0
    counts: list[int] = []
    working: list[int] = []
    for index, flag in enumerate(flags):
        if flag:
            working.append(base + index)
        counts.append(len(working))
    return WorkingCalendar(
        first_year=first_year,
        last_year=last_year,
        package_version=version,
        exceptions=exceptions,
        corrections=tuple(office[on] for on in sorted(office)),
        _base=base,
        _flags=bytes(flags),
        _counts=tuple(counts),
        _working=tuple(working),
    )


@cache
def _package_years(first_year: int, last_year: int) -> _PackageYears:
    """What the package says for these years, once per process: read from
    its snapshot when it holds them (``domain.holiday_snapshot``), else
    computed."""
    from domain import holiday_snapshot

    kept = holiday_snapshot.read(first_year, last_year)
    if isinstance(kept, _PackageYears):
        return kept
    return computed_package_years(first_year, last_year)


def package_years_of(**fields: Any) -> _PackageYears:
    """``_PackageYears`` from plain values (the snapshot's)."""
    return _PackageYears(**fields)


def computed_package_years(first_year: int, last_year: int) -> _PackageYears:
    """What the package says for these years: ``holidays`` is imported here
    so that commands without working days never load it."""
    import holidays

    years = range(first_year, last_year + 1)
    vietnamese = holidays.country_holidays("VN", years=years, language="vi")
    english = holidays.country_holidays("VN", years=years, language="en_US")
    names = {d: (name, english.get(d, name)) for d, name in vietnamese.items()}
    freed: dict[date, date] = {}  # make-up day -> the weekday it frees
    for day, name in vietnamese.items():
        if match := _SUBSTITUTED.match(name):
            made_up = date(*map(int, reversed(match.group(1).split("/"))))
            freed[made_up] = day
            # The package's English label writes the date month first.
            names[day] = (name, f"Day off (worked instead on {show_date(made_up)})")
    weekend_working = {
        d: freed.get(d)
        for d in sorted(vietnamese.weekend_workdays)
        if first_year <= d.year <= last_year
    }
    return _PackageYears(
        version=holidays.__version__,
        days_off=names,
        weekend_working=weekend_working,
        moved=frozenset(freed.values()) | frozenset(weekend_working),
    )


def _make_up_names(freed: date | None) -> tuple[str, str]:
    if freed is None:
        return "Ngày làm bù", "Make-up working day"
    return (
        f"Ngày làm bù (cho ngày nghỉ {show_date(freed)})",
        f"Make-up working day (for the day off on {show_date(freed)})",
    )
