"""Periodic tasks on a hardened PostgreSQL: a clerk records a schedule and
its occurrences through the append function, and the projector applies
them; the codes table keeps a schedule's code from any task."""

from __future__ import annotations

import pytest

from tests.cli.helpers import as_json, ok, run
from tests.postgres.test_roles import (
    as_role,
    follow,
    hardened_ledger,
    wait_until_current,
)

CLERK, PROJECTOR = "tracker_t17_schedule_clerk", "tracker_t17_schedule_projector"


@pytest.fixture
def hardened() -> str:
    return hardened_ledger(CLERK, PROJECTOR)


def test_a_clerk_records_a_schedule_and_its_occurrences(hardened: str) -> None:
    clerk_url = as_role(hardened, CLERK)
    recorded = ok(
        clerk_url, "--lang", "en", "assign", "BC-NAM", "--title", "Báo cáo năm",
        "--agency", "Sở Nội vụ", "--assigner", "UBND tỉnh", "--every", "year",
        "--due-day", "15", "--due-in", "next-month", "--from", "01/01/2024",
        "--until", "31/12/2025",
    ).stdout  # fmt: skip
    assert "recorded 2 occurrences" in recorded
    task = run(
        clerk_url, "--lang", "en", "assign", "BC-NAM", "--title", "x",
        "--agency", "Sở Nội vụ", "--assigner", "UBND tỉnh", "--assigned", "01/02/2024",
    )  # fmt: skip
    assert task.exit_code == 1 and "schedule's code" in task.stderr
    thread, stop, _ = follow(as_role(hardened, PROJECTOR))
    try:
        status = wait_until_current(clerk_url)
    finally:
        stop.set()
        thread.join(10)
    assert status["behind"] == 0 and status["head"] == 3  # schedule, two years
    rows = as_json(clerk_url, "list", "--schedule", "BC-NAM", "--as-of", "01/06/2026")
    assert [(r["code"], r["due_on"]) for r in rows] == [
        ("BC-NAM/2024", "2025-01-15"),
        ("BC-NAM/2025", "2026-01-15"),
    ]
    assert ok(hardened, "verify", "--read-models").exit_code == 0
