"""The application: optimistic concurrency, retries and catching up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from domain.errors import ConcurrentChange, DuplicateTask, TaskRuleError, UnknownTask
from tests.conftest import TODAY
from tracker.reading import Reading
from tracker.wiring import make_tracker

ASSIGN: dict[str, Any] = {
    "code": "NV-1",
    "title": "Rà soát thủ tục hành chính",
    "assigner": "UBND tỉnh",
    "lead_agency": "Sở Tư pháp",
    "assigned_on": date(2023, 2, 14),
    "due_on": date(2023, 3, 31),
    "document": "495/UBND-TTHC ngày 14/02/2023",
    "co_agencies": [],
}


@pytest.fixture
def other(db_url: str) -> Iterator[Any]:
    """A second clerk's process on the same database."""
    app = make_tracker(db_url, today=lambda: TODAY)
    yield app
    app.close()


def interfering(ledger: Any, once: Any) -> Any:
    """Make the next load of a task be followed by ``once()`` (another clerk
    writing between our load and our save)."""
    original = ledger._load
    state = {"done": False}

    def load(code: str) -> Any:
        task = original(code)
        if not state["done"]:
            state["done"] = True
            once()
        return task

    ledger._load = load
    return state


def test_conflicting_note_is_retried_and_both_are_kept(ledger: Any, other: Any) -> None:
    ledger.assign_task(actor="a", **ASSIGN)
    interfering(
        ledger,
        lambda: other.note_progress(
            "NV-1", text="từ B", on=date(2023, 3, 1), actor="b"
        ),
    )
    ledger.note_progress("NV-1", text="từ A", on=date(2023, 3, 2), actor="a")
    notes = [text for _, text in ledger.task_facts("NV-1").notes]
    assert notes == ["từ B", "từ A"]


def test_conflict_is_rechecked_and_refused_when_the_rule_no_longer_holds(
    ledger: Any, other: Any
) -> None:
    ledger.assign_task(actor="a", **ASSIGN)
    interfering(
        ledger,
        lambda: other.complete_task(
            "NV-1", on=date(2023, 3, 20), document="", actor="b"
        ),
    )
    with pytest.raises(TaskRuleError, match="was completed on 20/03/2023"):
        ledger.complete_task("NV-1", on=date(2023, 3, 21), document="", actor="a")
    assert len(ledger.task_events("NV-1")) == 2


def test_endless_conflicts_end_as_a_concurrent_change(ledger: Any, other: Any) -> None:
    ledger.assign_task(actor="a", **ASSIGN)
    original = ledger._load

    def load(code: str) -> Any:
        task = original(code)
        other.note_progress("NV-1", text="chen ngang", on=date(2023, 3, 1), actor="b")
        return task

    ledger._load = load
    with pytest.raises(ConcurrentChange) as raised:
        ledger.note_progress("NV-1", text="A", on=date(2023, 3, 2), actor="a")
    assert raised.value.exit_code == 3


def test_unknown_and_duplicate_codes(ledger: Any) -> None:
    with pytest.raises(UnknownTask, match="No task with code NV-404."):
        ledger.complete_task("nv-404", on=date(2023, 3, 1), document="", actor="a")
    ledger.assign_task(actor="a", **ASSIGN)
    with pytest.raises(DuplicateTask):
        ledger.assign_task(actor="a", **{**ASSIGN, "code": "nv-1"})


def test_read_models_catch_up_with_another_process(ledger: Any, other: Any) -> None:
    ledger.assign_task(actor="a", **ASSIGN)
    other.complete_task("NV-1", on=date(2023, 3, 20), document="", actor="b")
    views = Reading.of(ledger).list_tasks(date(2023, 6, 30))
    assert [(v.code, str(v.status)) for v in views] == [("NV-1", "on_time")]


def test_batch_is_all_or_nothing(ledger: Any) -> None:
    with pytest.raises(TaskRuleError), ledger.batch():
        ledger.assign_task(actor="a", **ASSIGN)
        ledger.complete_task("NV-1", on=date(2023, 3, 20), document="", actor="a")
        ledger.complete_task("NV-1", on=date(2023, 3, 21), document="", actor="a")
    assert not ledger.exists("NV-1")
    assert Reading.of(ledger).list_tasks(date(2023, 6, 30)) == []
