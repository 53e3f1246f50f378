"""How far the projector trails eight clerks writing at once on PostgreSQL.

The database is emptied and given a clerk and a projector role (``tracker db
harden``); ``tracker projections follow`` runs as a process of its own under
the projector role, and writer processes record progress notes as the clerk
for a fixed time (the clerk's role writes no read model: every event reaches
the reports through the projector). A sampler reads the read models'
tracking position every few milliseconds. An event's lag is the time from
its recording (the chain's ``recorded_at``, the server's clock at the append)
to the first sample that shows the read models past it.
Run: ``python -m bench.projector_lag --db postgresql+psycopg://user:pw@127.0.0.1/bench``
(a superuser or the tables' owner with CREATEROLE; the database is emptied).
"""

from __future__ import annotations

import argparse
import bisect
import multiprocessing
import signal
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime

from bench.concurrency import TODAY, writer
from bench.postgres import shared_ledger

CLERK, PROJECTOR, PASSWORD = "bench_clerk", "bench_projector", "bench"
SAMPLE_SECONDS = 0.005


def as_role(url: str, role: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


def prepare(url: str, tasks: int) -> list[str]:
    from tracker.administration import harden

    codes = shared_ledger(url, tasks, TODAY)
    harden(url, CLERK, PASSWORD, "clerk")
    harden(url, PROJECTOR, PASSWORD, "projector")
    return codes


def sample(url: str, stop: threading.Event, samples: list[tuple[float, int]]) -> None:
    """(wall-clock time, tracked position) every ``SAMPLE_SECONDS``."""
    import psycopg

    with psycopg.connect("postgresql://" + url.split("://", 1)[1]) as connection:
        connection.autocommit = True
        while not stop.is_set():
            row = connection.execute(
                "SELECT notification_id FROM tracker_tracking"
                " WHERE application_name = 'read_models'"
            ).fetchone()
            samples.append((time.time(), int(row[0]) if row else 0))
            time.sleep(SAMPLE_SECONDS)


def lags(url: str, first: int, samples: list[tuple[float, int]]) -> list[float]:
    """Seconds from each event's recording after ``first`` to the first
    sample past it."""
    import psycopg

    with psycopg.connect("postgresql://" + url.split("://", 1)[1]) as connection:
        rows = connection.execute(
            "SELECT position, recorded_at FROM tracker_chain WHERE position > %s"
            " ORDER BY position",
            (first,),
        ).fetchall()
    positions = [position for _, position in samples]
    answer = []
    for position, recorded_at in rows:
        index = bisect.bisect_left(positions, position)
        if index < len(samples):
            seen = samples[index][0]
            answer.append(seen - datetime.fromisoformat(recorded_at).timestamp())
    return answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--writers", type=int, default=8)
    args = parser.parse_args()
    codes = prepare(args.db, args.tasks)
    first = len(codes)
    projector = subprocess.Popen(
        [sys.executable, "-m", "cli", "--db", as_role(args.db, PROJECTOR)]
        + ["projections", "follow", "--poll", "5"],
        stdout=subprocess.DEVNULL,
    )
    samples: list[tuple[float, int]] = []
    stop = threading.Event()
    sampler = threading.Thread(target=sample, args=(args.db, stop, samples))
    sampler.start()
    clerk = as_role(args.db, CLERK)
    context = multiprocessing.get_context("spawn")
    with context.Pool(args.writers) as pool:
        results = pool.starmap(
            writer, [(clerk, n, args.seconds, codes) for n in range(args.writers)]
        )
    ended = time.time()
    recorded = sum(r for r, _ in results)
    while samples[-1][1] < first + recorded and time.time() < ended + 30:
        time.sleep(0.05)
    caught_up = max(samples[-1][0] - ended, 0.0)
    stop.set()
    sampler.join()
    projector.send_signal(signal.SIGTERM)
    code = projector.wait(10)
    measured = sorted(lags(args.db, first, samples))
    print(
        f"{args.writers} clerks for {args.seconds:.0f} s: {recorded} events "
        f"({recorded / args.seconds:.1f}/s), projector exit {code}"
    )
    print(
        "lag from recording to the read models: median "
        f"{statistics.median(measured) * 1000:.0f} ms, 95th percentile "
        f"{measured[int(len(measured) * 0.95)] * 1000:.0f} ms, max "
        f"{measured[-1] * 1000:.0f} ms; current {caught_up * 1000:.0f} ms after "
        "the last writer stopped"
    )


if __name__ == "__main__":
    main()
