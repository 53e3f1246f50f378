"""Bulk import of a task list: validate every row first, then record.

Each row becomes a new ``Task`` built in memory through the aggregate's own
commands, so every domain rule is checked exactly as at the terminal. A code
already in the ledger is compared with it: the same facts are skipped (a
re-import records nothing), different facts are reported, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from domain.dates import DateParseError
from domain.errors import TaskRuleError
from domain.facts import TaskFacts
from domain.task import Task, normalise_code
from domain.text import normalise
from tracker.spreadsheets import SheetRow, cell_date, cell_text

CANCEL_REASON = "Rút khỏi chương trình (theo bảng tính nhập vào)"


@dataclass(frozen=True)
class Rejected:
    row: int
    code: str
    reason: str
    values: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        code = f" ({self.code})" if self.code else ""
        return f"row {self.row}{code}: {self.reason}"


@dataclass
class ImportPlan:
    new: list[Task] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    recorded: int = 0


class ImportRefused(TaskRuleError):
    def __init__(self, rejected: Sequence[Rejected], total: int) -> None:
        super().__init__(
            f"{len(rejected)} of {total} rows cannot be imported; nothing was "
            "recorded (fix them, or use --skip-invalid to import the valid rows)."
        )
        self.rejected = list(rejected)


def build_task(row: SheetRow, actor: str, today: date) -> Task:
    """The row's task as a new aggregate; raises a readable error if invalid."""
    values = row.values

    def day(column: str, required: bool = False) -> date | None:
        try:
            parsed = cell_date(values.get(column), today)
        except DateParseError as exc:
            raise TaskRuleError(f"{column}: {exc}") from None
        if parsed is None and required:
            raise TaskRuleError(f"{column} is empty.")
        return parsed

    assigned = day("assigned", required=True)
    assert assigned is not None
    co_agencies = [
        part
        for part in cell_text(values.get("co_agencies")).replace(";", ",").split(",")
        if part.strip()
    ]
    task = Task.assign(
        code=cell_text(values.get("code")),
        title=cell_text(values.get("title")),
        assigner=cell_text(values.get("assigner")),
        lead_agency=cell_text(values.get("agency")),
        assigned_on=assigned,
        due_on=day("due"),
        document=cell_text(values.get("doc")),
        co_agencies=co_agencies,
        actor=actor,
        today=today,
    )
    completed, cancelled = day("completed"), day("cancelled")
    if completed and cancelled:
        raise TaskRuleError("a task cannot be both completed and cancelled.")
    if completed:
        task.complete(on=completed, document="", actor=actor, today=today)
    if cancelled:
        task.cancel(
            on=cancelled, reason=CANCEL_REASON, document="", actor=actor, today=today
        )
    return task


def differences(mine: TaskFacts, ledger: TaskFacts) -> list[str]:
    """Which facts of an already recorded task the row would change."""

    def show(value: object) -> str:
        if isinstance(value, date):
            return f"{value:%d/%m/%Y}"
        return str(value) if value not in (None, "", ()) else "(empty)"

    pairs = {
        "title": (mine.title, ledger.title),
        "agency": (mine.lead_agency, ledger.lead_agency),
        "assigner": (mine.assigner, ledger.assigner),
        "assigned": (mine.assigned_on, ledger.assigned_on),
        "due": (mine.original_due_on, ledger.original_due_on),
        "doc": (mine.document, ledger.document),
        "completed": (mine.completed_on, ledger.completed_on),
        "cancelled": (mine.cancelled_on, ledger.cancelled_on),
    }
    return [
        f"{name} is {show(new)} in the file but {show(old)} in the ledger"
        for name, (new, old) in pairs.items()
        if (normalise(new) if isinstance(new, str) else new)
        != (normalise(old) if isinstance(old, str) else old)
    ]


# A row with its code and its task, or the reason it cannot be one.
Built = tuple[SheetRow, str, Task | str]


def build_rows(rows: Sequence[SheetRow], actor: str, today: date) -> list[Built]:
    """Build each row's task, or keep why it cannot be built (pure: only
    ``plan_import`` needs the ledger)."""
    built: list[Built] = []
    for row in rows:
        code = normalise_code(cell_text(row.values.get("code")))
        try:
            built.append((row, code, build_task(row, actor, today)))
        except TaskRuleError as exc:
            built.append((row, code, str(exc)))
    return built


def plan_import(
    rows: Sequence[Built],
    recorded: Callable[[list[str]], dict[str, TaskFacts]],
    seen: dict[str, int] | None = None,
) -> ImportPlan:
    """Sort every built row into new, unchanged or rejected; record nothing.

    ``seen`` (code -> row number) carries the codes of earlier chunks of the
    same file, so a code used twice is caught across chunks too.
    """
    plan = ImportPlan()
    built: list[tuple[SheetRow, Task]] = []
    seen = {} if seen is None else seen
    for row, code, task in rows:
        if code in seen:
            reason = f"the code is already used on row {seen[code]}."
        elif isinstance(task, str):
            reason = task
        else:
            seen[code] = row.number
            built.append((row, task))
            continue
        plan.rejected.append(Rejected(row.number, code, reason, _texts(row)))
    in_ledger = recorded([task.facts.code for _, task in built])
    for row, task in built:
        existing = in_ledger.get(task.facts.code)
        if existing is None:
            plan.new.append(task)
            continue
        changed = differences(task.facts, existing)
        if changed:
            reason = "already in the ledger with other facts: " + "; ".join(changed)
            plan.rejected.append(
                Rejected(row.number, task.facts.code, reason, _texts(row))
            )
        else:
            plan.unchanged.append(task.facts.code)
    plan.rejected.sort(key=lambda rejected: rejected.row)
    return plan


def _texts(row: SheetRow) -> dict[str, str]:
    return {column: cell_text(value) for column, value in row.values.items()}
