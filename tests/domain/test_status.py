"""Each status of the reporting form, and the deadline in force."""

from __future__ import annotations

from domain.rules import Status, days_overdue, due_in_force, status_as_of
from tests.domain.helpers import TODAY, complete, d, extend, new_task


def test_open_task_within_deadline_is_in_progress() -> None:
    task = new_task(due="31/03/2023")
    assert status_as_of(task.facts, d("31/03/2023")) is Status.IN_PROGRESS


def test_open_task_after_deadline_is_overdue() -> None:
    task = new_task(due="31/03/2023")
    assert status_as_of(task.facts, d("01/04/2023")) is Status.OVERDUE
    assert days_overdue(task.facts, d("10/04/2023")) == 10


def test_completion_on_due_date_is_on_time() -> None:
    task = new_task(due="31/03/2023")
    complete(task, "31/03/2023")
    assert status_as_of(task.facts, d("30/06/2023")) is Status.ON_TIME


def test_completion_after_due_date_is_late() -> None:
    task = new_task(due="31/03/2023")
    complete(task, "01/04/2023")
    assert status_as_of(task.facts, d("30/06/2023")) is Status.LATE


def test_completion_after_the_as_of_date_does_not_count_yet() -> None:
    task = new_task(due="31/03/2023")
    complete(task, "10/04/2023")
    assert status_as_of(task.facts, d("05/04/2023")) is Status.OVERDUE
    assert status_as_of(task.facts, d("10/04/2023")) is Status.LATE


def test_task_without_deadline_is_never_overdue() -> None:
    task = new_task(due=None)
    assert status_as_of(task.facts, TODAY) is Status.IN_PROGRESS
    assert days_overdue(task.facts, TODAY) == 0
    complete(task, "01/01/2026")
    assert status_as_of(task.facts, TODAY) is Status.ON_TIME


def test_cancelled_task_is_cancelled_from_its_cancellation_date() -> None:
    task = new_task(due="31/03/2023")
    task.cancel(
        on=d("15/05/2023"),
        reason="Rút khỏi chương trình",
        document="",
        actor="tester",
        today=TODAY,
    )
    assert status_as_of(task.facts, d("14/05/2023")) is Status.OVERDUE
    assert status_as_of(task.facts, d("15/05/2023")) is Status.CANCELLED


def test_extension_before_the_original_deadline_keeps_task_in_progress() -> None:
    task = new_task(due="31/03/2023")
    extend(task, to="30/04/2023", on="25/03/2023")
    assert status_as_of(task.facts, d("15/04/2023")) is Status.IN_PROGRESS
    complete(task, "20/04/2023")
    assert status_as_of(task.facts, d("30/06/2023")) is Status.ON_TIME


def test_extension_after_the_original_deadline_lapsed() -> None:
    task = new_task(due="31/03/2023")
    extend(task, to="30/04/2023", on="10/04/2023")
    # Between the lapse and the extension the task was overdue...
    assert status_as_of(task.facts, d("05/04/2023")) is Status.OVERDUE
    # ...and from the extension on it is within its new deadline.
    assert status_as_of(task.facts, d("15/04/2023")) is Status.IN_PROGRESS
    assert due_in_force(task.facts, d("05/04/2023")) == d("31/03/2023")
    assert due_in_force(task.facts, d("15/04/2023")) == d("30/04/2023")


def test_completion_is_judged_against_the_deadline_in_force_on_completion() -> None:
    task = new_task(due="31/03/2023")
    complete(task, "05/04/2023")
    # An extension granted later cannot be recorded on a completed task,
    # and the completion stays late.
    assert status_as_of(task.facts, d("30/06/2023")) is Status.LATE


def test_reopen_then_complete_late() -> None:
    task = new_task(due="31/03/2023")
    complete(task, "30/03/2023")
    task.reopen(
        on=d("03/04/2023"), reason="Báo cáo chưa đạt", actor="tester", today=TODAY
    )
    assert status_as_of(task.facts, d("01/04/2023")) is Status.ON_TIME
    assert status_as_of(task.facts, d("03/04/2023")) is Status.OVERDUE
    complete(task, "20/04/2023")
    assert status_as_of(task.facts, d("30/06/2023")) is Status.LATE
    assert status_as_of(task.facts, d("10/04/2023")) is Status.OVERDUE


def test_reassignment_changes_only_the_lead_agency() -> None:
    task = new_task()
    task.reassign(
        agency="Sở Nội vụ", on=d("01/03/2023"), reason="", actor="t", today=TODAY
    )
    assert task.facts.lead_agency == "Sở Nội vụ"
    assert status_as_of(task.facts, d("01/03/2023")) is Status.IN_PROGRESS
