"""Reports with a deadline on a day off ending at the next working day.

The Civil Code (2015, art. 148) ends a time limit that falls on a weekend or
holiday at the end of the next working day. The stored spans read deadlines
as written (``domain.rules.status_spans``), so that they stay a pure
function of the events; an Office that applies the article has the reports
correct the few spans it touches when they answer, on the calendar at the
same log position, so a calendar correction or a change of the setting
needs no rebuild. The longest run of days off (Tết) is under ``WINDOW``: a
deadline further back than that has rolled past already.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from database.plain_sql import PlainSQL, as_date
from domain.rules import Roll, Status
from domain.working_days import CountRunsOut, WorkingCalendar
from projections.task_rows import TaskView

WINDOW = timedelta(days=14)
Row = tuple[Any, ...]


def roll_of(calendar: WorkingCalendar) -> Roll:
    """The day a deadline ends on, by ``calendar``: the next working day from
    it; a deadline in a year the calendar does not know ends as written."""

    def roll(due: date) -> date:
        if not calendar.covers(due):
            return due
        try:
            return calendar.next_working_day(due)
        except CountRunsOut:
            return due

    return roll


def rules_of(roll: Roll | None) -> dict[str, bool]:
    """Which rule a report used, as its JSON says it."""
    return {"deadline_rolls_to_working_day": roll is not None}


def _within(sql: PlainSQL, column: str) -> str:
    """``column`` plus ``WINDOW``, in the database's own date arithmetic."""
    days = WINDOW.days
    if sql.is_sqlite:
        return f"date({column}, '+{days} days')"
    return f"({column} + {days})"


def reclassified(
    sql: PlainSQL,
    rows: Sequence[Row],
    query: tuple[str, str, str],
    roll: Roll,
    **parameters: date,
) -> list[Row]:
    """The period report's ``rows`` (group columns, status, count, without
    deadline, awaiting confirmation) with each overdue task whose deadline
    has not ended by ``roll`` counted in progress, and each late completion
    made by the rolled deadline counted on time.

    ``query``: the group columns, the spans' condition and the condition
    that a completion was confirmed, as ``projections.reports`` writes them."""
    grouped, where, confirmed = query
    as_of = parameters["as_of"]
    candidates = sql.rows(
        f"SELECT {grouped}s.status, s.due_on, s.completed_on,"
        f" CASE WHEN s.status = 'late' AND NOT {confirmed} THEN 1 ELSE 0 END"
        f" {where} AND ((s.status = 'overdue' AND s.due_on >= :earliest)"
        f" OR (s.status = 'late' AND s.completed_on <= {_within(sql, 's.due_on')}))",
        earliest=as_of - WINDOW,
        **parameters,
    )
    counts = {tuple(row[:-3]): [int(n or 0) for n in row[-3:]] for row in rows}
    for *group, status, due_on, completed_on, awaiting in candidates:
        due = as_date(due_on)
        assert due is not None  # overdue and late spans have a deadline
        ends = roll(due)
        if status == "overdue" and as_of <= ends:
            moved = "in_progress"
        elif status == "late" and (as_date(completed_on) or date.max) <= ends:
            moved = "on_time"
        else:
            continue
        _move(counts, tuple(group), status, moved, int(awaiting))
    return [(*key, *values) for key, values in counts.items() if values[0] > 0]


def _move(
    counts: dict[tuple[Any, ...], list[int]],
    group: tuple[Any, ...],
    status: str,
    moved: str,
    awaiting: int,
) -> None:
    """One task counted under ``moved`` instead of ``status``."""
    source = counts[(*group, status)]
    source[0] -= 1
    source[2] -= awaiting
    target = counts.setdefault((*group, moved), [0, 0, 0])
    target[0] += 1
    target[2] += awaiting


def still_overdue(rows: Sequence[Row], as_of: date, roll: Roll) -> list[Row]:
    """The overdue list's rows (agency, due day's ordinal, ...) whose
    deadline has ended by ``roll`` on ``as_of``."""
    recent = as_of.toordinal() - WINDOW.days
    return [
        row for row in rows if row[1] < recent or as_of > roll(date.fromordinal(row[1]))
    ]


AWAITING = "awaiting-confirmation"  # as ``projections.tasks`` lists it
# The stored status a rolled one may come from: ask the listing for both.
ROLLED_FROM = {"in_progress": "overdue", "on_time": "late"}


def rolled_listing(
    listing: Callable[..., list[TaskView]],
    as_of: date,
    roll: Roll,
    statuses: Sequence[str] = (),
    **filters: Any,
) -> list[TaskView]:
    """``listing`` (``TaskReadModel.listing``) with the rolled statuses: a
    task overdue by its deadline as written but not by its rolled one is in
    progress, a completion by the rolled deadline on time; asked for some
    statuses, the listing is asked for those they may come from too, and
    answers with the rows that have them after rolling."""
    asked = tuple(statuses)
    sources = [ROLLED_FROM[status] for status in asked if status in ROLLED_FROM]
    widened = tuple(dict.fromkeys((*asked, *sources)))
    views = listing(statuses=widened, **filters)
    views = [_rolled(view, as_of, roll) for view in views]
    if not asked:
        return views
    completed = (Status.ON_TIME, Status.LATE)
    return [
        view
        for view in views
        if str(view.status) in asked or (AWAITING in asked and view.status in completed)
    ]


def _rolled(view: TaskView, as_of: date, roll: Roll) -> TaskView:
    due = view.due_on
    if due is None:
        return view
    if view.status is Status.OVERDUE and as_of <= roll(due):
        return replace(
            view,
            status=Status.IN_PROGRESS,
            days_overdue=None,
            working_days_overdue=None,
            days_left=(roll(due) - as_of).days,
        )
    done = view.completed_on
    if view.status is Status.LATE and done is not None and done <= roll(due):
        return replace(view, status=Status.ON_TIME)
    return view
