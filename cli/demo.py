"""``tracker demo``: a realistic half-year ledger in a throwaway database, and
the three things the Office produces from it: the listing, the period report
in sections and the overdue list."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cli.context import AppContext, pass_app
from cli.labels import label
from cli.query_commands import LIST_COLUMNS
from cli.rendering import listing, render

if TYPE_CHECKING:
    from tracker.bulk.sample import SampleTask
    from tracker.ledger import TaskLedger

DEMO_START = date(2023, 1, 1)
DEMO_END = date(2023, 6, 30)

# Which kind of document each sample assigner issues: the Government's
# conclusions come in the Government Office's notices (TB-VPCP), the Prime
# Minister's instructions in a Công điện (CĐ-TTg); the provincial People's
# Committee and its Chairman sign the province's own (UBND-TTHC...).
CENTRAL_KINDS = {"Chính phủ": "TB-VPCP", "Thủ tướng Chính phủ": "CĐ-TTg"}
PROVINCIAL_KIND = "UBND-TTHC"
# The Office's reminder letters of the half-year (their numbers are those
# seed 003 cites), each chasing every task overdue that day.
REMINDERS = (
    (date(2023, 4, 10), "1018/UBND-CCHC"),
    (date(2023, 5, 15), "1164/UBND-CCHC"),
    (date(2023, 6, 19), "2272/UBND-CCHC"),
)
# The Office confirms a report a week after it came, at its monthly review:
# those of June are still waiting on the report's date.
CONFIRMED_AFTER = timedelta(days=7)
LAST_REVIEW = date(2023, 6, 1)


def as_issued(task: SampleTask) -> SampleTask:
    """``task`` with a document its assigner issues (the sample draws the two
    apart), so that a notice of the Government Office is never the
    Chairman's and the report's central section holds the central tasks."""
    number, _, rest = task.document.partition("/")
    kind, _, dated = rest.partition(" ")
    wanted = CENTRAL_KINDS.get(task.assigner)
    if wanted is None:
        wanted = PROVINCIAL_KIND if kind in CENTRAL_KINDS.values() else kind
    return replace(task, document=f"{number}/{wanted} {dated}")


@click.command()
@click.option("--tasks", "count", default=40, show_default=True, help="How many tasks.")
@click.option("--seed", default=2023, show_default=True, help="Random seed.")
@pass_app
def demo(app: AppContext, count: int, seed: int) -> None:
    """Record a realistic first half of 2023 in a temporary database, list it,
    and show its period report by source and its overdue list.

    Nothing is written to your own ledger.

    \b
    Example:
      tracker demo --tasks 60
    """
    from cli.documents.report_form import FormHeading, report_document
    from cli.overdue_command import overdue_document
    from cli.report_command import report_data
    from tracker.bulk.sample import record_sample, sample_tasks
    from tracker.reading import Reading
    from tracker.wiring import make_tracker

    with tempfile.TemporaryDirectory(prefix="tracker-demo-") as folder:
        ledger = make_tracker(str(Path(folder) / "demo.db"))
        tasks = sample_tasks(count, start=DEMO_START, end=DEMO_END, seed=seed)
        record_sample(ledger, [as_issued(task) for task in tasks], actor=app.actor)
        follow_up(ledger, app.actor)
        reading = Reading.of(ledger)
        rows = [view.as_dict() for view in reading.list_tasks(DEMO_END)]
        report = reading.period_report(DEMO_START, DEMO_END, DEMO_END)
        overdue = reading.overdue_report(DEMO_END, since=DEMO_END - timedelta(7))
        ledger.close()
    title = (
        f"{len(rows)} {label(app.lang, 'tasks')}, {label(app.lang, 'as_of')} "
        f"{DEMO_END:%d/%m/%Y}"
    )
    render(listing(rows, LIST_COLUMNS, app.lang, title), "table", app.lang)
    click.echo()
    heading = FormHeading("", DEMO_START, DEMO_END, DEMO_END, "calendar")
    data = report_data(report, None, app.lang)
    render(report_document(data, None, app.lang, heading), "table", app.lang)
    click.echo()
    render(overdue_document(overdue, False, app.lang), "table", app.lang)


def follow_up(ledger: TaskLedger, actor: str) -> None:
    """The Office's side of the half-year: its reminder letters, and the
    completions it confirmed at its reviews (``LAST_REVIEW``)."""
    from tracker.reading import Reading

    for on, letter in REMINDERS:
        answer: dict[str, Any] = Reading.of(ledger).overdue_report(on)
        codes = [entry["code"] for entry in answer["overdue"]]
        if codes:
            ledger.remind_tasks(codes, on=on, document=letter, actor=actor)
    waiting = Reading.of(ledger).list_tasks(
        DEMO_END, statuses=("awaiting-confirmation",)
    )
    with ledger.batch():
        for view in waiting:
            assert view.completed_on is not None
            confirmed_on = view.completed_on + CONFIRMED_AFTER
            if confirmed_on <= LAST_REVIEW:
                ledger.confirm_completion(
                    view.code, on=confirmed_on, document="", actor=actor
                )


COMMANDS = [demo]
