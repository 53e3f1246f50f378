"""Deadline rules on the events: recorded once with the date they gave, and
events stored before the rule existed still read (as a date typed as one)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from eventsourcing.persistence import StoredEvent

from domain.dates import RelativeDue
from domain.task import Task
from domain.working_days import Correction, WorkingCalendar, vietnam_calendar
from tests.conftest import ASSIGNMENT, TODAY
from tracker.ledger import TaskLedger


def old_shape(ledger: Any, task: Task) -> list[tuple[Any, int, str, bytes]]:
    """The task's events encoded as a version without ``due_rule`` wrote
    them: the same state, without that key."""
    encoded = []
    for stored in map(ledger.mapper.to_stored_event, task.collect_events()):
        state = json.loads(stored.state)
        state.pop("due_rule")
        encoded.append(
            (
                str(stored.originator_id),
                stored.originator_version,
                stored.topic,
                json.dumps(state).encode(),
            )
        )
    return encoded


def new_task(code: str) -> Task:
    return Task.assign(code=code, actor="tester", today=TODAY, **ASSIGNMENT)


def test_an_assignment_stored_without_a_rule_decodes_as_a_plain_date(
    ledger: Any,
) -> None:
    task = new_task("OLD-1")
    ((_, version, topic, state),) = old_shape(ledger, task)
    assert b"due_rule" not in state
    event = ledger.mapper.to_domain_event(StoredEvent(task.id, version, topic, state))
    assert event.due_rule == ""
    assert event.due_on == date(2023, 3, 31)
    assert event.evolve(None).due_on == date(2023, 3, 31)


def test_an_old_shape_assignment_in_the_ledger_loads_and_extends(
    ledger: Any,
) -> None:
    """Recorded through the append path, PostgreSQL's function included: a
    field with a default may be absent (a restore brings old events back)."""
    ledger.store.insert_encoded(old_shape(ledger, new_task("OLD-2")))
    assert ledger.task_events("OLD-2")[0].due_rule == ""
    # 10 working days from Mon 20/03/2023: Tue 21 (1) ... Fri 24 (4), Mon 27
    # (5) ... Fri 31 (9), Mon 03/04 (10).
    facts = ledger.extend_deadline(
        "OLD-2",
        to=RelativeDue("10wd"),
        on=date(2023, 3, 20),
        reason="",
        document="",
        actor="tester",
    )
    assert facts.due_on == date(2023, 4, 3)
    assert [e.due_rule for e in ledger.task_events("OLD-2")] == ["", "10wd"]


def test_the_rule_and_its_date_are_recorded_once(
    ledger: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # From Fri 02/02/2024, Tết 2024 (Thu 08/02 - Wed 14/02) off: Mon 05,
    # Tue 06, Wed 07, Thu 15, Fri 16, Mon 19, Tue 20, Wed 21, Thu 22, Fri 23.
    fields = {**ASSIGNMENT, "assigned_on": date(2024, 2, 2)}
    ledger.assign_task(actor="tester", code="R-1", **{**fields, "due_on": _10wd()})
    # The Office then gives Mon 19/02 off: a new count moves a day later
    # (Mon 26/02), the recorded one stays.
    day_off = Correction(date(2024, 2, 19), False, "Quyết định của UBND tỉnh")
    corrected = vietnam_calendar([day_off])
    monkeypatch.setattr(TaskLedger, "working_calendar", _returning(corrected))
    ledger.assign_task(actor="tester", code="R-2", **{**fields, "due_on": _10wd()})
    assert ledger.task_facts("R-1").due_on == date(2024, 2, 23)
    assert ledger.task_facts("R-2").due_on == date(2024, 2, 26)
    (assigned,) = ledger.task_events("R-1")
    assert (assigned.due_on, assigned.due_rule) == (date(2024, 2, 23), "10wd")


def _10wd() -> RelativeDue:
    return RelativeDue("10wd")


def _returning(calendar: WorkingCalendar) -> Any:
    def working_calendar(self: TaskLedger) -> WorkingCalendar:
        return calendar

    return working_calendar
