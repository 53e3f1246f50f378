"""A command's events, chain rows and read-model rows commit together, and a
read model that fails after its events committed refuses nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from click.testing import Result

from projections import tables as names
from projections.tasks import TaskReadModel
from tests.cli import helpers
from tests.cli.helpers import as_json
from tests.conftest import ASSIGNMENT, TODAY, table_rows
from tracker.wiring import make_tracker


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


TABLES = (
    "tracker_events",
    "tracker_chain",
    "tracker_tracking",
    *names.READ_MODEL_TABLES,
)
ASSIGN_CLI = [
    "--title", "Rà soát", "--agency", "Sở Tư pháp", "--assigner", "UBND tỉnh",
    "--assigned", "14/02/2023", "--due", "31/03/2023",
]  # fmt: skip


def broken_projection(*args: Any, **kwargs: Any) -> None:
    raise RuntimeError("a bug in a read model")


def test_a_read_model_that_fails_takes_the_command_back_whole(
    ledger: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.assign_task(actor="t", code="NV-1", **ASSIGNMENT)
    before = table_rows(ledger, *TABLES)
    monkeypatch.setattr(ledger.read_models.tasks, "apply", broken_projection)
    with pytest.raises(RuntimeError):
        ledger.complete_task("NV-1", on=date(2023, 3, 1), document="", actor="t")
    with pytest.raises(RuntimeError):
        ledger.assign_task(actor="t", code="NV-2", **ASSIGNMENT)
    assert table_rows(ledger, *TABLES) == before


def test_a_batch_whose_read_models_fail_keeps_nothing(
    ledger: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.assign_task(actor="t", code="NV-1", **ASSIGNMENT)
    before = table_rows(ledger, *TABLES)
    calls = {"n": 0}
    original = ledger.read_models.tasks.apply

    def fails_the_second_time(*args: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("a bug in a read model")
        original(*args)

    monkeypatch.setattr(ledger.read_models.tasks, "apply", fails_the_second_time)
    with pytest.raises(RuntimeError), ledger.batch():
        ledger.note_progress("NV-1", text="một", on=date(2023, 3, 1), actor="t")
        ledger.note_progress("NV-1", text="hai", on=date(2023, 3, 2), actor="t")
    assert table_rows(ledger, *TABLES) == before


def test_after_a_read_model_fails_on_committed_events_every_command_still_works(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events another process recorded (a clerk on a hardened PostgreSQL)
    that the read models cannot take, by a bug: commands keep recording and
    say so, reports answer from the read models as they stand."""
    ok(db_url, "assign", "NV-1", *ASSIGN_CLI)
    ok(db_url, "assign", "NV-2", *ASSIGN_CLI)
    clerk = make_tracker(db_url, today=lambda: TODAY)
    clerk.read_models.projects = False
    clerk.complete_task("NV-1", on=date(2023, 3, 1), document="", actor="b")
    clerk.close()
    monkeypatch.setattr(TaskReadModel, "apply", broken_projection)
    result = ok(db_url, "note", "NV-2", "Đang thực hiện", "--on", "01/03/2023")
    assert "Noted progress on NV-2" in result.stdout
    assert "Everything recorded is kept" in result.stderr
    assert "tracker projections rebuild" in result.stderr
    report = as_json(db_url, "report", "--period", "2023-H1")
    assert report["behind"] == 2 and report["assigned"] == 2
    assert as_json(db_url, "overdue", "--as-of", "30/06/2023")["behind"] == 2
    assert len(as_json(db_url, "history", "NV-2")) == 2  # the note is recorded
    monkeypatch.undo()  # the bug fixed: the next command catches up
    assert as_json(db_url, "report", "--period", "2023-H1")["behind"] == 0
    assert as_json(db_url, "show", "NV-1")["status"] == "on_time"


def test_reports_say_they_are_current(db_url: str) -> None:
    ok(db_url, "assign", "NV-1", *ASSIGN_CLI)
    assert as_json(db_url, "report", "--period", "2023-H1")["behind"] == 0
    assert as_json(db_url, "overdue", "--as-of", "30/06/2023")["behind"] == 0
