"""``tracker demo``: a realistic half-year ledger in a throwaway database."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import click

from cli.context import AppContext, pass_app
from cli.labels import label
from cli.query_commands import LIST_COLUMNS
from cli.rendering import listing, render

DEMO_START = date(2023, 1, 1)
DEMO_END = date(2023, 6, 30)


@click.command()
@click.option("--tasks", "count", default=40, show_default=True, help="How many tasks.")
@click.option("--seed", default=2023, show_default=True, help="Random seed.")
@pass_app
def demo(app: AppContext, count: int, seed: int) -> None:
    """Record a realistic first half of 2023 in a temporary database and list it.

    Nothing is written to your own ledger.

    \b
    Example:
      tracker demo --tasks 60
    """
    from tracker.bulk.sample import record_sample, sample_tasks
    from tracker.reading import Reading
    from tracker.wiring import make_tracker

    with tempfile.TemporaryDirectory(prefix="tracker-demo-") as folder:
        ledger = make_tracker(str(Path(folder) / "demo.db"))
        tasks = sample_tasks(count, start=DEMO_START, end=DEMO_END, seed=seed)
        record_sample(ledger, tasks, actor=app.actor)
        rows = [view.as_dict() for view in Reading.of(ledger).list_tasks(DEMO_END)]
        ledger.close()
    title = (
        f"{len(rows)} {label(app.lang, 'tasks')}, {label(app.lang, 'as_of')} "
        f"{DEMO_END:%d/%m/%Y}"
    )
    render(listing(rows, LIST_COLUMNS, app.lang, title), "table", app.lang)


COMMANDS = [demo]
