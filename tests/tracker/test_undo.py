"""Undo as the application runs it: the window, read from the log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cli.messages import translate
from domain.voiding import NothingToUndo
from tests.conftest import ASSIGNMENT, TODAY
from tracker.undo import undo_last
from tracker.wiring import make_tracker


def test_an_event_older_than_the_window_is_out_of_reach(db_url: str) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    try:
        ledger.assign_task(actor="a", code="NV-1", **ASSIGNMENT)
        later = datetime.now(UTC) + timedelta(minutes=2)
        count = ledger.read_models.catch_up.head()
        with pytest.raises(NothingToUndo) as refused:
            undo_last(
                ledger, actor="a", reason="nhầm", window=timedelta(minutes=1), now=later
            )
        message = str(refused.value)
        assert message == "Nothing a recorded in the last minute is left to undo."
        assert translate("vi", message) == (
            "Trong 1 phút qua, a không ghi nhận gì còn có thể hủy ghi nhận."
        )
        assert ledger.read_models.catch_up.head() == count
        done = undo_last(ledger, actor="a", reason="nhầm", window=timedelta(minutes=1))
        assert (done.code, done.kind, done.version) == ("NV-1", "Assigned", 1)
    finally:
        ledger.close()


def test_another_persons_last_event_is_not_yours_to_undo(db_url: str) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    try:
        ledger.assign_task(actor="a", code="NV-1", **ASSIGNMENT)
        with pytest.raises(NothingToUndo, match="Nothing b recorded"):
            undo_last(ledger, actor="b", reason="nhầm", window=timedelta(minutes=15))
    finally:
        ledger.close()
