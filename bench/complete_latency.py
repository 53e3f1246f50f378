"""Does ``tracker complete`` cost the same on 10 tasks and on 10,000?

Builds two ledgers from the same realistic sample, then times whole
``tracker complete`` processes (what a clerk waits for) and the in-process use
case alone, and prints medians. Run: ``python -m bench.complete_latency``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from tracker.bulk.sample import record_sample, sample_tasks
from tracker.wiring import make_tracker

START, END = date(2023, 1, 1), date(2025, 12, 31)


def build(path: Path, count: int) -> list[str]:
    """A ledger of ``count`` tasks; returns the codes still open."""
    ledger = make_tracker(str(path))
    tasks = sample_tasks(count, start=START, end=END, seed=7)
    began = time.perf_counter()
    record_sample(ledger, tasks, actor="bench")
    print(f"  built {count} tasks in {time.perf_counter() - began:.1f} s")
    open_codes = [
        t.code for t in tasks if t.completed_on is None and t.cancelled_on is None
    ]
    ledger.close()
    return open_codes


def time_processes(path: Path, codes: list[str], runs: int) -> list[float]:
    timings = []
    for code in codes[:runs]:
        began = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tracker",
                "--db",
                str(path),
                "complete",
                code,
                "--on",
                "today",
            ],
            check=True,
            capture_output=True,
        )
        timings.append(time.perf_counter() - began)
    return timings


def time_in_process(path: Path, codes: list[str], runs: int) -> list[float]:
    ledger = make_tracker(str(path))
    today = date.today()
    timings = []
    for code in codes[runs : 2 * runs]:
        began = time.perf_counter()
        ledger.complete_task(code, on=today, document="", actor="bench")
        timings.append(time.perf_counter() - began)
    ledger.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 10_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print("ledger size | whole process median (s) | use case median (ms)")
        results = []
        for size in args.sizes:
            path = Path(folder) / f"ledger-{size}.db"
            codes = build(path, size)
            runs = min(args.runs, len(codes) // 2)
            process = statistics.median(time_processes(path, codes, runs))
            use_case = statistics.median(time_in_process(path, codes, runs)) * 1000
            results.append((size, process, use_case))
        for size, process, use_case in results:
            print(f"{size:>11} | {process:>24.3f} | {use_case:>20.2f}")


if __name__ == "__main__":
    main()
