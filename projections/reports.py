"""The Office's two reports, answered from the task read model by SQL.

Both are range queries on spans of the task timeline (the span covering the
date asked about): the period report on ``task_status_spans``, the overdue
list on ``overdue_entries``, the spans in which a task is overdue, kept in the
list's order with each entry rendered. Nothing is replayed, and "overdue" is
computed from the date, never read from a stored flag. The queries are plain
SQL (``plain_sql``), run by the application and by the read-only report path
alike.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from database.plain_sql import LIKE_ESCAPE, PlainSQL, as_date, contains_pattern
from domain.text import fold
from projections.json_text import CLOSED_ENTRY, EncodedJSON, joined
from projections.tables import OVERDUE, SPANS, TASKS

FIGURES = ("assigned", "on_time", "late", "overdue", "in_progress")
AGE_THRESHOLDS = (30, 60, 120)


@dataclass
class Figures:
    """The form's figures: assigned = on_time + late + overdue + in_progress."""

    on_time: int = 0
    late: int = 0
    overdue: int = 0
    in_progress: int = 0
    no_deadline: int = 0
    cancelled: int = 0

    @property
    def assigned(self) -> int:
        return self.on_time + self.late + self.overdue + self.in_progress

    def as_dict(self) -> dict[str, int]:
        return {"assigned": self.assigned, **asdict(self)}


@dataclass
class PeriodReport:
    start: date
    end: date
    as_of: date
    totals: Figures
    groups: list[tuple[str, Figures]] = field(default_factory=list)
    ledger: Any = None  # the fingerprint of the log position it reflects
    behind: int = 0  # events recorded beyond that position, not yet applied


def covering(table: str) -> str:
    """The condition on ``table``'s spans that keeps, of each task, the one
    span covering the date asked about (``:as_of``)."""
    return f"{table}.valid_from <= :as_of AND {table}.valid_until > :as_of"


COVERING = covering("s")
GROUP_COLUMNS = {"agency": "s.lead_agency", "assigner": "s.assigner"}


def _agency(agency: str | None, table: str = "s") -> tuple[str, dict[str, str]]:
    """The SQL condition on ``table`` and its parameter for a
    diacritics-insensitive agency."""
    if not agency:
        return "", {}
    condition = f" AND {table}.agency_key LIKE :agency ESCAPE '{LIKE_ESCAPE}'"
    return condition, {"agency": contains_pattern(fold(agency))}


def period_report(
    sql: PlainSQL, start: date, end: date, as_of: date, by: str | None = None
) -> PeriodReport:
    """Tasks assigned from ``start`` to ``end``, classified on ``as_of``."""
    group = GROUP_COLUMNS.get(by or "")
    grouped = f"{group}, " if group else ""
    rows = sql.rows(
        f"SELECT {grouped}s.status, count(*),"
        " sum(CASE WHEN s.status = 'in_progress' AND s.due_on IS NULL"
        " THEN 1 ELSE 0 END)"
        f" FROM {SPANS} s WHERE {COVERING}"
        " AND s.assigned_on >= :start AND s.assigned_on <= :end"
        f" GROUP BY {grouped}s.status",
        as_of=as_of,
        start=start,
        end=end,
    )
    totals = Figures()
    groups: dict[str, Figures] = {}
    for row in rows:
        if group:
            name, status, count, without_deadline = row
            _add(groups.setdefault(name, Figures()), status, count, without_deadline)
        else:
            status, count, without_deadline = row
        _add(totals, status, count, without_deadline)
    ordered = sorted(groups.items(), key=lambda item: (-item[1].assigned, item[0]))
    return PeriodReport(start, end, as_of, totals, ordered)


def _add(figures: Figures, status: str, count: int, without_deadline: int) -> None:
    setattr(figures, status, getattr(figures, status) + int(count))
    figures.no_deadline += int(without_deadline or 0)


# The entries of the list on ``as_of``, in key order (see the table's
# definition).
OVERDUE_ON = f"FROM {OVERDUE} o WHERE {covering('o')}"


@dataclass(frozen=True)
class OverdueList:
    """The overdue list on a date: ``entries`` is the JSON array in UTF-8,
    ``summary`` counts them by age."""

    entries: EncodedJSON
    summary: dict[str, int]


def overdue_list(sql: PlainSQL, as_of: date, agency: str | None = None) -> OverdueList:
    """Open tasks past their deadline in force: by lead agency, those with the
    most first; within one, most overdue first, then by code.

    The database closes each stored entry and hands it over undecoded; this
    process only puts the agencies in order and joins the entries, rather
    than decoding and encoding a province's list again.
    """
    condition, parameters = _agency(agency, "o")
    today = as_of.toordinal()
    rows = sql.utf8_rows(
        f"SELECT o.lead_agency, o.due_day, {CLOSED_ENTRY} {OVERDUE_ON}{condition}"
        " ORDER BY o.lead_agency, o.due_day, o.code",
        as_of=as_of,
        today=today,
        **parameters,
    )
    return OverdueList(
        joined(most_first(rows)),
        age_summary(sorted(today - row[1] for row in rows)),
    )


def most_first(rows: Sequence[tuple[Any, ...]]) -> list[Any]:
    """The last items of rows that come ordered by their first (the agency):
    agencies with the most rows first, each keeping its rows' order (and
    agencies with as many, theirs)."""
    groups: dict[Any, list[Any]] = {}
    for row in rows:
        group = groups.get(row[0])
        if group is None:
            group = groups[row[0]] = []
        group.append(row[-1])
    ordered = sorted(groups.values(), key=len, reverse=True)  # stable
    return [item for group in ordered for item in group]


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


def due_soon(
    sql: PlainSQL, as_of: date, days: int, agency: str | None = None
) -> list[dict[str, Any]]:
    """Open tasks within deadline that fall due in the next ``days`` days
    (tasks assigned by ``as_of``: one assigned later was not due then)."""
    condition, parameters = _agency(agency)
    rows = sql.rows(
        "SELECT v.code, v.title, s.lead_agency, s.due_on"
        f" FROM {SPANS} s JOIN {TASKS} v ON v.task_id = s.task_id"
        f" WHERE {COVERING} AND s.status = 'in_progress'"
        " AND s.assigned_on <= :as_of"
        f" AND s.due_on >= :as_of AND s.due_on <= :until{condition}"
        " ORDER BY s.due_on, s.lead_agency, v.code",
        as_of=as_of,
        until=as_of + timedelta(days=days),
        **parameters,
    )
    answer = []
    for code, title, agency_name, due_on in rows:
        due = as_date(due_on)
        assert due is not None  # the query asks for a due date
        answer.append(
            {
                "code": code,
                "title": title,
                "agency": agency_name,
                "due_on": due.isoformat(),
                "days_left": (due - as_of).days,
            }
        )
    return answer


def overdue_answer(
    sql: PlainSQL,
    as_of: date,
    due_within: int | None,
    agency: str | None,
    *,
    encoded: bool = False,
) -> dict[str, Any]:
    """The weekly list as the JSON contract has it (without the fingerprint);
    ``encoded``: the list itself as ``EncodedJSON``, for a JSON answer."""
    overdue = overdue_list(sql, as_of, agency)
    soon = due_soon(sql, as_of, due_within, agency) if due_within is not None else []
    return {
        "as_of": as_of.isoformat(),
        "overdue": overdue.entries if encoded else json.loads(overdue.entries),
        "due_soon": soon,
        "summary": overdue.summary,
    }
