"""Rebuilding task by task: batches of whole histories, and the same read
models whether a helper process prepares them or not."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from projections.tables import READ_MODEL_TABLES
from tests.conftest import ASSIGNMENT, TODAY, table_rows
from tracker.bulk.forked_helper import helper_available
from tracker.bulk.rebuild import whole_histories


class Stored(NamedTuple):
    originator_id: int
    originator_version: int


def log_of(lengths: list[int]) -> list[Stored]:
    """Aggregates 0, 1, 2... with these numbers of events, in index order."""
    return [
        Stored(aggregate, version)
        for aggregate, length in enumerate(lengths)
        for version in range(1, length + 1)
    ]


def fetcher(log: list[Stored]) -> Any:
    def fetch(after: tuple[int, int] | None, limit: int) -> list[Stored]:
        rest = [
            s
            for s in log
            if after is None or (s.originator_id, s.originator_version) > after
        ]
        return rest[:limit]

    return fetch


@given(st.lists(st.integers(1, 7), max_size=30), st.integers(1, 9))
def test_batches_hold_whole_histories_and_the_whole_log(
    lengths: list[int], limit: int
) -> None:
    log = log_of(lengths)
    batches = list(whole_histories(fetcher(log), limit))
    assert [s for batch in batches for s in batch] == log
    assert all(batches)
    owners = [{s.originator_id for s in batch} for batch in batches]
    for earlier, later in zip(owners, owners[1:], strict=False):
        assert not earlier & later


def test_a_history_longer_than_a_batch_stays_whole() -> None:
    log = log_of([2, 11, 1])
    assert [len(batch) for batch in whole_histories(fetcher(log), 4)] == [2, 12]


def test_an_empty_log_has_no_batches() -> None:
    assert list(whole_histories(fetcher([]), 4)) == []


def test_rebuilt_read_models_are_the_written_through_ones(tmp_path: Path) -> None:
    from tracker.wiring import make_tracker

    ledger = make_tracker(f"sqlite:///{tmp_path / 'ledger.db'}", today=lambda: TODAY)
    for number in range(12):
        ledger.assign_task(code=f"NV-{number}", actor="tester", **ASSIGNMENT)
    for number in range(0, 12, 2):  # histories interleaved in the log
        ledger.extend_deadline(
            f"NV-{number}", to=date(2023, 4, 30), on=date(2023, 3, 20),
            reason="Chờ ý kiến", document="", actor="tester",
        )  # fmt: skip
    for number in range(0, 12, 3):
        ledger.complete_task(
            f"NV-{number}", on=date(2023, 4, 2), document="", actor="tester"
        )
    written_through = table_rows(ledger, *READ_MODEL_TABLES)
    modes = [False, True] if helper_available() else [False]
    for in_helper in modes:
        assert ledger.read_models.rebuild(batch_size=3, in_helper=in_helper) == 22
        assert table_rows(ledger, *READ_MODEL_TABLES) == written_through
    ledger.close()
