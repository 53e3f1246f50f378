"""The read models of a ledger with undos equal those of the same ledger
recorded without the voided events: every report, list and overdue list."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.codes import task_id
from domain.errors import TaskRuleError, UnknownTask
from tests.conftest import TODAY
from tests.projections.test_read_models import as_of_dates, dump
from tests.strategies import BASE, TaskPlan, _do, assign_fields, ledger_strategy
from tracker.reading import Reading
from tracker.undo import undo_last
from tracker.wiring import make_tracker

WINDOW = timedelta(minutes=15)
# How many undos follow each step of each task (cycled over the steps).
undo_counts = st.lists(st.integers(min_value=0, max_value=2), min_size=1, max_size=8)


def record(ledger: Any, plans: Any, undos: list[int] | None) -> dict[Any, int]:
    """Each task's assignment and steps, each followed by ``undos`` undos
    (refused ones skipped); which step (-1: the assignment) recorded each
    ``(task, version)``. ``undos=None``: no undo at all."""
    made: dict[Any, int] = {}
    turn = 0
    for plan in plans:
        key = task_id(plan.code)
        with contextlib.suppress(TaskRuleError):
            ledger.assign_task(actor="t", **assign_fields(plan))
            made[key, len(list(ledger.events.get(key)))] = -1
        assigned = BASE + timedelta(days=plan.assigned_day)
        for index, step in enumerate(plan.steps):
            before = len(list(ledger.events.get(key)))
            with contextlib.suppress(TaskRuleError):
                _do(ledger, plan.code, step, assigned + timedelta(days=step.day))
            for version in range(before + 1, len(list(ledger.events.get(key))) + 1):
                made[key, version] = index
            for _ in range(undos[turn % len(undos)] if undos else 0):
                with contextlib.suppress(TaskRuleError):
                    undo_last(ledger, actor="t", reason="nhầm", window=WINDOW)
            if undos and turn % 3 == 2 and assignment_voided(ledger, plan.code):
                # its assignment undone: assigned again (``AssignedAgain``)
                ledger.assign_task(actor="t", **assign_fields(plan))
                made[key, len(list(ledger.events.get(key)))] = -1
            turn += 1
    return made


def assignment_voided(ledger: Any, code: str) -> bool:
    try:
        ledger.task_facts(code)
    except UnknownTask:
        return True
    return False


def kept_plans(ledger: Any, plans: Any, made: dict[Any, int]) -> list[TaskPlan]:
    """The plans with only the steps whose events no void names (told from
    the events themselves, not by ``domain.voiding``); a task whose
    assignment was voided is left out whole."""
    kept = []
    for plan in plans:
        key = task_id(plan.code)
        events = list(ledger.events.get(key))
        voided = {e.voided_version for e in events if type(e).__name__ == "Voided"}
        kept_versions = {
            e.originator_version
            for e in events
            if type(e).__name__ != "Voided" and e.originator_version not in voided
        }
        if not any(made[key, v] == -1 for v in kept_versions):
            continue  # no assignment of it counts
        steps = sorted({made[key, v] for v in kept_versions} - {-1})
        kept.append(
            TaskPlan(
                plan.code,
                plan.assigned_day,
                plan.due_in,
                tuple(plan.steps[i] for i in steps),
            )
        )
    return kept


def answers(ledger: Any, probes: list[date]) -> list[Any]:
    """What the Office reads on each date: figures, the list, the overdue
    list with its week's changes."""
    reading = Reading.of(ledger)
    found: list[Any] = []
    for as_of in probes:
        found.append(reading.period_report(BASE, as_of, as_of).totals.as_dict())
        found.append([v.as_dict() for v in reading.list_tasks(as_of)])
        found.append(
            reading.overdue_report(as_of, since=as_of - timedelta(days=7))["overdue"]
        )
    return found


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plans=ledger_strategy, undos=undo_counts, probes=as_of_dates)
def test_a_ledger_with_voids_reads_as_one_without_the_voided_events(
    plans: Any, undos: list[int], probes: list[date]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        voided = make_tracker(str(Path(folder) / "v.db"), today=lambda: TODAY)
        made = record(voided, plans, undos)
        plain = make_tracker(str(Path(folder) / "p.db"), today=lambda: TODAY)
        record(plain, kept_plans(voided, plans, made), None)
        assert answers(voided, probes) == answers(plain, probes)
        before = dump(voided)
        voided.read_models.rebuild(batch_size=3)  # whole histories, batched
        assert dump(voided) == before
        # The same commands with the read models left to catch up from the
        # log afterwards (as a projector does), a few events at a time.
        later = make_tracker(str(Path(folder) / "c.db"), today=lambda: TODAY)
        later.read_models.projects = False
        record(later, plans, undos)
        later.read_models.projects = True
        while later.read_models.catch_up._step(batch_size=2):
            pass
        assert dump(later) == before
        for ledger in (voided, plain, later):
            ledger.close()
