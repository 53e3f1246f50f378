"""The province-scale benchmark: what a clerk waits for, on this machine.

Every figure is a whole ``tracker`` process (start-up included), timed with
its peak resident memory, as the median of several runs:

- ``import`` of a generated CSV of N tasks into an empty SQLite ledger;
- ``report``, ``overdue`` and one ``complete`` on the province ledger
  (``bench.ledger``: N tasks with their progress notes, about 5 events each);
- ``projections rebuild``, ``verify`` and ``verify --read-models`` of that
  ledger (the last within twice the rebuild: the ratio is printed);
- ``tracker --help``;

and, to tell a slow moment of this shared machine from a slow change, two
calibration figures measured between the runs: ``python -c pass`` and
``python -c "import sqlalchemy"`` (a heavy import, the speed of which shows
the machine's moment; no timed command but ``db check`` imports it now).

Run: ``python -m bench.run --tasks 100000 --runs 3 --json bench/results/run.json``
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.generate import write_task_list
from bench.ledger import ledger_path

TARGETS = {  # seconds, from the issue; memory target 150 MiB for every row
    "import": 30.0,
    "report": 0.4,
    "overdue": 0.4,
    "complete": 0.4,
    "projections rebuild": 30.0,
    "verify": 15.0,
    "verify --read-models": 60.0,  # and within 2x of "projections rebuild"
    "--help": 0.15,
}


# A child's peak memory includes what it inherited when it was forked, so the
# command is started by this small launcher rather than by the (large)
# benchmark process itself.
LAUNCHER = """
import os, subprocess, sys, time
began = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - began, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one whole process."""
    launched = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, kib, code = launched.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {launched.stderr}")
    return float(seconds), int(kib) / 1024


def tracker(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "cli", "--db", db, *args]


def open_codes(db: str, count: int) -> list[str]:
    connection = sqlite3.connect(db)
    rows = connection.execute(
        "SELECT code FROM tasks_view WHERE completed_on IS NULL AND cancelled_on IS "
        "NULL ORDER BY code LIMIT ?",
        (count,),
    ).fetchall()
    connection.close()
    return [row[0] for row in rows]


def compile_sources() -> None:
    """Byte-compile the project as ``pip install`` does, so that every
    measured process loads compiled modules, as an installed tracker does
    (this checkout runs from source, and this machine sets
    PYTHONDONTWRITEBYTECODE, which would recompile them in every process)."""
    root = Path(__file__).resolve().parent.parent
    packages = [
        str(root / name)
        for name in ("domain", "database", "projections", "tracker", "cli")
    ]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True)


CALIBRATION = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import sqlalchemy": [sys.executable, "-c", "import sqlalchemy"],
}
Results = dict[str, list[tuple[float, float]]]


def measure_all(tasks: int, runs: int) -> tuple[Results, int]:
    """Every timed command, ``runs`` times each, with the calibration between
    runs; and how many events the province ledger holds."""
    results: Results = {}
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "tasks.csv"
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as handle:
            write_task_list(handle, tasks, seed=1)
        for run in range(runs):
            target = str(Path(folder) / f"import-{run}.db")
            results.setdefault("import", []).append(
                measure(tracker(target, "import", str(csv_path)))
            )
        db = str(Path(folder) / "province.db")
        shutil.copy(ledger_path(tasks), db)
        codes = open_codes(db, runs)
        plan = {
            "report": tracker(db, "report", "--period", "2025", "--format", "json"),
            "overdue": tracker(
                db, "overdue", "--as-of", "31/12/2025", "--format", "json"
            ),
            "projections rebuild": tracker(db, "projections", "rebuild"),
            "verify": tracker(db, "verify"),
            "verify --read-models": tracker(db, "verify", "--read-models"),
            "--help": [sys.executable, "-m", "cli", "--help"],
        }
        for run in range(runs):
            for name, command in (*CALIBRATION.items(), *plan.items()):
                results.setdefault(name, []).append(measure(command))
            results.setdefault("complete", []).append(
                measure(tracker(db, "complete", codes[run], "--on", "today"))
            )
        connection = sqlite3.connect(db)
        events = connection.execute("SELECT count(*) FROM tracker_events").fetchone()
        connection.close()
    return results, int(events[0])


def median(results: Results, name: str, index: int = 0) -> float:
    return statistics.median(figures[index] for figures in results[name])


def summary(results: Results, tasks: int, events: int, runs: int) -> dict[str, Any]:
    """Print the medians against their targets; the same as JSON."""
    print(
        f"{tasks} tasks ({events} events in the province ledger), medians "
        f"of {runs} runs, whole processes"
    )
    print(f"{'what':<22} {'seconds':>8} {'target':>7} {'peak MiB':>9}")
    table = []
    for name, target in TARGETS.items():
        seconds, memory = median(results, name), median(results, name, 1)
        table.append(
            {
                "what": name,
                "seconds": round(seconds, 3),
                "target_seconds": target,
                "peak_mib": round(memory, 1),
            }
        )
        print(f"{name:<22} {seconds:>8.2f} {target:>7} {memory:>9.0f}")
    ratio = median(results, "verify --read-models") / median(
        results, "projections rebuild"
    )
    print(f"verify --read-models / projections rebuild: {ratio:.2f} (target 2)")
    floors = {name: median(results, name) for name in CALIBRATION}
    print(
        "calibration: "
        + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in floors.items())
    )
    return {
        "tasks": tasks,
        "events": events,
        "runs": runs,
        "results": table,
        "read_models_check_to_rebuild": round(ratio, 2),
        "calibration_seconds": {k: round(v, 3) for k, v in floors.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", dest="json_path", default=None)
    args = parser.parse_args()
    compile_sources()
    results, events = measure_all(args.tasks, args.runs)
    figures = summary(results, args.tasks, events, args.runs)
    if args.json_path:
        Path(args.json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_path).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
