"""Write a realistic task list as the Office keeps it (CSV, Vietnamese headers).

Vietnamese titles and agency names, assignment dates over several years,
deadlines (a few tasks without), about 60% completed (some late), some
extended (the due date written is the one in force), some withdrawn.
Run: ``python -m bench.generate --tasks 100000 --seed 1 --output tasks.csv``;
``--due-rule 10wd`` writes that rule in every task's "Hạn xử lý" instead of
its date, for timing an import that counts working days.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from typing import TextIO

from tracker.bulk.sample import sample_tasks

HEADER = [
    "Mã",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan giao",
    "Ngày giao",
    "Hạn xử lý",
    "Văn bản giao",
    "Ngày hoàn thành",
    "Ngày rút",
]
START, END = date(2019, 1, 1), date(2025, 12, 31)


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def write_task_list(
    out: TextIO, tasks: int, seed: int, due_rule: str | None = None
) -> int:
    """``tasks`` sample tasks as CSV rows; with ``due_rule``, each deadline
    is written as that rule (counted from the row's assignment date)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for task in sample_tasks(tasks, start=START, end=END, seed=seed):
        due = task.extensions[-1][1] if task.extensions else task.due_on
        writer.writerow(
            [
                task.code,
                task.title,
                task.agency,
                task.assigner,
                _day(task.assigned_on),
                due_rule if due_rule and due else _day(due),
                task.document,
                _day(task.completed_on),
                _day(task.cancelled_on),
            ]
        )
    return tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", default="-", help="CSV file (default: stdout)")
    parser.add_argument(
        "--due-rule",
        default=None,
        help="write this rule (e.g. 10wd) as every deadline instead of a date",
    )
    args = parser.parse_args()
    if args.output == "-":
        write_task_list(sys.stdout, args.tasks, args.seed, args.due_rule)
        return
    with open(args.output, "w", encoding="utf-8-sig", newline="") as handle:
        write_task_list(handle, args.tasks, args.seed, args.due_rule)
    print(f"wrote {args.tasks} tasks to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
