"""Single ``tracker`` commands as whole processes on the province ledger.

Runs on a COPY of the bench ledger (its first open may rebuild the read
models once)::

    cp bench/results/ledger-100000-1-by-date.db /tmp/single.db
    python -m bench.single_commands --db /tmp/single.db [--runs 9]
        [--compare DIR]

Times one ``note`` and one ``complete`` (each run on open tasks of its own),
``report`` and ``overdue`` as JSON, and ``overdue`` as a table written to a
file, with ``python -c pass`` as calibration; prints each one's median and
range. With ``--compare DIR`` (another checkout, e.g. a ``git worktree`` of
HEAD) the two checkouts take turns run by run, first one then the other, so
that a drift of the machine's speed falls on both alike.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "database", "projections", "tracker", "cli")
COMPLETED_ON = "31/12/2025"
OUTPUT = "/tmp/bench-single-commands-table.txt"


def open_codes(db: str, count: int) -> list[str]:
    """Open tasks assigned by ``COMPLETED_ON``, so that each can be completed."""
    with contextlib.closing(sqlite3.connect(db)) as connection:
        rows = connection.execute(
            "SELECT code FROM tasks_view WHERE completed_on IS NULL AND"
            " cancelled_on IS NULL AND assigned_on <= '2025-12-31'"
            " ORDER BY position DESC LIMIT ?",
            (count,),
        ).fetchall()
    if len(rows) < count:
        raise SystemExit(f"{db} has only {len(rows)} open tasks; copy it afresh.")
    return [code for (code,) in rows]


def compile_tree(root: Path) -> None:
    """Byte-compile a checkout, as ``pip install`` does (this machine sets
    PYTHONDONTWRITEBYTECODE: uncompiled modules would be compiled in every
    process)."""
    packages = [str(root / name) for name in PACKAGES]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True)


def timed(root: Path, args: list[str], output: str | None = None) -> float:
    """Seconds of one whole process of ``root``'s tracker."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "cli", *args]
    with open(output or os.devnull, "w") as stdout:
        began = time.perf_counter()
        subprocess.run(command, check=True, cwd=root, env=env, stdout=stdout)
        return time.perf_counter() - began


def commands(db: str, note_code: str, complete_code: str) -> dict[str, list[str]]:
    base = ["--db", db]  # in Vietnamese, the default, as a clerk types them
    return {
        "note": [*base, "note", note_code, "Đã đôn đốc (bench)"],
        "complete": [*base, "complete", complete_code, "--on", COMPLETED_ON],
        "report json": [*base, "report", "--period", "2024-H1", "--format", "json"],
        "overdue json": [*base, "overdue", "--as-of", "31/12/2025", "--format", "json"],
        "overdue table": [*base, "overdue", "--as-of", "31/12/2025"],
    }


def measure(db: str, roots: list[Path], runs: int, table_runs: int) -> dict:
    """Each run: every checkout in turn (the order swapped every other
    run), each command once."""
    codes = iter(open_codes(db, 2 * runs * len(roots)))
    found: dict[Path, dict[str, list[float]]] = {root: {} for root in roots}
    for run in range(runs):
        order = roots if run % 2 == 0 else roots[::-1]
        for root in order:
            times = found[root]
            calibration = [sys.executable, "-c", "pass"]
            began = time.perf_counter()
            subprocess.run(calibration, check=True)
            times.setdefault("python -c pass", []).append(time.perf_counter() - began)
            for name, args in commands(db, next(codes), next(codes)).items():
                if name == "overdue table" and run >= table_runs:
                    continue
                output = OUTPUT if name == "overdue table" else None
                times.setdefault(name, []).append(timed(root, args, output))
        print(f"run {run + 1}/{runs} done", file=sys.stderr)
    return found


def show(found: dict[Path, dict[str, list[float]]]) -> None:
    roots = list(found)
    print("| command | " + " | ".join(str(root) for root in roots) + " |")
    print("|---|" + "---:|" * len(roots))
    for name in found[roots[0]]:
        cells = []
        for root in roots:
            values = found[root][name]
            cells.append(
                f"{statistics.median(values):.3f} "
                f"({min(values):.3f}-{max(values):.3f}, {len(values)} runs)"
            )
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a COPY of the bench ledger")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--table-runs",
        type=int,
        default=3,
        help="runs that also write the overdue table (slow before issue 18)",
    )
    parser.add_argument("--compare", type=Path, help="another checkout to alternate")
    options = parser.parse_args()
    roots = [HERE, *([options.compare.resolve()] if options.compare else [])]
    for root in roots:
        compile_tree(root)
    show(measure(options.db, roots, options.runs, options.table_runs))


if __name__ == "__main__":
    main()
