"""Read models agree with the aggregates, survive crashes and rebuild alike."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.rules import Status, due_in_force, status_as_of
from projections.names import SPANS, TASK_FACTS, TASKS
from projections.runner import LostRace
from tests.conftest import ASSIGNMENT, TODAY, table_rows
from tests.strategies import BASE, assign_fields, ledger_strategy, perform
from tracker.wiring import make_tracker

as_of_dates = st.lists(
    st.integers(min_value=0, max_value=500).map(lambda n: BASE + timedelta(n)),
    min_size=1,
    max_size=4,
)


def record(ledger: Any, plans: Any, *, interleaved: bool = False) -> None:
    """Each task's whole history in turn, or (``interleaved``) every
    assignment first and then each task's later events, as a real log mixes
    them."""
    for plan in plans:
        ledger.assign_task(actor="t", **assign_fields(plan))
        if not interleaved:
            perform(ledger, plan)
    if interleaved:
        for plan in plans:
            perform(ledger, plan)


def recomputed(
    ledger: Any, codes: list[str], start: date, end: date, as_of: date
) -> Counter[str]:
    """The period figures computed from the aggregates themselves."""
    counts: Counter[str] = Counter()
    for code in codes:
        facts = ledger.task_facts(code)
        if start <= facts.assigned_on <= end:
            status = status_as_of(facts, as_of)
            counts[str(status)] += 1
            if status is Status.IN_PROGRESS and due_in_force(facts, as_of) is None:
                counts["no_deadline"] += 1
    return counts


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plans=ledger_strategy, probes=as_of_dates)
def test_read_model_figures_equal_a_recomputation_from_aggregates(
    plans: Any, probes: list[date]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ledger = make_tracker(str(Path(folder) / "l.db"), today=lambda: TODAY)
        record(ledger, plans)
        codes = [plan.code for plan in plans]
        for as_of in probes:
            start, end = BASE, as_of
            report = ledger.period_report(start, end, as_of)
            figures = report.totals.as_dict()
            expected = recomputed(ledger, codes, start, end, as_of)
            for key in (
                "on_time",
                "late",
                "overdue",
                "in_progress",
                "cancelled",
                "no_deadline",
            ):
                assert figures[key] == expected[key], (key, as_of)
            assert figures["assigned"] == sum(
                figures[k] for k in ("on_time", "late", "overdue", "in_progress")
            )
            listed = {v.code: str(v.status) for v in ledger.list_tasks(as_of)}
            for code in codes:
                assert listed[code] == str(status_as_of(ledger.task_facts(code), as_of))
            overdue = ledger.overdue_report(as_of)["overdue"]
            assert {row["code"]: row["days_overdue"] for row in overdue} == {
                code: (as_of - due_in_force(ledger.task_facts(code), as_of)).days
                for code in codes
                if listed[code] == "overdue"
            }
        ledger.close()


def dump(ledger: Any) -> list[Any]:
    return table_rows(ledger, TASKS, SPANS, TASK_FACTS)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans=ledger_strategy, batch_size=st.sampled_from([1, 3, 10_000]))
def test_rebuild_yields_identical_tables(plans: Any, batch_size: int) -> None:
    """Rebuilt task by task (tasks cut between batches when they are small)
    from a log that interleaves them, the tables equal those kept up to date
    event by event."""
    with tempfile.TemporaryDirectory() as folder:
        ledger = make_tracker(str(Path(folder) / "l.db"), today=lambda: TODAY)
        record(ledger, plans, interleaved=True)
        before = dump(ledger)
        applied = ledger.rebuild_read_models(batch_size=batch_size)
        status = ledger.projection_status()
        assert applied == status.head == status.position
        assert dump(ledger) == before
        ledger.close()


ASSIGN = {"code": "NV-1", **ASSIGNMENT}


def test_crash_between_event_write_and_projection_catches_up(db_url: str) -> None:
    crashed = make_tracker(db_url, today=lambda: TODAY)
    crashed.assign_task(actor="t", **ASSIGN)
    crashed._notify = lambda recordings: None  # the process dies after the write
    crashed.complete_task("NV-1", on=date(2023, 4, 2), document="", actor="t")
    assert crashed.catch_up.lag() == 1
    crashed.close()
    later = make_tracker(db_url, today=lambda: TODAY)
    report = later.period_report(date(2023, 1, 1), date(2023, 6, 30), date(2023, 6, 30))
    assert report.totals.as_dict()["late"] == 1
    assert later.catch_up.lag() == 0
    later.close()


def test_crash_inside_a_projection_batch_leaves_nothing_half_applied(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    ledger._notify = lambda recordings: None
    ledger.assign_task(actor="t", **ASSIGN)
    ledger.assign_task(actor="t", **{**ASSIGN, "code": "NV-2"})
    original = ledger.tasks.apply

    def apply_then_die(sql: Any, events: Any, positions: Any) -> None:
        original(sql, events, positions)
        raise RuntimeError("power cut")

    monkeypatch.setattr(ledger.tasks, "apply", apply_then_die)
    with pytest.raises(RuntimeError):
        ledger.catch_up.run()
    assert ledger.catch_up.position() == 0
    assert table_rows(ledger, TASKS) == [[]]
    monkeypatch.setattr(ledger.tasks, "apply", original)
    assert ledger.catch_up.run() == 2
    assert ledger.catch_up.run() == 0  # exactly once: nothing is applied twice
    assert [v.code for v in ledger.list_tasks(date(2023, 6, 30))] == ["NV-1", "NV-2"]
    ledger.close()


def test_a_stale_tracking_position_loses_the_race(db_url: str) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    ledger.assign_task(actor="t", **ASSIGN)
    with (
        pytest.raises(LostRace),
        ledger.recorder.transaction(commit=True) as sql,
    ):
        ledger.catch_up._move_tracking(sql, 0, 1)  # someone already moved it
    assert ledger.catch_up.position() == 1
    ledger.close()
