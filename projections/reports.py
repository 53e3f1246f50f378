"""The Office's two reports, answered from the task read model by SQL.

Both are range queries on ``task_status_spans`` (the span covering the date
asked about) joined to ``tasks_view``: nothing is replayed, and "overdue" is
computed from the date, never read from a stored flag. The queries are plain
SQL (``plain_sql``), run by the application and by the read-only report path
alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from domain.text import fold
from projections.names import SPANS, TASKS
from projections.plain_sql import LIKE_ESCAPE, PlainSQL, as_date, contains_pattern

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


# The one span of each task that covers the date asked about.
COVERING = "s.valid_from <= :as_of AND s.valid_until > :as_of"
AGENCY_FILTER = f" AND s.agency_key LIKE :agency ESCAPE '{LIKE_ESCAPE}'"
GROUP_COLUMNS = {"agency": "s.lead_agency", "assigner": "s.assigner"}


def _agency(agency: str | None) -> tuple[str, dict[str, str]]:
    """The SQL condition and parameter for a diacritics-insensitive agency."""
    if not agency:
        return "", {}
    return AGENCY_FILTER, {"agency": contains_pattern(fold(agency))}


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


def overdue_tasks(
    sql: PlainSQL, as_of: date, agency: str | None = None
) -> list[dict[str, Any]]:
    """Open tasks past their deadline in force, by agency, most overdue first."""
    condition, parameters = _agency(agency)
    today = as_of.toordinal()
    rows = [
        {
            "code": code,
            "title": title,
            "agency": agency_name,
            "assigner": assigner,
            "document": document,
            "due_on": due.isoformat(),
            "days_overdue": today - due.toordinal(),
        }
        for code, title, agency_name, assigner, document, due_on in sql.rows(
            "SELECT v.code, v.title, s.lead_agency, s.assigner, v.document, s.due_on"
            f" FROM {SPANS} s JOIN {TASKS} v ON v.task_id = s.task_id"
            f" WHERE s.status = 'overdue' AND {COVERING}{condition}",
            as_of=as_of,
            **parameters,
        )
        if (due := as_date(due_on)) is not None
    ]
    per_agency = Counter(row["agency"] for row in rows)
    rows.sort(
        key=lambda r: (
            -per_agency[r["agency"]],
            r["agency"],
            -r["days_overdue"],
            r["code"],
        )
    )
    return rows


def due_soon(
    sql: PlainSQL, as_of: date, days: int, agency: str | None = None
) -> list[dict[str, Any]]:
    """Open tasks within deadline that fall due in the next ``days`` days."""
    condition, parameters = _agency(agency)
    rows = sql.rows(
        "SELECT v.code, v.title, s.lead_agency, s.due_on"
        f" FROM {SPANS} s JOIN {TASKS} v ON v.task_id = s.task_id"
        f" WHERE {COVERING} AND s.status = 'in_progress'"
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
    sql: PlainSQL, as_of: date, due_within: int | None, agency: str | None
) -> dict[str, Any]:
    """The weekly list as the JSON contract has it (without the fingerprint)."""
    overdue = overdue_tasks(sql, as_of, agency)
    soon = due_soon(sql, as_of, due_within, agency) if due_within is not None else []
    return {
        "as_of": as_of.isoformat(),
        "overdue": overdue,
        "due_soon": soon,
        "summary": age_summary(overdue),
    }


def age_summary(overdue: list[dict[str, Any]]) -> dict[str, int]:
    """How many are more than 30, 60 and 120 days overdue, as reports read."""
    counts = Counter(
        threshold
        for row in overdue
        for threshold in AGE_THRESHOLDS
        if row["days_overdue"] > threshold
    )
    return {
        "total": len(overdue),
        **{f"over_{threshold}": counts[threshold] for threshold in AGE_THRESHOLDS},
    }
