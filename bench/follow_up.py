"""How fast are the week's changes and the reminder letters on a province?

On a copy of the bench ledger (``--db``, a SQLite file it may change), it
first records the Office's reminders as a clerk would (``tracker remind``
per agency, on the Mondays before the as-of date, for the agencies with the
most overdue tasks), then times, as whole processes and alternating:
``tracker overdue`` (the budget: 0.4 s), ``overdue --since last-week`` (the
same budget), and ``tracker letters`` for every agency into a fresh folder.
Run: ``python -m bench.follow_up --db /tmp/copy.db``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

AS_OF = date(2025, 12, 31)
MONDAYS = 4  # reminder rounds before the as-of date
AGENCIES_CHASED = 10  # per round: those with the most overdue tasks


def tracker(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "cli", "--db", db, "--lang", "en", *args]


def timed(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began


def remind(db: str) -> tuple[int, float]:
    """Record the rounds of reminders; how many tasks were reminded, and
    the median seconds of one ``remind`` process."""
    reminded, timings = 0, []
    monday = AS_OF - timedelta(days=AS_OF.weekday())
    for round_number in range(MONDAYS):
        on = monday - timedelta(weeks=MONDAYS - 1 - round_number)
        listed = subprocess.run(
            tracker(db, "overdue", "--as-of", f"{on:%d/%m/%Y}", "--format", "json"),
            check=True,
            capture_output=True,
        )
        counts: dict[str, int] = {}
        for entry in json.loads(listed.stdout)["overdue"]:
            counts[entry["agency"]] = counts.get(entry["agency"], 0) + 1
        chased = sorted(counts, key=lambda name: -counts[name])[:AGENCIES_CHASED]
        for number, agency in enumerate(chased, 1):
            letter = f"{round_number * 100 + number}/UBND-CCHC"
            timings.append(
                timed(
                    tracker(
                        db,
                        "remind",
                        "--agency",
                        agency,
                        "--on",
                        f"{on:%d/%m/%Y}",
                        "--doc",
                        letter,
                    )
                )  # fmt: skip
            )
            reminded += counts[agency]
    return reminded, statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="A copy of the bench ledger.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-reminders", action="store_true")
    args = parser.parse_args()
    db = args.db
    as_of = f"{AS_OF:%d/%m/%Y}"
    subprocess.run(tracker(db, "projections", "status"), check=True)  # rebuilt once
    if not args.skip_reminders:
        began = time.perf_counter()
        reminded, one = remind(db)
        print(
            f"recorded reminders on {reminded} tasks in "
            f"{time.perf_counter() - began:.1f} s; one remind process {one:.2f} s"
        )
    commands = {
        "overdue --format json": tracker(
            db, "overdue", "--as-of", as_of, "--format", "json"
        ),
        "overdue --since last-week --format json": tracker(
            db, "overdue", "--as-of", as_of, "--since", "last-week", "--format", "json"
        ),
    }
    timings: dict[str, list[float]] = {name: [] for name in commands}
    letters: list[float] = []
    for _ in range(args.runs):
        for name, command in commands.items():
            timings[name].append(timed(command))
        folder = Path(tempfile.mkdtemp(prefix="bench-letters-"))
        letters.append(
            timed(tracker(db, "letters", "--as-of", as_of, "--output", str(folder)))
        )
        written = len(list(folder.glob("*.docx")))
        shutil.rmtree(folder)
    print(f"medians of {args.runs} runs, alternated, whole processes:")
    for name, values in timings.items():
        print(f"  tracker {name:<52} {statistics.median(values):6.3f} s")
    print(
        f"  tracker letters (all agencies: {written} letters)"
        f"{'':<19} {statistics.median(letters):6.3f} s"
    )


if __name__ == "__main__":
    main()
