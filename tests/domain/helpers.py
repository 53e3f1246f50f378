"""Build tasks the way the application does, with a fixed today."""

from __future__ import annotations

from datetime import date

from domain.task import Task

TODAY = date(2026, 11, 23)


def d(text: str) -> date:
    """``d("14/02/2023")``: dates in tests read like the Office writes them."""
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


def new_task(
    assigned: str = "14/02/2023", due: str | None = "31/03/2023", code: str = "NV-1"
) -> Task:
    return Task.assign(
        code=code,
        title="Rà soát thủ tục hành chính",
        assigner="UBND tỉnh",
        lead_agency="Sở Tư pháp",
        assigned_on=d(assigned),
        due_on=d(due) if due else None,
        document="495/UBND-TTHC ngày 14/02/2023",
        co_agencies=[],
        actor="tester",
        today=TODAY,
    )


def complete(task: Task, on: str) -> None:
    task.complete(on=d(on), document="", actor="tester", today=TODAY)


def extend(task: Task, to: str, on: str) -> None:
    task.extend_deadline(
        to=d(to), on=d(on), reason="", document="", actor="tester", today=TODAY
    )
