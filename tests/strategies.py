"""Random task histories for property tests: any sequence of commands a clerk
could type, applied through the aggregate (refused ones are simply skipped),
so every generated history obeys the rules by construction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from domain.errors import TaskRuleError
from domain.task import Task

BASE = date(2023, 1, 1)
TODAY = date(2026, 11, 23)
ACTIONS = (
    "extend",
    "complete",
    "reopen",
    "cancel",
    "reassign",
    "note",
    "correct_due",
    "remind",
    "confirm",
)


@dataclass(frozen=True)
class Step:
    action: str
    day: int  # days after the assignment
    amount: int


step_strategy = st.builds(
    Step,
    action=st.sampled_from(ACTIONS),
    day=st.integers(min_value=0, max_value=200),
    amount=st.integers(min_value=1, max_value=90),
)


@dataclass(frozen=True)
class TaskPlan:
    code: str
    assigned_day: int
    due_in: int | None
    steps: tuple[Step, ...]


def plan_strategy(code: str) -> st.SearchStrategy[TaskPlan]:
    return st.builds(
        TaskPlan,
        code=st.just(code),
        assigned_day=st.integers(min_value=0, max_value=180),
        due_in=st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
        steps=st.lists(step_strategy, max_size=8).map(tuple),
    )


ledger_strategy = st.integers(min_value=1, max_value=6).flatmap(
    lambda n: st.tuples(*(plan_strategy(f"NV-{i:03d}") for i in range(n)))
)


def perform(target: Any, plan: TaskPlan) -> None:
    """Run the plan's steps on ``target``: a ``Task`` or a ledger-like object
    with the same use cases (``TaskLedger``)."""
    assigned = BASE + timedelta(days=plan.assigned_day)
    for step in plan.steps:
        on = assigned + timedelta(days=step.day)
        try:
            _do(target, plan.code, step, on)
        except TaskRuleError:
            continue


def _do(target: Any, code: str, step: Step, on: date) -> None:
    is_task = isinstance(target, Task)

    def call(name: str, ledger_name: str, **kwargs: Any) -> None:
        if is_task:
            getattr(target, name)(today=TODAY, **kwargs)
        else:
            getattr(target, ledger_name)(code, **kwargs)

    action = step.action
    if action == "extend":
        due = target.facts.due_on if is_task else target.task_facts(code).due_on
        to = (due or on) + timedelta(days=step.amount)
        call(
            "extend_deadline",
            "extend_deadline",
            to=to,
            on=on,
            reason="r",
            document="",
            actor="t",
        )
    elif action == "complete":
        call("complete", "complete_task", on=on, document="", actor="t")
    elif action == "reopen":
        call("reopen", "reopen_task", on=on, reason="chưa đạt", actor="t")
    elif action == "cancel":
        if step.amount % 4 == 0:  # rarer than the rest
            call("cancel", "cancel_task", on=on, reason="rút", document="", actor="t")
    elif action == "reassign":
        call(
            "reassign",
            "reassign_task",
            agency=f"Sở {step.amount % 3}",
            on=on,
            reason="",
            actor="t",
        )
    elif action == "note":
        call(
            "note_progress",
            "note_progress",
            text=f"tiến độ {step.amount}",
            on=on,
            actor="t",
        )
    elif action == "remind":
        document = f"{step.amount}/UBND-VP"
        if is_task:
            target.remind(on=on, document=document, actor="t", today=TODAY)
        else:
            target.remind_tasks([code], on=on, document=document, actor="t")
    elif action == "confirm":
        call("confirm", "confirm_completion", on=on, document="", actor="t")
    elif action == "correct_due":
        call(
            "correct",
            "correct_task",
            field="due_on",
            value=(on + timedelta(days=step.amount)).isoformat(),
            reason="nhầm",
            actor="t",
        )


def new_task(plan: TaskPlan) -> Task:
    return Task.assign(**assign_fields(plan), actor="t", today=TODAY)


def assign_fields(plan: TaskPlan) -> dict[str, Any]:
    assigned = BASE + timedelta(days=plan.assigned_day)
    due = None if plan.due_in is None else assigned + timedelta(days=plan.due_in)
    return {
        "code": plan.code,
        "title": f"Nhiệm vụ {plan.code}",
        "assigner": "UBND tỉnh" if plan.assigned_day % 2 else "Chính phủ",
        "lead_agency": f"Sở {plan.assigned_day % 3}",
        "assigned_on": assigned,
        "due_on": due,
        "document": "495/UBND-TTHC",
        "co_agencies": [],
    }
