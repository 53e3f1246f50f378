"""Sustained recording throughput on PostgreSQL with 1, 4 and 8 writers.

Each writer is a separate process recording progress notes (and the odd
completion) on random tasks of a shared ledger for a fixed time; the figure is
events recorded per second by all of them together, plus how many writes had
to be retried. Run:
``python -m bench.concurrency --db postgresql+psycopg://user:pw@127.0.0.1/bench``
(the database is emptied first).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import time
from datetime import date, timedelta

TODAY = date(2026, 11, 23)


def writer(url: str, number: int, seconds: float, codes: list[str]) -> tuple[int, int]:
    from domain.errors import TrackerError
    from tracker.wiring import make_tracker

    ledger = make_tracker(url, today=lambda: TODAY)
    rng = random.Random(number)
    recorded = failed = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        code = rng.choice(codes)
        on = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
        try:
            ledger.note_progress(code, text=f"tiến độ {number}", on=on, actor="bench")
            recorded += 1
        except TrackerError:
            failed += 1
    ledger.close()
    return recorded, failed


def run(url: str, writers: int, seconds: float, codes: list[str]) -> tuple[float, int]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(writers) as pool:
        results = pool.starmap(
            writer, [(url, n, seconds, codes) for n in range(writers)]
        )
    recorded = sum(r for r, _ in results)
    return recorded / seconds, sum(f for _, f in results)


def main() -> None:
    from bench.postgres import shared_ledger

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 4, 8])
    args = parser.parse_args()
    codes = shared_ledger(args.db, args.tasks, TODAY)
    print(f"{args.tasks} tasks, {args.seconds:.0f} s per run (after process start)")
    print("writers | events/s | gave up")
    for count in args.writers:
        rate, failed = run(args.db, count, args.seconds, codes)
        print(f"{count:>7} | {rate:>8.1f} | {failed:>7}")


if __name__ == "__main__":
    main()
