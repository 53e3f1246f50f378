"""Impossible transitions are refused with a sentence and no event."""

from __future__ import annotations

import pytest

from domain.errors import TaskRuleError
from domain.task import Task
from tests.domain.helpers import TODAY, complete, d, extend, new_task


def refused(task: Task, action, match: str) -> None:  # type: ignore[no-untyped-def]
    before = len(task.pending_events)
    with pytest.raises(TaskRuleError, match=match):
        action()
    assert len(task.pending_events) == before


def test_due_date_before_assignment_is_refused() -> None:
    with pytest.raises(TaskRuleError, match="before the assignment date"):
        new_task(assigned="14/02/2023", due="13/02/2023")


def test_assignment_in_the_future_is_refused() -> None:
    with pytest.raises(TaskRuleError, match="in the future"):
        new_task(assigned="01/01/2099", due=None)


def test_empty_title_is_refused() -> None:
    with pytest.raises(TaskRuleError, match="title must not be empty"):
        Task.assign(
            code="NV-9",
            title="  ",
            assigner="UBND tỉnh",
            lead_agency="Sở Tư pháp",
            assigned_on=d("14/02/2023"),
            due_on=None,
            document="",
            co_agencies=[],
            actor="t",
            today=TODAY,
        )


def test_completing_a_completed_task_is_refused() -> None:
    task = new_task()
    complete(task, "20/03/2023")
    refused(task, lambda: complete(task, "21/03/2023"), "was completed on 20/03/2023")


def test_completing_a_cancelled_task_is_refused() -> None:
    task = new_task()
    task.cancel(on=d("01/03/2023"), reason="Rút", document="", actor="t", today=TODAY)
    refused(task, lambda: complete(task, "21/03/2023"), "was cancelled")


def test_completion_before_assignment_is_refused() -> None:
    task = new_task()
    refused(task, lambda: complete(task, "13/02/2023"), "before the assignment")


def test_completion_in_the_future_is_refused() -> None:
    task = new_task()
    refused(task, lambda: complete(task, "01/01/2099"), "in the future")


def test_extension_that_does_not_move_the_deadline_later_is_refused() -> None:
    task = new_task(due="31/03/2023")
    refused(task, lambda: extend(task, "31/03/2023", "20/03/2023"), "does not move")
    refused(task, lambda: extend(task, "15/03/2023", "10/03/2023"), "does not move")


def test_extension_before_assignment_is_refused() -> None:
    task = new_task()
    refused(task, lambda: extend(task, "30/04/2023", "01/02/2023"), "before the assign")


def test_extension_dated_before_the_previous_extension_is_refused() -> None:
    task = new_task()
    extend(task, "30/04/2023", "25/03/2023")
    refused(task, lambda: extend(task, "31/05/2023", "20/03/2023"), "previous deadline")


def test_extension_of_a_task_without_deadline_is_refused() -> None:
    task = new_task(due=None)
    refused(task, lambda: extend(task, "30/04/2023", "25/03/2023"), "no deadline")


def test_extension_of_a_completed_task_is_refused() -> None:
    task = new_task()
    complete(task, "20/03/2023")
    refused(task, lambda: extend(task, "30/04/2023", "25/03/2023"), "completed")


def test_reopening_an_open_task_is_refused() -> None:
    task = new_task()
    refused(
        task,
        lambda: task.reopen(on=d("01/03/2023"), reason="x", actor="t", today=TODAY),
        "not completed",
    )


def test_reopening_before_the_completion_is_refused() -> None:
    task = new_task()
    complete(task, "20/03/2023")
    refused(
        task,
        lambda: task.reopen(on=d("19/03/2023"), reason="x", actor="t", today=TODAY),
        "before the completion",
    )


def test_completion_before_the_reopening_is_refused() -> None:
    task = new_task()
    complete(task, "20/03/2023")
    task.reopen(on=d("25/03/2023"), reason="x", actor="t", today=TODAY)
    refused(task, lambda: complete(task, "24/03/2023"), "before it was reopened")


def test_cancelling_twice_is_refused() -> None:
    task = new_task()
    task.cancel(on=d("01/03/2023"), reason="Rút", document="", actor="t", today=TODAY)
    refused(
        task,
        lambda: task.cancel(
            on=d("02/03/2023"), reason="Rút", document="", actor="t", today=TODAY
        ),
        "was cancelled",
    )


def test_reassigning_to_the_same_agency_is_refused() -> None:
    task = new_task()
    refused(
        task,
        lambda: task.reassign(
            agency="Sở Tư pháp", on=d("01/03/2023"), reason="", actor="t", today=TODAY
        ),
        "already led by",
    )


def test_empty_progress_note_is_refused() -> None:
    task = new_task()
    refused(
        task,
        lambda: task.note_progress(
            text=" ", on=d("01/03/2023"), actor="t", today=TODAY
        ),
        "must not be empty",
    )
