"""The calendar on a hardened PostgreSQL: a clerk records the Office's days
through the append function, the projector applies them, and the function
refuses calendar events the tracker never writes."""

from __future__ import annotations

import json
from typing import Any
from uuid import uuid4

import pytest

from domain.calendar_record import CALENDAR_ID
from domain.directory import DIRECTORY_ID
from tests.cli.helpers import as_json, ok, run
from tests.postgres.test_roles import (
    APPEND,
    as_role,
    follow,
    hardened_ledger,
    raw,
    refused,
    wait_until_current,
)

CLERK, PROJECTOR = "tracker_t17_calendar_clerk", "tracker_t17_calendar_projector"
TOPIC = "domain.calendar_record:CalendarRecord."
STAMP = {"_type_": "datetime_iso", "_data_": "2026-11-23T08:00:00+00:00"}
DAY = {"_type_": "date_iso", "_data_": "2026-11-23"}


@pytest.fixture
def hardened() -> str:
    return hardened_ledger(CLERK, PROJECTOR)


def test_a_clerk_records_a_day_off_and_the_projector_applies_it(
    hardened: str,
) -> None:
    clerk_url = as_role(hardened, CLERK)
    ok(clerk_url, "--lang", "en", "calendar", "holiday", "16/02/2024",
       "--reason", "Nghỉ bù Tết", "--doc", "Quyết định 123/QĐ-UBND")  # fmt: skip
    ok(clerk_url, "--lang", "en", "calendar", "workday", "24/02/2024",
       "--reason", "Làm bù Tết")  # fmt: skip
    again = run(clerk_url, "--lang", "en", "calendar", "holiday", "16/02/2024",
                "--reason", "x")  # fmt: skip
    assert again.exit_code == 1 and "already recorded" in again.stderr
    thread, stop, _ = follow(as_role(hardened, PROJECTOR))
    try:
        status = wait_until_current(clerk_url)
    finally:
        stop.set()
        thread.join(10)
    assert status["behind"] == 0 and status["head"] == 3  # opened, two days
    listed = as_json(clerk_url, "calendar", "show", "2024")["days"]
    office = [(d["date"], d["working"]) for d in listed if d["office"]]
    assert office == [("2024-02-16", False), ("2024-02-24", True)]
    assert ok(hardened, "verify", "--read-models").exit_code == 0


def day_off(**changes: Any) -> dict[str, Any]:
    return {
        "timestamp": STAMP,
        "effective_on": DAY,
        "actor": "b",
        "on": {"_type_": "date_iso", "_data_": "2024-02-16"},
        "reason": "Nghỉ bù",
        "document": "",
        **changes,
    }


def test_the_append_function_refuses_calendar_events_the_tracker_never_writes(
    hardened: str,
) -> None:
    opened = {
        "timestamp": STAMP,
        "originator_topic": "domain.calendar_record:CalendarRecord",
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

    calendar, other = CALENDAR_ID, uuid4()
    opening = [TOPIC + "Opened", TOPIC + "DayOffAdded"]
    bad_day = {"_type_": "date_iso", "_data_": "2024-02-30"}
    with raw(as_role(hardened, CLERK)) as connection:
        for ids, topics, states in (
            ([other, other], opening, [opened, day_off()]),  # another aggregate
            ([DIRECTORY_ID, DIRECTORY_ID], opening, [opened, day_off()]),
            ([calendar, calendar], opening, [opened, day_off(reason="a\u001bb")]),
            ([calendar, calendar], opening, [opened, day_off(document="x" * 501)]),
            ([calendar, calendar], opening, [opened, day_off(on=bad_day)]),
            ([calendar, calendar], opening, [opened, day_off(reason=None)]),
            ([calendar, calendar], opening, [opened, day_off(extra=1)]),
            ([calendar], [TOPIC + "DayOffAdded"], [day_off()]),  # not created
            (
                [calendar, calendar],
                [TOPIC + "Opened", "domain.directory_record:DirectoryRecord.Opened"],
                [opened, opened],
            ),  # the directory's event on the calendar
        ):  # fmt: skip
            assert "append:" in append(connection, ids, topics, states), (
                topics,
                states,
            )
        assert append(connection, [calendar, calendar], opening,
                      [opened, day_off()]) == "accepted"  # fmt: skip
    assert ok(hardened, "verify", "--read-models").exit_code == 0
