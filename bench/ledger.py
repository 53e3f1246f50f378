"""Building (once) a province-scale ledger for the benchmarks to query.

The events are recorded in the order an Office records them: by date, so the
log interleaves tasks (an assignment in 2019, its progress notes months and
years later among other tasks' events). A ledger recorded task by task would
flatter every job that reads the log in order; the first version of this
file did that, and hid a rebuild four times slower than it measured.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from tracker.bulk.sample import build_task, sample_tasks
from tracker.wiring import make_tracker

DATA = Path(__file__).resolve().parent / "results"
START, END = date(2019, 1, 1), date(2025, 12, 31)
CHUNK = 5000


def ledger_path(tasks: int, seed: int = 1) -> Path:
    """A SQLite ledger of ``tasks`` realistic tasks, built on first use."""
    path = DATA / f"ledger-{tasks}-{seed}-by-date.db"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    ledger = make_tracker(str(partial))
    began = time.perf_counter()
    events = by_date(ledger, tasks, seed)
    with ledger.recorder.transaction(commit=True):
        for start in range(0, len(events), CHUNK):
            ledger.events.put(events[start : start + CHUNK])
    ledger.read_models.rebuild()  # rather than catching up in log order
    status = ledger.read_models.status()
    ledger.close()
    print(
        f"built {tasks} tasks ({status.head} events) in "
        f"{time.perf_counter() - began:.1f} s"
    )
    partial.rename(path)
    return path


def by_date(ledger: Any, tasks: int, seed: int) -> list[Any]:
    """Every sample task's events, ordered by date; each task's own events
    keep their order (a note dated before an extension recorded earlier is
    recorded after it, as a clerk catching up would)."""
    keyed = []
    today = ledger.today()
    for number, sample in enumerate(
        sample_tasks(tasks, start=START, end=END, seed=seed)
    ):
        latest = date.min
        for event in build_task(sample, "bench", today).collect_events():
            latest = max(latest, event.effective_on)
            keyed.append(((latest, number, event.originator_version), event))
    keyed.sort(key=lambda item: item[0])
    return [event for _, event in keyed]
