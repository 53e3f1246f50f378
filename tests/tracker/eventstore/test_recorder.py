"""The tracker's own event store: what the application relies on it for."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, NoReturn
from uuid import uuid4

import pytest
from eventsourcing.persistence import IntegrityError, ProgrammingError, StoredEvent

from projections.tables import TASKS
from tests.conftest import ASSIGNMENT, TODAY
from tests.stored_states import DAY, STAMP, assigned
from tracker.eventstore.table_definitions import ledger_tables
from tracker.wiring import make_tracker

ASSIGN: dict[str, Any] = ASSIGNMENT


def state(originator_id: Any, version: int) -> bytes:
    """An event as the tracker writes it (PostgreSQL's append function
    refuses others): a task's creation first, then progress notes."""
    if version > 1:
        note = {"timestamp": STAMP, "effective_on": DAY, "actor": "t"}
        return json.dumps({**note, "text": f"tiến độ {version}"}).encode()
    return json.dumps(assigned(f"NV-{str(originator_id)[:8]}", actor="t")).encode()


def stored(originator_id: Any, version: int) -> StoredEvent:
    topic = "domain.task:Task." + ("Assigned" if version == 1 else "ProgressNoted")
    return StoredEvent(originator_id, version, topic, state(originator_id, version))


def count(ledger: Any, table: str) -> int:
    with ledger.recorder.transaction(commit=False) as sql:
        return int(sql.scalar(f"SELECT count(*) FROM {table}"))


def test_events_come_back_as_they_went_in_with_consecutive_positions(
    ledger: Any,
) -> None:
    aggregate = uuid4()
    positions = ledger.recorder.insert_events(
        [stored(aggregate, 1), stored(aggregate, 2)]
    )
    assert list(positions) == [1, 2]
    again = ledger.recorder.select_events(aggregate)
    assert [(e.originator_version, e.state) for e in again] == [
        (1, state(aggregate, 1)),
        (2, state(aggregate, 2)),
    ]
    latest = ledger.recorder.select_events(aggregate, desc=True, limit=1)
    assert [e.originator_version for e in latest] == [2]
    notes = ledger.recorder.select_notifications(1, 10)
    assert [(n.id, n.originator_id) for n in notes] == [(1, aggregate), (2, aggregate)]
    assert ledger.recorder.max_notification_id() == 2


def test_a_conflicting_append_raises_the_librarys_integrity_error_and_keeps_nothing(
    ledger: Any,
) -> None:
    aggregate = uuid4()
    ledger.recorder.insert_events([stored(aggregate, 1)])
    with pytest.raises(IntegrityError):
        ledger.recorder.insert_events([stored(uuid4(), 1), stored(aggregate, 1)])
    assert ledger.recorder.max_notification_id() == 1
    assert count(ledger, ledger.recorder.chain_table) == 1


def test_nested_transactions_commit_or_roll_back_together(ledger: Any) -> None:
    with pytest.raises(RuntimeError), ledger.recorder.transaction(commit=True):
        ledger.recorder.insert_events([stored(uuid4(), 1)])
        raise RuntimeError("the batch fails after the save")
    assert ledger.recorder.max_notification_id() is None


def test_a_write_cannot_join_a_read_only_transaction(ledger: Any) -> None:
    with pytest.raises(ProgrammingError), ledger.recorder.transaction(commit=False):
        ledger.recorder.insert_events([stored(uuid4(), 1)])


def test_ledgers_written_by_eventsourcing_sqlalchemy_keep_their_layout(
    sqlite_url: str,
) -> None:
    """The columns and index of the library's events table, so old files open."""
    ledger = make_tracker(sqlite_url, today=lambda: TODAY)
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    ledger.close()
    connection = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    columns = connection.execute("PRAGMA table_info(tracker_events)").fetchall()
    indexes = connection.execute("PRAGMA index_list(tracker_events)").fetchall()
    raw_id = connection.execute("SELECT originator_id FROM tracker_events").fetchone()
    connection.close()
    assert [(c[1], c[2]) for c in columns] == [
        ("id", "INTEGER"),
        ("originator_id", "BINARY(16)"),
        ("originator_version", "INTEGER"),
        ("topic", "TEXT"),
        ("state", "BLOB"),
    ]
    assert ("tracker_events_aggregate_idx", 1) in [(i[1], i[2]) for i in indexes]
    assert isinstance(raw_id[0], bytes) and len(raw_id[0]) == 16


def test_events_just_recorded_are_applied_only_onto_the_position_before_them(
    ledger: Any,
) -> None:
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    events = ledger.task_events("NV-1")
    head = ledger.read_models.catch_up.head()
    assert (
        ledger.read_models.catch_up.position() == head
    )  # applied as they were recorded
    # Positions that do not follow the tracked one are left to the pull loop.
    assert not ledger.read_models.catch_up.apply_recorded(events, [head + 5])
    assert ledger.read_models.catch_up.position() == head
    assert count(ledger, TASKS) == 1
    assert ledger_tables().events.name == "tracker_events"


def test_the_first_events_of_an_empty_ledger_are_written_through(
    ledger: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No tracking row yet means position 0: nothing is read back from the log."""

    def no_reading_back(*args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError("the events were read back from the log")

    monkeypatch.setattr(ledger.read_models.catch_up, "_step", no_reading_back)
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    ledger.assign_task(actor="t", code="NV-2", **ASSIGN)
    assert (
        ledger.read_models.catch_up.position()
        == ledger.read_models.catch_up.head()
        == 2
    )
    assert count(ledger, TASKS) == 2
