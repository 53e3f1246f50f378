"""How fast are the period report and the overdue list on a province ledger?

Times the queries inside one process (the read-model SQL) and whole
``tracker report`` / ``tracker overdue`` processes (what a clerk waits for),
and prints medians. Run: ``python -m bench.reports --tasks 100000``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date

from bench.ledger import ledger_path
from tracker.reading import Reading
from tracker.wiring import make_tracker

AS_OF = date(2025, 12, 31)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def whole_process(db: str, *args: str) -> Callable[[], object]:
    command = [sys.executable, "-m", "cli", "--db", db, *args]
    return lambda: subprocess.run(command, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = str(ledger_path(args.tasks))
    ledger = make_tracker(db)
    rows = [
        (
            "report 2025 (query)",
            lambda: Reading.of(ledger).period_report(
                date(2025, 1, 1), date(2025, 12, 31), AS_OF
            ),
        ),
        (
            "report 2019-2025 by agency (query)",
            lambda: Reading.of(ledger).period_report(
                date(2019, 1, 1), AS_OF, AS_OF, "agency"
            ),
        ),
        (
            "overdue + due within 7 (query)",
            lambda: Reading.of(ledger).overdue_report(AS_OF, 7),
        ),
        (
            "overdue + due within 7, as JSON bytes (query)",
            lambda: Reading.of(ledger).overdue_report(AS_OF, 7, encoded=True),
        ),
        (
            "tracker report --period 2025 --format json (process)",
            whole_process(db, "report", "--period", "2025", "--format", "json"),
        ),
        (
            "tracker overdue --as-of 31/12/2025 --format json (process)",
            whole_process(db, "overdue", "--as-of", "31/12/2025", "--format", "json"),
        ),
    ]
    print(
        f"{args.tasks} tasks, {ledger.read_models.status().head} events; "
        f"medians of {args.runs} runs"
    )
    for name, action in rows:
        print(f"  {name:<62} {median_seconds(action, args.runs) * 1000:8.1f} ms")
    ledger.close()


if __name__ == "__main__":
    main()
