"""How long do ``verify`` and ``export`` take on a province ledger?

Times whole ``tracker verify`` and ``tracker export`` processes on the
benchmark ledger (about 500,000 events for 100,000 tasks) and prints medians.
Run: ``python -m bench.audit --tasks 100000``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.ledger import ledger_path
from bench.reports import median_seconds, whole_process
from tracker.wiring import make_tracker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    db = str(ledger_path(args.tasks))
    ledger = make_tracker(db)
    events = ledger.read_models.status().head
    ledger.close()
    with tempfile.TemporaryDirectory() as folder:
        target = str(Path(folder) / "ledger.jsonl")
        rows = [
            ("tracker verify", whole_process(db, "verify")),
            ("tracker export FILE", whole_process(db, "export", target)),
        ]
        print(f"{args.tasks} tasks, {events} events; medians of {args.runs} runs")
        for name, action in rows:
            seconds = median_seconds(action, args.runs)
            print(f"  {name:<24} {seconds:8.2f} s  ({events / seconds:,.0f} events/s)")


if __name__ == "__main__":
    main()
