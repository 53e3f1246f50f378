"""The directory on a hardened PostgreSQL: a clerk files names through the
append function, the projector applies them, and the function refuses
directory events the tracker never writes."""

from __future__ import annotations

import json
from typing import Any
from uuid import uuid4

import pytest

from domain.directory import DIRECTORY_ID
from tests.cli.helpers import ASSIGN, as_json, ok, run
from tests.postgres.test_roles import (
    APPEND,
    ASSIGNED,
    as_role,
    follow,
    hardened_ledger,
    raw,
    refused,
    wait_until_current,
)
from tests.stored_states import assigned

CLERK, PROJECTOR = "tracker_t15_directory_clerk", "tracker_t15_directory_projector"
TOPIC = "domain.directory_record:DirectoryRecord."
STAMP = {"_type_": "datetime_iso", "_data_": "2026-11-23T08:00:00+00:00"}
DAY = {"_type_": "date_iso", "_data_": "2026-11-23"}


@pytest.fixture
def hardened() -> str:
    return hardened_ledger(CLERK, PROJECTOR)


def test_a_clerk_files_a_name_and_the_projector_applies_it(hardened: str) -> None:
    clerk_url = as_role(hardened, CLERK)
    ok(clerk_url, *ASSIGN[:5], "SYT", *ASSIGN[6:])
    ok(clerk_url, "--lang", "en", "directory", "add", "agency", "Sở Y tế")
    ok(clerk_url, "--lang", "en", "directory", "alias", "agency", "Sở Y tế", "SYT")
    refusal = run(clerk_url, "--lang", "en", "directory", "add", "agency", "so y te")
    assert refusal.exit_code == 1 and "already has" in refusal.stderr
    thread, stop, _ = follow(as_role(hardened, PROJECTOR))
    try:
        status = wait_until_current(clerk_url)
    finally:
        stop.set()
        thread.join(10)
    assert status["behind"] == 0 and status["head"] == 4  # a task, the directory
    entries = as_json(clerk_url, "directory", "list", "--kind", "agency")["entries"]
    health = next(e for e in entries if e["name"] == "Sở Y tế")
    assert health["aliases"] == ["SYT"]
    assert health["variants"] == [{"name": "SYT", "tasks": 1}]
    rows = as_json(clerk_url, "list", "--agency", "so y te")
    assert [(row["code"], row["agency"]) for row in rows] == [
        ("NV-2023-0042", "Sở Y tế")
    ]
    assert ok(hardened, "verify", "--read-models").exit_code == 0


def name_added(**changes: Any) -> dict[str, Any]:
    return {
        "timestamp": STAMP,
        "effective_on": DAY,
        "actor": "b",
        "kind": "agency",
        "name": "Sở Y tế",
        "source": None,
        **changes,
    }


def test_the_append_function_refuses_directory_events_the_tracker_never_writes(
    hardened: str,
) -> None:
    opened = {
        "timestamp": STAMP,
        "originator_topic": "domain.directory_record:DirectoryRecord",
        "effective_on": DAY,
        "actor": "b",
    }

    def append(
        connection: Any, ids: list[Any], topics: list[str], states: list[Any]
    ) -> str:
        return refused(
            connection,
            APPEND,
            ids,
            list(range(1, len(ids) + 1)),
            topics,
            [json.dumps(state).encode() for state in states],
        )

    directory, other = DIRECTORY_ID, uuid4()
    opening = [TOPIC + "Opened", TOPIC + "NameAdded"]
    with raw(as_role(hardened, CLERK)) as connection:
        for ids, topics, states in (
            ([other, other], opening, [opened, name_added()]),  # another aggregate
            ([directory], [ASSIGNED], [assigned()]),  # a task at the directory's ID
            ([directory, directory], opening, [opened, name_added(name="a\u001bb")]),
            ([directory, directory], opening, [opened, name_added(name="x" * 201)]),
            ([directory, directory], opening, [opened, name_added(kind="k" * 17)]),
            ([directory, directory], opening, [opened, name_added(extra=1)]),
            ([directory, directory], opening, [opened, {"timestamp": STAMP}]),
            ([directory], [TOPIC + "NameAdded"], [name_added()]),  # not created
            (
                [directory, directory],
                [TOPIC + "Opened", "domain.task:Task.Completed"],
                [opened, {"timestamp": STAMP, "effective_on": DAY, "actor": "b",
                          "document": ""}],
            ),  # a task's event on the directory
        ):  # fmt: skip
            assert "append:" in append(connection, ids, topics, states), (
                topics,
                states,
            )
        assert append(connection, [directory, directory], opening,
                      [opened, name_added()]) == "accepted"  # fmt: skip
    assert ok(hardened, "verify", "--read-models").exit_code == 0
