"""Undo on a hardened PostgreSQL: a clerk voids a slip through the append
function, the projector applies the void, and the function refuses voids the
tracker never writes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from domain.codes import task_id
from tests.cli.helpers import ASSIGN, as_json, ok
from tests.postgres.test_roles import (
    APPEND,
    as_role,
    follow,
    hardened_ledger,
    raw,
    refused,
    wait_until_current,
)

CLERK, PROJECTOR = "tracker_t18_undo_clerk", "tracker_t18_undo_projector"
CODE = "NV-2023-0042"
STAMP = {"_type_": "datetime_iso", "_data_": "2026-12-02T08:00:00+00:00"}
DAY = {"_type_": "date_iso", "_data_": "2026-12-02"}


@pytest.fixture
def hardened() -> str:
    return hardened_ledger(CLERK, PROJECTOR)


def test_a_clerk_undoes_a_slip_and_the_projector_applies_it(hardened: str) -> None:
    clerk_url = as_role(hardened, CLERK)
    ok(clerk_url, *ASSIGN)
    ok(clerk_url, "note", CODE, "Nhầm nhiệm vụ", "--on", "01/03/2023")
    ok(clerk_url, "undo", "Ghi nhầm nhiệm vụ")
    thread, stop, _ = follow(as_role(hardened, PROJECTOR))
    try:
        status = wait_until_current(clerk_url)
    finally:
        stop.set()
        thread.join(10)
    assert status["behind"] == 0 and status["head"] == 3
    assert as_json(clerk_url, "show", CODE)["notes"] == []
    assert ok(hardened, "verify", "--read-models").exit_code == 0


def voided(**changes: Any) -> dict[str, Any]:
    return {
        "timestamp": STAMP,
        "effective_on": DAY,
        "actor": "chuyên viên A",
        "voided_version": 1,
        "voided_type": "Assigned",
        "reason": "nhầm",
        **changes,
    }


def test_the_append_function_refuses_voids_the_tracker_never_writes(
    hardened: str,
) -> None:
    ok(hardened, *ASSIGN)
    task = task_id(CODE)
    with raw(as_role(hardened, CLERK)) as connection:

        def append(state: Any) -> str:
            return refused(
                connection,
                APPEND,
                [task],
                [2],
                ["domain.task:Task.Voided"],
                [json.dumps(state).encode()],
            )

        for state in (
            voided(voided_version="1"),
            voided(voided_version=1.5),
            voided(voided_version=0),
            voided(voided_version=-1),
            voided(voided_version=None),
            voided(voided_version=[1]),
            voided(voided_version=10**12),
            voided(reason="a\u001bb"),
            voided(voided_type=None),
            voided(extra=1),
        ):
            assert "append:" in append(state), state
        assert append(voided()) == "accepted"
        again = {
            "timestamp": STAMP,
            "effective_on": DAY,
            "actor": "chuyên viên A",
            "code": "NV-2023-0099",  # not the code the task began with
            "title": "Rà soát",
            "assigner": "UBND tỉnh",
            "lead_agency": "Sở Tư pháp",
            "co_agencies": [],
            "document": "",
            "document_number": None,
            "document_date": None,
            "assigned_on": {"_type_": "date_iso", "_data_": "2023-02-14"},
            "due_on": None,
        }
        assert "names a code its task does not have" in refused(
            connection,
            APPEND,
            [task],
            [3],
            ["domain.task:Task.AssignedAgain"],
            [json.dumps(again).encode()],
        )
    assert as_json(hardened, "list") == []  # the assignment voided
    assert ok(hardened, "verify", "--read-models").exit_code == 0
