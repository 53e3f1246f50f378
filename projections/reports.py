"""The Office's two reports, answered from the task read model by SQL.

Both are range queries on ``task_status_spans`` (the span covering the date
asked about) joined to ``tasks_view``: nothing is replayed, and "overdue" is
computed from the date, never read from a stored flag.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, select

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

from domain.text import fold
from projections.tasks import task_status_spans as spans
from projections.tasks import tasks_view as tasks

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


def _covering(as_of: date) -> Any:
    """The one span of each task that covers ``as_of``."""
    return and_(spans.c.valid_from <= as_of, spans.c.valid_until > as_of)


def _with_task() -> Any:
    return spans.join(tasks, tasks.c.task_id == spans.c.task_id)


def period_report(
    connection: Connection, start: date, end: date, as_of: date, by: str | None = None
) -> PeriodReport:
    """Tasks assigned from ``start`` to ``end``, classified on ``as_of``."""
    group_column = {"agency": spans.c.lead_agency, "assigner": spans.c.assigner}.get(
        by or ""
    )
    no_deadline = func.sum(
        case(
            (and_(spans.c.status == "in_progress", spans.c.due_on.is_(None)), 1),
            else_=0,
        )
    )
    columns = [spans.c.status, func.count(), no_deadline]
    if group_column is not None:
        columns.insert(0, group_column)
    query = (
        select(*columns)
        .where(_covering(as_of))
        .where(spans.c.assigned_on >= start, spans.c.assigned_on <= end)
        .group_by(*([group_column] if group_column is not None else []), spans.c.status)
    )
    totals = Figures()
    groups: dict[str, Figures] = {}
    for row in connection.execute(query):
        if group_column is not None:
            name, status, count, without_deadline = row
            _add(groups.setdefault(name, Figures()), status, count, without_deadline)
        else:
            status, count, without_deadline = row
        _add(totals, status, count, without_deadline)
    ordered = sorted(groups.items(), key=lambda item: (-item[1].assigned, item[0]))
    return PeriodReport(start, end, as_of, totals, ordered)


def _add(figures: Figures, status: str, count: int, without_deadline: int) -> None:
    setattr(figures, status, getattr(figures, status) + count)
    figures.no_deadline += int(without_deadline or 0)


def _agency_filter(query: Any, agency: str | None) -> Any:
    if agency:
        return query.where(spans.c.agency_key.contains(fold(agency), autoescape=True))
    return query


def overdue_tasks(
    connection: Connection, as_of: date, agency: str | None = None
) -> list[dict[str, Any]]:
    """Open tasks past their deadline in force, by agency, most overdue first."""
    query = (
        select(
            tasks.c.code,
            tasks.c.title,
            spans.c.lead_agency,
            spans.c.assigner,
            tasks.c.document,
            spans.c.due_on,
        )
        .select_from(_with_task())
        .where(spans.c.status == "overdue", _covering(as_of))
    )
    # Positional unpacking: a province has tens of thousands of these rows,
    # and attribute access on result rows was most of the shaping time.
    today = as_of.toordinal()
    rows = [
        {
            "code": code,
            "title": title,
            "agency": agency_name,
            "assigner": assigner,
            "document": document,
            "due_on": due_on.isoformat(),
            "days_overdue": today - due_on.toordinal(),
        }
        for code, title, agency_name, assigner, document, due_on in connection.execute(
            _agency_filter(query, agency)
        )
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
    connection: Connection, as_of: date, days: int, agency: str | None = None
) -> list[dict[str, Any]]:
    """Open tasks within deadline that fall due in the next ``days`` days."""
    query = (
        select(tasks.c.code, tasks.c.title, spans.c.lead_agency, spans.c.due_on)
        .select_from(_with_task())
        .where(
            _covering(as_of),
            spans.c.status == "in_progress",
            spans.c.due_on >= as_of,
            spans.c.due_on <= as_of + timedelta(days=days),
        )
        .order_by(spans.c.due_on, spans.c.lead_agency, tasks.c.code)
    )
    return [
        {
            "code": row.code,
            "title": row.title,
            "agency": row.lead_agency,
            "due_on": row.due_on.isoformat(),
            "days_left": (row.due_on - as_of).days,
        }
        for row in connection.execute(_agency_filter(query, agency))
    ]


def overdue_answer(
    connection: Connection, as_of: date, due_within: int | None, agency: str | None
) -> dict[str, Any]:
    """The weekly list as the JSON contract has it (without the fingerprint)."""
    overdue = overdue_tasks(connection, as_of, agency)
    soon = (
        due_soon(connection, as_of, due_within, agency)
        if due_within is not None
        else []
    )
    return {
        "as_of": as_of.isoformat(),
        "overdue": overdue,
        "due_soon": soon,
        "summary": age_summary(overdue),
    }


def age_summary(overdue: list[dict[str, Any]]) -> dict[str, int]:
    """How many are more than 30, 60 and 120 days overdue, as reports read."""
    summary = {"total": len(overdue)}
    for threshold in AGE_THRESHOLDS:
        summary[f"over_{threshold}"] = sum(
            1 for row in overdue if row["days_overdue"] > threshold
        )
    return summary
