"""The Office's two reports, answered from the task read model by SQL.

Both are range queries on spans of the task timeline (the span covering the
date asked about): the period report on ``task_status_spans``, the overdue
list on ``overdue_entries``, the spans in which a task is overdue, kept in the
list's order with each entry rendered. Nothing is replayed, and "overdue" is
computed from the date, never read from a stored flag. The queries are plain
SQL (``plain_sql``), run by the application and by the read-only report path
alike.

Names are grouped as the directory (``domain.directory``) knows them: the SQL
groups by the names as typed, which are few, and this module folds them into
official names and source groups, so that "Sở tư pháp" and "STP" are one row
and the form's central tasks are counted apart from the province's own; names
the directory does not know fold too, under one spelling each
(``domain.directory.Names``). The directory is loaded inside the query, so a
report as known at a past moment uses the directory as known then.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from database.plain_sql import LIKE_ESCAPE, PlainSQL, as_date, contains_pattern
from domain.directory import SOURCES, Directory, Names
from domain.rules import Roll
from domain.text import fold
from domain.working_days import WorkingCalendar
from projections.calendar import load_calendar
from projections.day_counts import WorkingDays
from projections.directory import load_directory
from projections.figures import Figures, Groups, PeriodReport, SourceSection
from projections.json_text import (
    MARKED_ENTRY,
    OPEN_ENTRY,
    EncodedJSON,
    reminded,
)
from projections.overdue_names import by_agency_shown, with_assigners_shown
from projections.rolled_deadlines import reclassified, rules_of, still_overdue
from projections.tables import (
    CONFIRMED,
    COVERING,
    OVERDUE,
    SPANS,
    TASKS,
    covering,
)
from projections.week_changes import left_since

FIGURES = ("assigned", "on_time", "late", "overdue", "in_progress")
AGE_THRESHOLDS = (30, 60, 120)
SOURCE_CHOICES = (*SOURCES, "all")


GROUP_COLUMNS = {"agency": "s.lead_agency", "assigner": "s.assigner"}


def _agency(agency: str | None, table: str = "s") -> tuple[str, dict[str, str]]:
    """The SQL condition on ``table`` and its parameter for a
    diacritics-insensitive agency."""
    if not agency:
        return "", {}
    condition = f" AND {table}.agency_key LIKE :agency ESCAPE '{LIKE_ESCAPE}'"
    return condition, {"agency": contains_pattern(fold(agency))}


def period_report(
    sql: PlainSQL,
    start: date,
    end: date,
    as_of: date,
    by: str | None = None,
    source: str = "all",
    directory: Directory | None = None,
    roll: Roll | None = None,
) -> PeriodReport:
    """Tasks assigned from ``start`` to ``end``, classified on ``as_of``, of
    one source group or of all (``source``), one section per group present.

    ``directory``: the read models' by default; ``roll``: ``rolled_deadlines``."""
    if source not in SOURCE_CHOICES:
        raise ValueError(f"unknown source group {source!r}")
    directory = directory if directory is not None else load_directory(sql)
    rows = _rows_by_assigner(sql, start, end, as_of, by)
    if roll is not None:
        query = (GROUPED.get(by or "", "s.assigner, "), PERIOD, CONFIRMED)
        rows = reclassified(sql, rows, query, roll, as_of=as_of, start=start, end=end)
    return _tally(
        rows, by, source, directory, PeriodReport(start, end, as_of, Figures())
    )


# The spans on ``:as_of`` of the tasks assigned in the period.
PERIOD = f"FROM {SPANS} s WHERE {COVERING} AND s.assigned_on BETWEEN :start AND :end"
# The columns the period report groups by, the assigner's always first.
GROUPED = {"agency": f"s.assigner, {GROUP_COLUMNS['agency']}, "}


def _rows_by_assigner(
    sql: PlainSQL, start: date, end: date, as_of: date, by: str | None
) -> list[tuple[Any, ...]]:
    """(assigner, [agency,] status, count, without deadline, awaiting
    confirmation) of the tasks assigned in the period, by the names as
    typed."""
    grouped = GROUPED.get(by or "", "s.assigner, ")
    return sql.rows(
        f"SELECT {grouped}s.status, count(*),"
        " sum(CASE WHEN s.status = 'in_progress' AND s.due_on IS NULL"
        " THEN 1 ELSE 0 END),"
        f" sum(CASE WHEN s.status IN ('on_time', 'late') AND NOT {CONFIRMED}"
        " THEN 1 ELSE 0 END)"
        f" {PERIOD} GROUP BY {grouped}s.status",
        as_of=as_of,
        start=start,
        end=end,
    )


def _tally(
    rows: Sequence[tuple[Any, ...]],
    by: str | None,
    source: str,
    directory: Directory,
    report: PeriodReport,
) -> PeriodReport:
    """``report`` with the rows counted in, folded through ``directory``:
    its totals, its groups, one section per source group present."""
    assigners = Names(directory, "assigner", _uses(rows, 0))
    agencies = Names(directory, "agency", _uses(rows, 1) if by == "agency" else {})
    groups: dict[str, Figures] = {}
    sections: dict[str, tuple[Figures, dict[str, Figures]]] = {}
    for row in rows:
        assigner = row[0]
        group_of = directory.source_of(assigner)
        if source != "all" and group_of != source:
            continue
        name = None
        if by == "agency":
            name = agencies(row[1])
        elif by == "assigner":
            name = assigners(assigner)
        counts = row[-4:]
        section_totals, section_groups = sections.setdefault(group_of, (Figures(), {}))
        for figures in (report.totals, section_totals):
            _add(figures, *counts)
        if name is not None:
            for named in (groups, section_groups):
                _add(named.setdefault(name, Figures()), *counts)
    report.groups = _ordered(groups)
    report.source = source
    report.sections = [
        SourceSection(key, sections[key][0], _ordered(sections[key][1]))
        for key in SOURCES
        if key in sections
    ]
    report.unknown = assigners.unknown
    return report


def _uses(rows: Sequence[tuple[Any, ...]], column: int) -> Counter[str]:
    """How many tasks of the period use each name of ``column`` (its counts
    are the rows' ``count(*)``), whichever source group they count in."""
    uses: Counter[str] = Counter()
    for row in rows:
        uses[row[column]] += int(row[-3])
    return uses


def _ordered(groups: dict[str, Figures]) -> Groups:
    return sorted(groups.items(), key=lambda item: (-item[1].assigned, item[0]))


def _add(
    figures: Figures, status: str, count: int, without_deadline: int, awaiting: int
) -> None:
    setattr(figures, status, getattr(figures, status) + int(count))
    figures.no_deadline += int(without_deadline or 0)
    figures.awaiting_confirmation += int(awaiting or 0)


# The entries of the list on ``as_of``, in key order (see the table's
# definition).
OVERDUE_ON = f"FROM {OVERDUE} o WHERE {covering('o')}"


@dataclass(frozen=True)
class OverdueList:
    """The overdue list on a date: ``entries`` is the JSON array in UTF-8,
    ``summary`` counts them by age."""

    entries: EncodedJSON
    summary: dict[str, int | str]


def _overdue_rows(
    sql: PlainSQL, as_of: date, agency: str | None, since: date | None = None
) -> list[tuple[Any, ...]]:
    """(agency as typed, due day, code, entry) of the list on ``as_of``, in
    UTF-8, ordered by the three; each entry marked ``new`` or not when
    ``since`` is given, and open at its end (``_overdue_of`` closes it)."""
    condition, parameters = _agency(agency, "o")
    if since is not None:
        parameters["since"] = since
    return sql.utf8_rows(
        "SELECT o.lead_agency, o.due_day, o.code,"
        f" {OPEN_ENTRY if since is None else MARKED_ENTRY}"
        f" {OVERDUE_ON}{condition}"
        " ORDER BY o.lead_agency, o.due_day, o.code",
        as_of=as_of,
        today=as_of.toordinal(),
        **parameters,
    )


def _gone(sql: PlainSQL, as_of: date, agency: str | None, since: date) -> list[str]:
    """The tasks in the list on ``since`` and not on ``as_of``: their span
    overdue then ended by ``as_of``, and no other covers it."""
    condition, parameters = _agency(agency, "p")
    return [
        task
        for (task,) in sql.rows(
            f"SELECT p.task_id FROM {OVERDUE} p"
            " WHERE p.valid_from <= :since AND p.valid_until > :since"
            f" AND p.valid_until <= :as_of{condition}"
            f" AND NOT EXISTS (SELECT 1 FROM {OVERDUE} o"
            f" WHERE o.task_id = p.task_id AND {covering('o')})",
            since=since,
            as_of=as_of,
            **parameters,
        )
    ]


def _typed(rows: Sequence[tuple[Any, ...]]) -> Counter[str]:
    """How many of ``rows`` name each agency as typed (their first column, in
    UTF-8 as the overdue list reads it, or text)."""
    counted = Counter(row[0] for row in rows)
    return Counter(
        {
            name.decode() if isinstance(name, bytes) else name: n
            for name, n in counted.items()
        }
    )


def _overdue_of(
    rows: Sequence[tuple[Any, ...]],
    as_of: date,
    agencies: Names,
    calendar: WorkingCalendar,
    age_in: str = "days",
) -> OverdueList:
    """The list's entries, each closed with its working days overdue, and
    their ages in calendar days or, asked, in working days (a due date the
    calendar does not know keeps its calendar days there)."""
    today = as_of.toordinal()
    working = WorkingDays(calendar, as_of)
    tails = {day: working.overdue_tail(day) for day in {row[1] for row in rows}}
    entries = most_first(by_agency_shown(rows, agencies), tails)
    if age_in == "working-days":
        ages = [(working.since(row[1]), today - row[1]) for row in rows]
        days = [calendar_days if n is None else n for n, calendar_days in ages]
    else:
        days = [today - row[1] for row in rows]
    return OverdueList(
        with_assigners_shown(entries, agencies.directory),
        {**age_summary(sorted(days)), "age_in": age_in},
    )


def most_first(rows: Sequence[tuple[Any, ...]], tails: dict[int, bytes]) -> EncodedJSON:
    """The JSON array of the entries of rows ordered by their first column
    (the agency), each closed with its due day's tail (the second): agencies
    with the most rows first, each (and those with as many) in its order.
    Joined once: a province's list is megabytes, and each copy counts."""
    groups: dict[Any, list[tuple[Any, ...]]] = {}
    for row in rows:
        group = groups.get(row[0])
        if group is None:
            group = groups[row[0]] = []
        group.append(row)
    ordered = sorted(groups.values(), key=len, reverse=True)  # stable
    parts = [p for g in ordered for row in g for p in (b", ", row[-1], tails[row[1]])]
    parts[:1] = [b"["]  # the first entry's separator, or the empty list's
    parts.append(b"]")
    return EncodedJSON(b"".join(parts))


def age_summary(days_overdue: Sequence[int]) -> dict[str, int]:
    """How many are overdue, and more than 30, 60 and 120 days, as reports
    read (``days_overdue`` in ascending order)."""
    return {
        "total": len(days_overdue),
        **{
            f"over_{days}": len(days_overdue) - bisect_right(days_overdue, days)
            for days in AGE_THRESHOLDS
        },
    }


def _due_soon_rows(
    sql: PlainSQL, as_of: date, days: int, agency: str | None
) -> list[tuple[Any, ...]]:
    """(agency as typed, code, title, document, due date, reminder fields)
    of the tasks due soon."""
    condition, parameters = _agency(agency)
    return sql.rows(
        "SELECT s.lead_agency, v.code, v.title, v.document, s.due_on,"
        f" {reminded('s')}"
        f" FROM {SPANS} s JOIN {TASKS} v ON v.task_id = s.task_id"
        f" WHERE {COVERING} AND s.status = 'in_progress'"
        " AND s.assigned_on <= :as_of"
        f" AND s.due_on >= :as_of AND s.due_on <= :until{condition}"
        " ORDER BY s.due_on, s.lead_agency, v.code",
        as_of=as_of,
        until=as_of + timedelta(days=days),
        **parameters,
    )


def _due_soon_of(
    rows: Sequence[tuple[Any, ...]], as_of: date, agencies: Names, working: WorkingDays
) -> list[dict[str, Any]]:
    answer = []
    for agency_name, code, title, document, due_on, reminders in rows:
        due = as_date(due_on)
        assert due is not None  # the query asks for a due date
        answer.append(
            {
                "code": code,
                "title": title,
                "agency": agencies(agency_name),
                "document": document,
                "due_on": due.isoformat(),
                "days_left": (due - as_of).days,
                "working_days_left": working.until(due),
                **json.loads("{" + reminders + "}"),
            }
        )
    # by the agency shown: spellings folded into one keep together
    answer.sort(key=lambda row: (row["due_on"], row["agency"], row["code"]))
    return answer


def overdue_answer(
    sql: PlainSQL,
    as_of: date,
    due_within: int | None,
    agency: str | None,
    *,
    encoded: bool = False,
    directory: Directory | None = None,
    since: date | None = None,
    age_in: str = "days",
    roll: Roll | None = None,
) -> dict[str, Any]:
    """The weekly list as the JSON contract has it (without the fingerprint);
    ``encoded``: the list itself as ``EncodedJSON``, for a JSON answer. Its
    two lists show an agency the directory does not know under one spelling,
    counted over both. ``since``: the week's changes too, each entry marked
    ``new`` or not, and the tasks that ``left`` the list (``week_changes``).
    Days are counted in calendar days and in working days, on the calendar
    as the read models hold it; ``age_in``: which of the two the summary's
    ages use (``days`` or ``working-days``); ``roll``: ``rolled_deadlines``."""
    directory = directory if directory is not None else load_directory(sql)
    calendar = load_calendar(sql)
    late = _overdue_rows(sql, as_of, agency, since)
    if roll is not None:
        late = still_overdue(late, as_of, roll)
    soon = (
        _due_soon_rows(sql, as_of, due_within, agency) if due_within is not None else []
    )
    agencies = Names(directory, "agency", _typed(late) + _typed(soon))
    overdue = _overdue_of(late, as_of, agencies, calendar, age_in)
    answer = {
        "as_of": as_of.isoformat(),
        "overdue": overdue.entries if encoded else json.loads(overdue.entries),
        "due_soon": _due_soon_of(soon, as_of, agencies, WorkingDays(calendar, as_of)),
        "summary": overdue.summary,
        "rules": rules_of(roll),
    }
    if since is not None:
        answer["since"] = since.isoformat()
        gone = _gone(sql, as_of, agency, since)
        answer["left"] = left_since(sql, since, as_of, agency, directory, gone)
    return answer
