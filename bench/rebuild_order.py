"""Rebuilding the read models in log order, or task by task?

On the province ledger (recorded by date, so the log interleaves tasks),
times both ways of replaying all events into empty read models, each in one
transaction on its own copy of the ledger: ``CatchUp.run`` from position 0
(log order: a task's rows are re-read and rewritten in every batch that
touches it) and ``tracker.bulk.rebuild`` in this process alone (what ``tracker
projections rebuild`` does, less the helper: the events table's aggregate
index, each task's rows written once).
Run: ``python -m bench.rebuild_order --tasks 100000``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.ledger import ledger_path

ONE_WAY = """
import sys, time
from database import ddl
from tracker.bulk.collector import fewer_collections
from tracker.queries import REBUILD_BATCH
from tracker.wiring import make_tracker
ledger = make_tracker(sys.argv[1])
began = time.perf_counter()
if sys.argv[2] == "log order":
    with fewer_collections(), ledger.recorder.transaction(commit=True) as sql:
        tasks = ledger.read_models.tasks
        ddl.create_missing(sql, tasks.tables, tasks.definitions)
        ddl.empty(sql, tasks.tables)
        ledger.read_models.catch_up.reset(sql)
        count = ledger.read_models.catch_up.run(batch_size=REBUILD_BATCH)
else:
    count = ledger.read_models.rebuild(batch_size=REBUILD_BATCH, in_helper=False)
print(count, time.perf_counter() - began)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=100_000)
    args = parser.parse_args()
    province = ledger_path(args.tasks)
    with tempfile.TemporaryDirectory() as folder:
        for order in ("log order", "task by task"):
            copy = Path(folder) / "ledger.db"
            shutil.copy(province, copy)
            done = subprocess.run(
                [sys.executable, "-c", ONE_WAY, str(copy), order],
                capture_output=True,
                text=True,
                check=True,
            )
            count, seconds = done.stdout.split()
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"{order:<13} {count} events in {float(seconds):6.1f} s")
            copy.unlink()
    print(f"peak memory of the larger: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
