"""Voids: a voided event counts nowhere, exactly as if it was never recorded."""

from __future__ import annotations

import contextlib
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import DuplicateTask, TaskRuleError
from domain.facts import TaskFacts, facts_from_dict, facts_to_dict
from domain.task import Task
from domain.voiding import NothingToUndo, counting_events, facts_of
from projections.task_rows import TaskRows
from projections.tasks import TaskReadModel
from tests.domain.helpers import TODAY, d, new_task
from tests.strategies import Step, TaskPlan, _do, assign_fields, step_strategy

WINDOW = timedelta(minutes=15)
ASSIGNED = (
    "effective_on", "actor", "code", "title", "assigner", "lead_agency",
    "co_agencies", "document", "document_number", "document_date",
    "assigned_on", "due_on", "due_rule",
)  # fmt: skip


def void(task: Task, version: int, actor: str = "tester", **extra: Any) -> str:
    fields: dict[str, Any] = {
        "reason": "nhầm",
        "actor": actor,
        "now": datetime.now(UTC),
        "window": WINDOW,
        "today": TODAY,
        **extra,
    }
    return task.void(version=version, **fields)


def noted(task: Task, text: str = "Đã gửi dự thảo", actor: str = "tester") -> None:
    task.note_progress(text=text, on=d("01/03/2023"), actor=actor, today=TODAY)


def test_a_voided_note_is_gone_from_the_facts() -> None:
    task = new_task()
    before = task.facts
    noted(task)
    assert void(task, 2) == "ProgressNoted"
    assert task.facts == before
    assert [type(e).__name__ for e in task.recorded] == [
        "Assigned",
        "ProgressNoted",
        "Voided",
    ]


def test_each_undo_goes_one_event_further_back() -> None:
    task = new_task()
    noted(task, "một")
    noted(task, "hai")
    void(task, 3)
    assert [text for _, text in task.facts.notes] == ["một"]
    void(task, 2)
    assert task.facts.notes == ()


def test_a_voided_event_cannot_be_voided_twice() -> None:
    task = new_task()
    noted(task)
    void(task, 2)
    with pytest.raises(NothingToUndo, match="no event 2 that counts"):
        void(task, 2)


def test_a_void_is_never_voided() -> None:
    task = new_task()
    noted(task)
    void(task, 2)
    with pytest.raises(NothingToUndo, match="no event 3 that counts"):
        void(task, 3)


def test_undo_does_not_reach_past_another_persons_event() -> None:
    task = new_task()
    noted(task, actor="tester")
    noted(task, actor="chuyên viên B")
    with pytest.raises(NothingToUndo, match="chuyên viên B recorded an event after"):
        void(task, 2)
    assert len(task.facts.notes) == 2


def test_only_the_author_undoes_an_event() -> None:
    task = new_task()
    noted(task, actor="chuyên viên B")
    with pytest.raises(NothingToUndo, match="recorded by chuyên viên B, not by"):
        void(task, 2, actor="tester")


def test_an_event_older_than_the_window_is_not_undone() -> None:
    task = new_task()
    noted(task)
    later = datetime.now(UTC) + WINDOW + timedelta(seconds=1)
    with pytest.raises(NothingToUndo, match="more than 15 minutes ago"):
        void(task, 2, now=later)
    assert len(task.facts.notes) == 1


def test_a_window_of_one_minute_reads_as_one() -> None:
    task = new_task()
    noted(task)
    later = datetime.now(UTC) + timedelta(minutes=2)
    with pytest.raises(NothingToUndo, match="more than a minute ago"):
        void(task, 2, now=later, window=timedelta(minutes=1))


def test_a_void_needs_a_reason() -> None:
    task = new_task()
    noted(task)
    with pytest.raises(TaskRuleError, match="reason for the undo"):
        void(task, 2, reason="  ")


def test_a_voided_assignment_leaves_no_task_until_assigned_again() -> None:
    task = new_task()
    void(task, 1)
    assert task.facts is None
    with pytest.raises(NothingToUndo, match="no event left"):
        void(task, 1)
    fresh = new_task(due="30/04/2023")
    task.assign_again(fresh)
    assert task.facts == fresh.facts
    assert type(task.recorded[-1]).__name__ == "AssignedAgain"
    with pytest.raises(DuplicateTask):
        task.assign_again(new_task())


def test_after_a_void_later_events_apply_to_the_facts_as_restored() -> None:
    task = new_task()
    task.complete(on=d("20/03/2023"), document="", actor="tester", today=TODAY)
    void(task, 2)
    assert task.facts.is_open
    task.complete(on=d("25/03/2023"), document="", actor="tester", today=TODAY)
    assert task.facts.completed_on == date(2023, 3, 25)
    assert len(task.facts.completions) == 1


def test_a_void_no_command_writes_voids_nothing_and_replays() -> None:
    """Raw SQL may append a void of an event that is not the latest that
    counts, or an event on a task whose assignment is void: replaying them
    never fails, and the aggregate and the read models agree."""
    task = new_task()
    noted(task, "một")
    noted(task, "hai")
    forged = task.Voided(
        originator_id=task.id,
        originator_version=4,
        timestamp=datetime.now(UTC),
        effective_on=TODAY,
        actor="x",
        voided_version=2,
        voided_type="ProgressNoted",
        reason="giả",
    )
    history = [*task.recorded, forged]
    assert counting_events(history) == task.recorded
    assert facts_of(history) == task.facts
    note = task.recorded[1]
    void_assignment = task.Voided(
        **{**vars(forged), "originator_version": 2, "voided_version": 1}
    )
    assert facts_of([task.recorded[0], void_assignment, note]) is None


def test_an_assignment_again_counts_only_on_a_voided_one_of_the_same_code() -> None:
    task = new_task()
    again = new_task(due="30/04/2023")
    standing = task.AssignedAgain(
        originator_id=task.id,
        originator_version=2,
        timestamp=datetime.now(UTC),
        **{name: getattr(again.pending_events[0], name) for name in ASSIGNED},
    )
    assert facts_of([*task.recorded, standing]) == task.facts  # on a task standing
    void(task, 1)
    other = task.AssignedAgain(
        **{**vars(standing), "originator_version": 3, "code": "NV-2"}
    )
    assert facts_of([*task.recorded, other]) is None  # under another code


def test_an_assignment_again_holds_every_field_an_assignment_holds() -> None:
    """``AssignedAgain`` lists ``Assigned``'s fields again (an event class
    cannot share another's): a field added to one only fails here."""
    again = {f.name for f in fields(Task.AssignedAgain)}
    assert again == {f.name for f in fields(Task.Assigned)} - {"originator_topic"}
    assert set(ASSIGNED) == again - {"originator_id", "originator_version", "timestamp"}


# -- every history ------------------------------------------------------------

histories = st.lists(
    st.tuples(step_strategy, st.integers(min_value=0, max_value=2)), max_size=10
)


def run(
    history: list[tuple[Step, int]], assigned_day: int
) -> tuple[Task, dict[int, int]]:
    """The steps, each followed by that many undos (refused ones skipped);
    and which step recorded each event version."""
    plan_fields = assign_fields(_plan(assigned_day))
    task = Task.assign(**plan_fields, actor="t", today=TODAY)
    made_by: dict[int, int] = {}
    on = plan_fields["assigned_on"]
    for index, (step, undos) in enumerate(history):
        before = task.version
        with contextlib.suppress(TaskRuleError):
            _do(task, "NV-1", step, on + timedelta(days=step.day))
        for version in range(before + 1, task.version + 1):
            made_by[version] = index
        for _ in range(undos):
            counting = counting_events(task.recorded)
            if len(counting) < 2:  # keep the assignment: tested on its own
                break
            void(task, counting[-1].originator_version, actor="t")
    return task, made_by


def _plan(assigned_day: int) -> TaskPlan:
    return TaskPlan("NV-1", assigned_day, 60, ())


@settings(max_examples=300, deadline=None)
@given(history=histories, assigned_day=st.integers(min_value=0, max_value=180))
def test_a_history_with_voids_equals_it_without_the_voided_events(
    history: list[tuple[Step, int]], assigned_day: int
) -> None:
    task, made_by = run(history, assigned_day)
    counting = counting_events(task.recorded)
    folded: TaskFacts | None = None
    for event in counting:
        folded = event.evolve(folded)
    assert task.facts == folded == facts_of(task.recorded)
    # The kept commands alone, on a fresh task, are all accepted and give
    # the same facts: what was checked after a void saw the facts restored.
    kept = sorted({made_by[e.originator_version] for e in counting[1:]})
    again, _ = run([(history[i][0], 0) for i in kept], assigned_day)
    assert again.facts == task.facts
    assert again.version == len(counting)


@settings(max_examples=200, deadline=None)
@given(history=histories, assigned_day=st.integers(min_value=0, max_value=180))
def test_the_read_model_applies_voids_as_the_aggregate_does(
    history: list[tuple[Step, int]], assigned_day: int
) -> None:
    """Event by event, from the facts as stored (JSON) and the history at
    hand, the read model's rows are those of the facts without the voided
    events; and so are the rows of the whole history at once (a rebuild)."""
    task, _ = run(history, assigned_day)
    events = task.recorded
    key = str(task.id)
    stored: dict[Any, TaskFacts | None] = {}
    rows = TaskRows()
    for position, event in enumerate(events, start=1):
        previous = stored.get(task.id)
        if previous is not None:
            stored[task.id] = facts_from_dict(facts_to_dict(previous))
        rows = TaskReadModel._rows(
            [event], [position], stored, lambda _id, v: events[:v]
        )
    expected = TaskRows()
    assert task.facts is not None
    expected.add(key, task.facts, len(events), len(events))
    assert rows.by_table() == expected.by_table()
    whole = TaskReadModel().rows_from_histories(events, range(1, len(events) + 1))
    assert whole.by_table() == expected.by_table()


def test_a_void_applied_without_the_history_at_hand_is_refused() -> None:
    task = new_task()
    noted(task)
    void(task, 2)
    with pytest.raises(TypeError):
        task.recorded[-1].evolve(task.facts)
