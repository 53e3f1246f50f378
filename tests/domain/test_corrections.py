"""Corrections are events; they keep the old value and re-check every rule."""

from __future__ import annotations

import pytest

from domain.errors import TaskRuleError
from domain.rules import Status, status_as_of
from tests.domain.helpers import TODAY, complete, d, extend, new_task


def correct(task, field: str, value: str) -> None:  # type: ignore[no-untyped-def]
    task.correct(field=field, value=value, reason="Nhập nhầm", actor="t", today=TODAY)


def test_correcting_the_due_date_reclassifies_the_completion() -> None:
    task = new_task(due="31/03/2023")
    complete(task, "05/04/2023")
    assert status_as_of(task.facts, d("30/06/2023")) is Status.LATE
    correct(task, "due_on", "10/04/2023")
    assert status_as_of(task.facts, d("30/06/2023")) is Status.ON_TIME
    event = task.pending_events[-1]
    assert (event.old_value, event.new_value) == ("2023-03-31", "2023-04-10")


def test_correcting_a_text_field_keeps_the_old_value_on_record() -> None:
    task = new_task()
    correct(task, "title", "Rà soát TTHC lĩnh vực hộ tịch")
    event = task.pending_events[-1]
    assert event.old_value == "Rà soát thủ tục hành chính"
    assert task.facts.title == "Rà soát TTHC lĩnh vực hộ tịch"


def test_correcting_the_document_reparses_number_and_date() -> None:
    task = new_task()
    correct(task, "doc", "1220/UBND-TTHC ngày 24/3/2023")
    assert task.facts.document_number == "1220/UBND-TTHC"
    assert task.facts.document_date == d("24/03/2023")


def test_removing_the_deadline() -> None:
    task = new_task(due="31/03/2023")
    correct(task, "due_on", "none")
    assert task.facts.due_on is None
    assert status_as_of(task.facts, TODAY) is Status.IN_PROGRESS


def test_correction_that_breaks_a_rule_is_refused() -> None:
    task = new_task(assigned="14/02/2023", due="31/03/2023")
    with pytest.raises(TaskRuleError, match="before the assignment"):
        correct(task, "due_on", "01/02/2023")
    with pytest.raises(TaskRuleError, match="before the assignment|would be before"):
        correct(task, "assigned_on", "01/04/2023")


def test_correcting_a_deadline_past_its_extension_is_refused() -> None:
    task = new_task(due="31/03/2023")
    extend(task, "30/04/2023", "25/03/2023")
    with pytest.raises(TaskRuleError, match="no longer be earlier"):
        correct(task, "due_on", "05/05/2023")


def test_unknown_field_and_unchanged_value_are_refused() -> None:
    task = new_task()
    with pytest.raises(TaskRuleError, match="cannot be corrected"):
        correct(task, "code", "NV-2")
    with pytest.raises(TaskRuleError, match="already"):
        correct(task, "agency", "Sở Tư pháp")


def test_completion_date_of_an_open_task_cannot_be_corrected() -> None:
    task = new_task()
    with pytest.raises(TaskRuleError, match="not completed"):
        correct(task, "completed_on", "20/03/2023")


def test_bad_date_in_a_correction_is_refused() -> None:
    task = new_task()
    with pytest.raises(TaskRuleError, match="is not a date"):
        correct(task, "due_on", "31/02/2023")
