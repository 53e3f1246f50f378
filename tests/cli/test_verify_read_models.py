"""``verify --read-models``: the figures reports count from equal a replay of
the log, and any row changed behind the tool's back is named by its task."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from click.testing import Result

from domain.codes import task_id
from domain.errors import IntegrityFailure
from domain.task import Task
from tests.cli import helpers
from tests.cli.helpers import execute
from tests.conftest import TODAY
from tracker.eventstore.chain import chain_hash
from tracker.wiring import make_tracker


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


LEDGER = "\n".join(
    [
        'assign A-1 --title "Rà soát" --agency "Sở Tư pháp" --assigner "UBND tỉnh" '
        "--assigned 10/01/2023 --due 31/03/2023",
        'assign A-2 --title "Số hóa" --agency "Sở Nội vụ" --assigner "UBND tỉnh" '
        "--assigned 10/02/2023 --due 30/04/2023",
        'assign A-3 --title "Đề án 06" --agency "Công an tỉnh" --assigner '
        '"Thủ tướng Chính phủ" --assigned 01/03/2023 --due 15/06/2023',
        "complete A-1 --on 20/03/2023",
        "complete A-3 --on 20/06/2023",
    ]
)
STRANGER = "00000000-0000-5000-8000-000000000009"


def of(code: str) -> str:
    return f"(SELECT task_id FROM tasks_view WHERE code = '{code}')"


def refused(result: Any, *fragments: str) -> str:
    assert result.exit_code == 4, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@pytest.fixture
def recorded(db_url: str) -> str:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    return db_url


def test_untouched_read_models_match_a_replay_of_the_log(recorded: str) -> None:
    result = ok(recorded, "verify", "--read-models")
    assert "Ledger intact: 5 events" in result.output
    assert "Read models match a replay of the log: 3 tasks at position 5." in (
        result.output
    )


TAMPERING = {
    "a late task made on time": (
        f"UPDATE task_status_spans SET status = 'on_time' WHERE task_id = {of('A-3')}"
        " AND status = 'late'",
        ("task A-3", "task_status_spans", "differs"),
    ),
    "a span deleted": (
        f"DELETE FROM task_status_spans WHERE task_id = {of('A-2')}"
        " AND status = 'overdue'",
        ("task A-2", "task_status_spans", "lacks a row"),
    ),
    "an overdue entry deleted": (
        "DELETE FROM overdue_entries WHERE code = 'A-2'",
        ("task A-2", "overdue_entries", "lacks a row"),
    ),
    "a task that does not exist": (
        "INSERT INTO tasks_view SELECT :stranger, 'Z-9', title, search_key,"
        " lead_agency, co_agencies, agency_key, assigner, assigner_key, document,"
        " document_number, assigned_on, due_on, completed_on, cancelled_on,"
        " version, position FROM tasks_view WHERE code = 'A-2'",
        ("task Z-9", "tasks_view", "ledger does not have"),
    ),
    "a span of a task that does not exist": (
        "INSERT INTO task_status_spans SELECT :stranger, valid_from, valid_until,"
        " status, due_on, completed_on, assigned_on, lead_agency, agency_key,"
        f" assigner FROM task_status_spans WHERE task_id = {of('A-2')}",
        (STRANGER, "task_status_spans", "ledger does not have"),
    ),
    "facts changed": (
        "UPDATE task_facts SET facts = replace(facts, 'Sở Nội vụ', 'Sở Tư pháp')"
        f" WHERE task_id = {of('A-2')}",
        ("task A-2", "task_facts", "differs"),
    ),
}


@pytest.mark.parametrize("tampering", TAMPERING.values(), ids=list(TAMPERING))
def test_a_read_model_row_changed_behind_the_tools_back_names_its_task(
    recorded: str, tampering: tuple[str, tuple[str, ...]]
) -> None:
    statement, fragments = tampering
    execute(recorded, statement, stranger=STRANGER)
    assert ok(recorded, "verify").exit_code == 0  # the events are intact
    refused(
        run(recorded, "verify", "--read-models"),
        *fragments,
        "run 'tracker projections rebuild'",
    )
    ok(recorded, "projections", "rebuild")
    ok(recorded, "verify", "--read-models")


def test_read_models_behind_the_log_are_checked_at_their_position(
    recorded: str,
) -> None:
    ledger = make_tracker(recorded, today=lambda: TODAY)
    try:  # recorded by another process, not yet applied
        ledger.events.put(
            Task.assign(
                actor="chuyên viên B",
                today=TODAY,
                code="A-4",
                title="Mới",
                assigner="UBND tỉnh",
                lead_agency="Sở Nội vụ",
                assigned_on=TODAY,
                due_on=None,
                document="",
                co_agencies=[],
            ).collect_events()
        )
    finally:
        ledger.close()
    result = ok(recorded, "verify", "--read-models")
    assert "3 tasks at position 5, 1 event behind its end." in result.output


def forge_event(db_url: str, topic: str, state: bytes) -> int:
    """Append an event with a correct chain row, as someone with write
    access could: the chain is whole, only decoding finds it out."""
    (position, digest, recorded_at), *_ = execute(
        db_url,
        "SELECT position, hash, recorded_at FROM tracker_chain"
        " ORDER BY position DESC LIMIT 1",
    )
    position += 1
    originator = task_id("A-2")
    stored_id = originator.bytes if db_url.startswith("sqlite") else originator
    execute(
        db_url,
        "INSERT INTO tracker_events (id, originator_id, originator_version, topic,"
        " state) VALUES (:position, :id, 2, :topic, :state)",
        "INSERT INTO tracker_chain (position, recorded_at, previous_hash, hash)"
        " VALUES (:position, :at, :previous, :hash)",
        position=position,
        id=stored_id,
        topic=topic,
        state=state,
        at=recorded_at,
        previous=digest,
        hash=chain_hash(
            digest, position, UUID(str(originator)), 2, topic, state, recorded_at
        ),
    )
    return position


@pytest.mark.parametrize("applied", [True, False], ids=["applied", "not yet"])
@pytest.mark.parametrize(
    ("topic", "state", "what"),
    [
        ("domain.task:Task.ProgressNoted", b'{"actor": ', "cannot be decoded"),
        ("os:system", b"{}", "a type this tracker does not know (os:system)"),
    ],
    ids=["damaged JSON", "unknown type"],
)
def test_an_event_that_cannot_be_decoded_is_named_by_its_position(
    recorded: str, topic: str, state: bytes, what: str, applied: bool
) -> None:
    position = forge_event(recorded, topic, state)
    if applied:
        execute(recorded, f"UPDATE tracker_tracking SET notification_id = {position}")
    assert ok(recorded, "verify").exit_code == 0  # a whole chain
    refused(run(recorded, "verify", "--read-models"), f"position {position}", what)


def test_an_event_that_cannot_be_replayed_is_named_by_its_position(
    recorded: str,
) -> None:
    position = forge_event(recorded, "domain.task:Task.ProgressNoted", b"{}")
    execute(recorded, f"UPDATE tracker_tracking SET notification_id = {position}")
    refused(
        run(recorded, "verify", "--read-models"),
        f"position {position} (task A-2) cannot be replayed",
    )


@pytest.mark.parametrize("in_helper", [False, True], ids=["here", "in a helper"])
def test_the_same_answer_with_or_without_a_helper(
    recorded: str, in_helper: bool
) -> None:
    execute(recorded, TAMPERING["a late task made on time"][0])
    ledger = make_tracker(recorded, today=lambda: TODAY)
    try:
        with pytest.raises(IntegrityFailure, match="task A-3 has a row that differs"):
            ledger.audit.verify_with_read_models(in_helper=in_helper)
    finally:
        ledger.close()


def alter_event_2(url: str) -> None:
    state = execute(url, "SELECT state FROM tracker_events WHERE id = 2")[0][0]
    altered = bytes(state).replace("Sở Nội vụ".encode(), "Sở Nội Vụ".encode())
    execute(url, "UPDATE tracker_events SET state = :s WHERE id = 2", s=altered)


def test_a_break_in_the_chain_is_told_before_the_read_models_it_explains(
    recorded: str,
) -> None:
    alter_event_2(recorded)
    execute(recorded, TAMPERING["a late task made on time"][0])
    line = refused(run(recorded, "verify", "--read-models"), "position 2", "altered")
    assert "task_status_spans" not in line


def test_a_break_in_the_chain_is_told_before_a_damaged_tracking_row(
    sqlite_url: str,
) -> None:
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    assert ok(sqlite_url, "verify", "--read-models").exit_code == 0
    alter_event_2(sqlite_url)
    execute(sqlite_url, "UPDATE tracker_tracking SET notification_id = 'x'")
    refused(run(sqlite_url, "verify", "--read-models"), "position 2", "altered")
