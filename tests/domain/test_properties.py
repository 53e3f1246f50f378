"""Rules that must hold for every history a clerk could record."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.facts import facts_from_dict, facts_to_dict
from domain.rules import (
    Status,
    completion_as_of,
    due_in_force,
    span_on,
    status_as_of,
    status_spans,
)
from tests.strategies import BASE, new_task, perform, plan_strategy

dates = st.integers(min_value=-30, max_value=600).map(lambda n: BASE + timedelta(n))


@settings(max_examples=300, deadline=None)
@given(plan=plan_strategy("NV-1"), probes=st.lists(dates, min_size=1, max_size=10))
def test_spans_agree_with_status_as_of_on_every_date(plan, probes) -> None:  # type: ignore[no-untyped-def]
    task = new_task(plan)
    perform(task, plan)
    spans = status_spans(task.facts)
    for as_of in probes:
        span = span_on(spans, as_of)
        assert span.status is status_as_of(task.facts, as_of)
        completion = completion_as_of(task.facts, as_of)
        if span.status in (Status.ON_TIME, Status.LATE):
            assert completion is not None
            assert span.completed_on == completion.completed_on
        else:
            assert span.due_on == due_in_force(task.facts, as_of)


@settings(max_examples=200, deadline=None)
@given(plan=plan_strategy("NV-1"))
def test_spans_are_contiguous_and_distinct(plan) -> None:  # type: ignore[no-untyped-def]
    task = new_task(plan)
    perform(task, plan)
    spans = status_spans(task.facts)
    assert spans[0].valid_from is None and spans[-1].valid_until is None
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.valid_until == after.valid_from
        assert (before.status, before.due_on, before.completed_on) != (
            after.status,
            after.due_on,
            after.completed_on,
        )


@settings(max_examples=200, deadline=None)
@given(plan=plan_strategy("NV-1"))
def test_replaying_the_events_rebuilds_the_same_facts(plan) -> None:  # type: ignore[no-untyped-def]
    task = new_task(plan)
    perform(task, plan)
    facts = None
    for event in task.collect_events():
        facts = event.evolve(facts)
    assert facts == task.facts
    assert facts_from_dict(facts_to_dict(task.facts)) == task.facts


@settings(max_examples=200, deadline=None)
@given(plan=plan_strategy("NV-1"), as_of=dates)
def test_task_without_deadline_is_never_overdue(plan, as_of: date) -> None:  # type: ignore[no-untyped-def]
    task = new_task(plan)
    perform(task, plan)
    if all(deadline.due_on is None for deadline in task.facts.deadlines):
        assert status_as_of(task.facts, as_of) is not Status.OVERDUE
