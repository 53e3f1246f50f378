"""The follow-up rules as pure functions: reminders (đôn đốc) and the
Office's confirmation of a reported completion."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import TaskRuleError
from domain.facts import facts_from_dict, facts_to_dict
from domain.rules import awaiting_confirmation, reminders_as_of, status_as_of
from domain.task import Task
from tests.domain.helpers import TODAY, complete, d, new_task
from tests.strategies import BASE, TaskPlan, perform, plan_strategy
from tests.strategies import new_task as planned_task


def remind(task: Task, on: str, document: str = "1018/UBND-CCHC") -> None:
    task.remind(on=d(on), document=document, actor="tester", today=TODAY)


def confirm(task: Task, on: str) -> None:
    task.confirm(on=d(on), document="1350/UBND-VP", actor="tester", today=TODAY)


def refusal(action: object, *args: str) -> str:
    with pytest.raises(TaskRuleError) as refused:
        action(*args)  # type: ignore[operator]
    return str(refused.value)


def test_reminders_are_kept_by_date_and_counted_as_of_a_date() -> None:
    task = new_task()
    remind(task, "05/04/2023", "1018/UBND-CCHC")
    remind(task, "20/04/2023", "2272/UBND-CCHC")
    remind(task, "12/04/2023", "1164/UBND-CCHC")  # logged after a later one
    sent = reminders_as_of(task.facts, d("15/04/2023"))
    assert [r.document for r in sent] == ["1018/UBND-CCHC", "1164/UBND-CCHC"]
    assert len(reminders_as_of(task.facts, d("04/04/2023"))) == 0
    assert len(reminders_as_of(task.facts, d("20/04/2023"))) == 3


def test_a_reminder_needs_a_letter_and_a_date_the_task_was_open() -> None:
    task = new_task()
    assert "before the assignment date 14/02/2023" in refusal(
        remind, task, "13/02/2023"
    )
    assert "in the future" in refusal(remind, task, "01/01/2199")
    with pytest.raises(TaskRuleError):
        task.remind(on=d("05/04/2023"), document="  ", actor="t", today=TODAY)
    complete(task, "10/04/2023")
    remind(task, "05/04/2023")  # sent while open, logged after the report
    assert "completed on 10/04/2023; it cannot be reminded on 10/04/2023" in refusal(
        remind, task, "10/04/2023", "1164"
    )


def test_one_letter_reminds_a_task_once_whatever_its_spelling() -> None:
    task = new_task()
    remind(task, "05/04/2023", "1018/UBND-CCHC")
    message = refusal(remind, task, "06/04/2023", "1018/ubnd-cchc")
    assert message == (
        "Task NV-1 was already reminded by 1018/UBND-CCHC on 05/04/2023."
    )


def test_a_cancelled_task_is_not_chased_after_its_withdrawal() -> None:
    task = new_task()
    task.cancel(on=d("01/04/2023"), reason="Rút", document="", actor="t", today=TODAY)
    remind(task, "31/03/2023")
    assert "cancelled on 01/04/2023" in refusal(remind, task, "01/04/2023", "2")


def test_a_completion_is_confirmed_once_on_or_after_its_report() -> None:
    task = new_task()
    assert "is not completed" in refusal(confirm, task, "01/04/2023")
    complete(task, "28/03/2023")
    assert "before the completion date 28/03/2023" in refusal(
        confirm, task, "27/03/2023"
    )
    assert awaiting_confirmation(task.facts, d("28/03/2023"))
    confirm(task, "30/03/2023")
    assert awaiting_confirmation(task.facts, d("29/03/2023"))  # not yet then
    assert not awaiting_confirmation(task.facts, d("30/03/2023"))
    assert not awaiting_confirmation(task.facts, d("27/03/2023"))  # not done
    assert "already confirmed on 30/03/2023" in refusal(confirm, task, "31/03/2023")


def test_a_confirmed_completion_sent_back_awaits_again_when_reported_again() -> None:
    task = new_task()
    complete(task, "28/03/2023")
    confirm(task, "30/03/2023")
    task.reopen(on=d("05/04/2023"), reason="Chưa đạt", actor="t", today=TODAY)
    first = task.facts.completions[0]
    assert (first.confirmed_on, first.reopened_on) == (d("30/03/2023"), d("05/04/2023"))
    assert not awaiting_confirmation(task.facts, d("01/04/2023"))  # as it stood
    assert not awaiting_confirmation(task.facts, d("06/04/2023"))  # open again
    complete(task, "10/04/2023")
    assert awaiting_confirmation(task.facts, d("10/04/2023"))
    confirm(task, "11/04/2023")
    assert not awaiting_confirmation(task.facts, d("11/04/2023"))


def test_the_facts_keep_reminders_confirmations_and_moves_through_json() -> None:
    task = new_task()
    remind(task, "05/04/2023")
    task.reassign(agency="Sở Nội vụ", on=d("06/04/2023"), reason="", actor="t",
                  today=TODAY)  # fmt: skip
    complete(task, "10/04/2023")
    confirm(task, "12/04/2023")
    assert facts_from_dict(facts_to_dict(task.facts)) == task.facts
    assert task.facts.reassignments == ((d("06/04/2023"), "Sở Tư pháp"),)
    older = facts_to_dict(task.facts)
    for key in ("reminders", "reassignments"):
        del older[key]
    for completion in older["completions"]:
        del completion["confirmed_on"], completion["confirmation_document"]
    read = facts_from_dict(older)  # as a version before them stored them
    assert (read.reminders, read.reassignments) == ((), ())
    assert read.completions[0].confirmed_on is None


def without_follow_up(plan: TaskPlan) -> TaskPlan:
    steps = tuple(s for s in plan.steps if s.action not in ("remind", "confirm"))
    return replace(plan, steps=steps)


@settings(max_examples=200, deadline=None)
@given(plan=plan_strategy("NV-1"), days=st.lists(st.integers(-30, 600), max_size=8))
def test_reminders_and_confirmations_never_change_a_status(
    plan: TaskPlan, days: list[int]
) -> None:
    chased, plain = planned_task(plan), planned_task(without_follow_up(plan))
    perform(chased, plan)
    perform(plain, without_follow_up(plan))
    for day in days:
        on = BASE + timedelta(days=day)
        assert status_as_of(chased.facts, on) is status_as_of(plain.facts, on)
