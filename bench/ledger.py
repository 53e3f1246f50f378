"""Building (once) a province-scale ledger for the benchmarks to query."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from tracker.sample import record_sample, sample_tasks
from tracker.wiring import make_tracker

DATA = Path(__file__).resolve().parent / "results"
START, END = date(2019, 1, 1), date(2025, 12, 31)


def ledger_path(tasks: int, seed: int = 1) -> Path:
    """A SQLite ledger of ``tasks`` realistic tasks, built on first use."""
    path = DATA / f"ledger-{tasks}-{seed}.db"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    ledger = make_tracker(str(partial))
    began = time.perf_counter()
    record_sample(ledger, sample_tasks(tasks, start=START, end=END, seed=seed), "bench")
    status = ledger.projection_status()
    ledger.close()
    print(
        f"built {tasks} tasks ({status.head} events) in "
        f"{time.perf_counter() - began:.1f} s"
    )
    partial.rename(path)
    return path
