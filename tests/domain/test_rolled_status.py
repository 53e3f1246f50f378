"""The status rules with a deadline rolled to the next working day (Civil
Code 2015, art. 148) agree with the rules as written, except in the days
between a deadline on a day off and the working day it rolls to."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.rules import (
    Status,
    completion_as_of,
    due_in_force,
    status_as_of,
)
from domain.working_days import vietnam_calendar
from tests.domain.helpers import complete, d, new_task
from tests.strategies import BASE, perform, plan_strategy
from tests.strategies import new_task as planned_task

dates = st.integers(min_value=-30, max_value=600).map(lambda n: BASE + timedelta(n))
ROLL = vietnam_calendar().next_working_day


def _identity(day: date) -> date:
    return day


@settings(max_examples=300, deadline=None)
@given(plan=plan_strategy("NV-1"), probes=st.lists(dates, min_size=1, max_size=10))
def test_rolling_to_the_same_day_changes_no_status(plan, probes) -> None:  # type: ignore[no-untyped-def]
    task = planned_task(plan)
    perform(task, plan)
    for as_of in probes:
        assert status_as_of(task.facts, as_of, _identity) is status_as_of(
            task.facts, as_of
        )


def _expected(facts, as_of: date) -> Status:  # type: ignore[no-untyped-def]
    """The unrolled status, moved where the day that decides it lies after
    the due date but not after the working day the due date rolls to."""
    status = status_as_of(facts, as_of)
    if status is Status.OVERDUE:
        due = due_in_force(facts, as_of)
        assert due is not None
        return Status.IN_PROGRESS if as_of <= ROLL(due) else status
    if status is Status.LATE:
        completion = completion_as_of(facts, as_of)
        assert completion is not None
        done = completion.completed_on
        due = due_in_force(facts, done)
        assert due is not None
        return Status.ON_TIME if done <= ROLL(due) else status
    return status


@settings(max_examples=300, deadline=None)
@given(plan=plan_strategy("NV-1"), probes=st.lists(dates, min_size=1, max_size=10))
def test_rolling_moves_only_the_days_between_due_and_next_working_day(
    plan, probes
) -> None:  # type: ignore[no-untyped-def]
    task = planned_task(plan)
    perform(task, plan)
    for as_of in probes:
        assert status_as_of(task.facts, as_of, ROLL) is _expected(task.facts, as_of)


def test_a_deadline_on_tet_runs_to_the_first_working_day_after_it() -> None:
    # Due Saturday 10/02/2024, the first day of Tết (08/02-14/02 off):
    # the deadline ends on Thursday 15/02/2024.
    task = new_task("01/02/2024", "10/02/2024")
    assert status_as_of(task.facts, d("12/02/2024")) is Status.OVERDUE
    assert status_as_of(task.facts, d("15/02/2024"), ROLL) is Status.IN_PROGRESS
    assert status_as_of(task.facts, d("16/02/2024"), ROLL) is Status.OVERDUE
    complete(task, "15/02/2024")
    assert status_as_of(task.facts, d("20/02/2024")) is Status.LATE
    assert status_as_of(task.facts, d("20/02/2024"), ROLL) is Status.ON_TIME
