"""The forked helper process: same chunks, same order, same ledger as
preparing everything here; its failures come back as errors, and it never
outlives the import."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

import pytest

from domain.errors import TrackerError
from projections.tables import READ_MODEL_TABLES
from tests.conftest import table_rows
from tests.tracker.bulk.test_importing import row
from tracker.bulk import forked_helper
from tracker.bulk.forked_helper import (
    HelperStopped,
    helper_available,
    prepared_chunks,
)
from tracker.bulk.importing import import_task_list

pytestmark = pytest.mark.skipif(
    not helper_available(), reason="the helper needs fork and a second core"
)


@pytest.fixture
def helpers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process IDs of the helpers forked during the test."""
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(forked_helper.os, "fork", fork)
    return forked


def reaped(pids: list[int]) -> bool:
    """Each of ``pids`` has ended and been waited for (no zombie left)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return bool(pids)


# A prepared chunk large enough to fill the pipe, so that the helper cannot
# send every chunk before either process has timed its work.
LARGE = "x" * 200_000


def slow_in(slow: Callable[[], bool]) -> Any:
    """A ``prepare`` that takes its time where ``slow()`` says, and names the
    process that prepared each chunk."""

    def prepare(chunk: list[int]) -> tuple[int, list[int], list[str]]:
        if slow():
            time.sleep(0.02)
        return os.getpid(), chunk, [LARGE for _ in chunk]

    return prepare


def prepared_by(received: list[tuple[int, list[int], Any]], count: int) -> list[int]:
    """The preparing processes, once the chunks are known to be in order."""
    assert [chunk for _, chunk, _ in received] == [
        list(range(start, min(start + 2, count))) for start in range(0, count, 2)
    ]
    return [pid for pid, _, _ in received]


def test_a_slow_helper_leaves_the_caller_more_to_prepare(helpers: list[int]) -> None:
    caller = os.getpid()
    with prepared_chunks(
        range(80), slow_in(lambda: os.getpid() != caller), 2, in_helper=True
    ) as chunks:
        preparers = prepared_by(list(chunks), 80)
    # Once both have timed their work, this process prepares nearly all.
    assert preparers.count(caller) >= len(preparers) // 2
    assert helpers[0] in preparers
    assert reaped(helpers)


def test_a_slow_caller_leaves_the_helper_more_to_prepare(helpers: list[int]) -> None:
    caller = os.getpid()
    with prepared_chunks(
        range(80), slow_in(lambda: os.getpid() == caller), 2, in_helper=True
    ) as chunks:
        preparers = prepared_by(list(chunks), 80)
    # The first chunk is this process's, then the helper takes nearly all.
    assert preparers[0] == caller
    assert preparers.count(caller) <= len(preparers) // 4
    assert reaped(helpers)


def test_without_the_helper_everything_is_prepared_here() -> None:
    with prepared_chunks(
        range(5), lambda chunk: (os.getpid(), chunk), 2, in_helper=False
    ) as chunks:
        assert [pid for pid, _ in chunks] == [os.getpid()] * 3


def in_the_helper(fail: Callable[[list[int]], None]) -> Any:
    """A ``prepare`` that calls ``fail`` in the helper only, never here, and
    takes its time here, so that the helper surely gets a chunk."""
    caller = os.getpid()

    def prepare(chunk: list[int]) -> list[int]:
        if os.getpid() != caller:
            fail(chunk)
        time.sleep(0.02)
        return chunk

    return prepare


def cannot_prepare(chunk: list[int]) -> None:
    raise ValueError(f"chunk {chunk} cannot be prepared")


def test_an_error_in_the_helper_is_raised_here(helpers: list[int]) -> None:
    with (
        pytest.raises(ValueError, match=r"chunk \[\d+, \d+\] cannot be prepared"),
        prepared_chunks(
            range(8), in_the_helper(cannot_prepare), 2, in_helper=True
        ) as chunks,
    ):
        list(chunks)
    assert reaped(helpers)


class NeedsTwoArguments(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} and {second}")


def fail_oddly(chunk: list[int]) -> None:
    raise NeedsTwoArguments("this", "that")


def test_an_error_that_cannot_travel_arrives_as_its_message() -> None:
    with (
        pytest.raises(TrackerError, match="NeedsTwoArguments: this and that"),
        prepared_chunks(
            range(4), in_the_helper(fail_oddly), 2, in_helper=True
        ) as chunks,
    ):
        list(chunks)


def die(chunk: list[int]) -> None:
    os._exit(9)


def test_a_helper_that_dies_is_reported(helpers: list[int]) -> None:
    with (
        pytest.raises(HelperStopped, match="stopped unexpectedly"),
        prepared_chunks(range(40), in_the_helper(die), 2, in_helper=True) as chunks,
    ):
        list(chunks)
    assert reaped(helpers)


def test_leaving_early_stops_the_helper(helpers: list[int]) -> None:
    with prepared_chunks(range(10_000), list, 10, in_helper=True) as chunks:
        assert next(chunks) == list(range(10))
    assert reaped(helpers)


def recorded(ledger: Any) -> tuple[Any, ...]:
    """What an import leaves: events (without their timestamps, which differ)
    and every read-model row."""
    with ledger.recorder.transaction(commit=False) as sql:
        events = sql.rows(
            "SELECT id, originator_id, originator_version, topic"
            " FROM tracker_events ORDER BY id"
        )
        tracking = sql.rows("SELECT * FROM tracker_tracking")
    return events, tracking, table_rows(ledger, *READ_MODEL_TABLES)


def test_the_helper_and_this_process_import_the_same_ledger(
    tmp_path: Any,
) -> None:
    from tracker.wiring import make_tracker

    rows = [row(n, f"NV-{n}") for n in range(2, 40)]
    rows[7] = row(9, "NV-8")  # a code used twice, across chunks
    rows[20] = row(22, "NV-22", "31/02/2023")  # an impossible date
    results = []
    for in_helper in (True, False):
        ledger = make_tracker(f"sqlite:///{tmp_path / f'{in_helper}.db'}")
        plan = import_task_list(
            ledger, rows, "tester", chunk_size=3, skip_invalid=True, in_helper=in_helper
        )
        results.append(
            (
                plan.recorded,
                [(r.row, r.reason) for r in plan.rejected],
                recorded(ledger),
            )
        )
        written_through = recorded(ledger)[2]
        ledger.read_models.rebuild()
        assert recorded(ledger)[2] == written_through  # the projection's own rows
        ledger.close()
    assert results[0] == results[1]
    assert results[0][0] == 36
