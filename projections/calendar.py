"""The calendar read model: the Office's corrections to the working-day
calendar, and the calendar as the read models know it
(``domain.working_days``).

``calendar_days`` holds one row per correction recorded, in log order, with
its date, whether the Office works that day, its reason and its document.
Its rows depend on the calendar's own events only, made by pure code, so the
projection, the rebuild and ``verify --read-models`` make the same rows. The
package's holidays are not stored: ``load_calendar`` starts from them and
applies the rows on top, so a report as known at a past moment counts on
the calendar as known then.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from database.plain_sql import PlainSQL
from domain.record_ids import CALENDAR_ID
from projections.tables import CALENDAR, CALENDAR_TABLES, definitions

if TYPE_CHECKING:  # loaded when a calendar is asked for, not on every write
    from domain.working_days import Correction, WorkingCalendar

CALENDAR_COLUMNS = ("position", "day", "working", "reason", "document")
Row = tuple[Any, ...]


def calendar_rows(events: Sequence[Any], positions: Sequence[int]) -> list[Row]:
    """The rows these events make: one per correction, other events (the
    tasks', the directory's, the calendar's opening) ignored. The calendar's
    events are known by their aggregate and their ``office_day``
    (``CalendarRecord.Event``)."""
    rows: list[Row] = []
    for event, position in zip(events, positions, strict=True):
        if event.originator_id != CALENDAR_ID or not hasattr(event, "office_day"):
            continue
        day = event.office_day()
        if day is None:
            continue
        rows.append(
            (position, day.on.isoformat(), day.working, day.reason, day.document)
        )
    return rows


class CalendarReadModel:
    """Applies the calendar's events; its rows are inserted, never changed."""

    tables = CALENDAR_TABLES
    definitions = staticmethod(definitions)

    def apply(
        self, sql: PlainSQL, events: Sequence[Any], positions: Sequence[int]
    ) -> None:
        insert_calendar_rows(sql, calendar_rows(events, positions))


def insert_calendar_rows(sql: PlainSQL, rows: Sequence[Row]) -> None:
    if rows:
        sql.insert_many(CALENDAR, CALENDAR_COLUMNS, list(rows))


def office_days(sql: PlainSQL) -> list[tuple[date, bool, str, str]]:
    """The corrections as the read models hold them, in log order: date,
    working, reason, document."""
    rows = sql.rows(
        f"SELECT day, working, reason, document FROM {CALENDAR} ORDER BY position"
    )
    return [(_day(on), bool(working), r, d) for on, working, r, d in rows]


def load_calendar(sql: PlainSQL) -> WorkingCalendar:
    """The working-day calendar at the read models' position, on ``sql``:
    the package's, with the Office's corrections applied in log order."""
    from domain.working_days import Correction

    corrections = tuple(
        Correction(on, working, reason) for on, working, reason, _ in office_days(sql)
    )
    return calendar_with(corrections)


@lru_cache(maxsize=8)
def calendar_with(corrections: tuple[Correction, ...]) -> WorkingCalendar:
    """``vietnam_calendar`` of these corrections, built once per process: a
    report asks for it on every run, and the corrections rarely change (the
    package's part is itself computed once, ``domain.working_days``)."""
    from domain.working_days import vietnam_calendar

    return vietnam_calendar(corrections)


def _day(value: Any) -> date:
    """A stored date: ``date`` from PostgreSQL, ISO text from SQLite."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def calendar_listing(sql: PlainSQL, year: int) -> dict[str, Any]:
    """The JSON contract of ``calendar show``: the year's dates that are not
    what their weekday says (weekdays off, weekend days worked), each with
    its names and source and, for the Office's own, its document; where the
    year's data comes from; and which years the calendar knows."""
    from domain.working_days import Correction

    days = office_days(sql)
    calendar = calendar_with(
        tuple(Correction(on, working, reason) for on, working, reason, _ in days)
    )
    documents = {on: document for on, _, _, document in days}  # the latest
    listed = [
        {
            "date": day.on.isoformat(),
            "working": day.working,
            "name_vi": day.name_vi,
            "name_en": day.name_en,
            "office": day.source == "office",
            "source": day.source,
            "document": documents.get(day.on) if day.source == "office" else None,
        }
        for day in calendar.exceptions_in(year)
    ]
    sources = calendar.sources()
    this = calendar.source_of(year)
    return {
        "year": year,
        "days": listed,
        "source": {
            "package": this.package,
            "package_moved_days": this.package_moved_days,
            "office_days_off": this.office_days_off,
            "office_working_days": this.office_working_days,
        },
        "known_years": {"first": calendar.first_year, "last": calendar.last_year},
        "package_moved_days_years": [s.year for s in sources if s.package_moved_days],
        "office_years": [
            s.year for s in sources if s.office_days_off or s.office_working_days
        ],
    }
