"""``tracker import``: an Office spreadsheet of tasks into the ledger."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.files import check_writable, write_csv
from cli.main import say
from cli.progress import progress_bar


@click.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Import the valid rows and write the rejected ones to --rejects.",
)
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where rejected rows go (default: FILE.rejected.csv).",
)
@pass_app
def import_tasks(
    app: AppContext, file: str, skip_invalid: bool, rejects: str | None
) -> None:
    """Import a task list from a CSV (UTF-8) or XLSX file.

    One row per task. Headers may be Vietnamese or English, with or without
    accents: Mã / code, Nội dung nhiệm vụ / title, Cơ quan chủ trì / agency,
    Cấp giao / assigner, Ngày giao / assigned, Thời hạn hoàn thành / due, Văn
    bản giao / doc, and optionally Ngày hoàn thành / completed, Ngày rút /
    cancelled, Cơ quan phối hợp / co_agencies (older headers such as "Cơ quan
    giao" and "Hạn xử lý" are read too). Dates as people type them
    (14/02/2023) or real spreadsheet dates.

    Every row is checked first; unless all are valid nothing is imported.
    The rejects file is checked before anything is imported: it must be
    writable, and never the file being imported.
    Importing the same file again records nothing new, and a row that differs
    from what the ledger holds is reported, never overwritten.

    \b
    Example:
      tracker import nhiem-vu-2023.xlsx
      tracker import nhiem-vu-2023.csv --skip-invalid --rejects loi.csv
    """
    from tracker.bulk.importing import ImportRefused, import_task_list
    from tracker.bulk.spreadsheets import read_task_list

    target = rejects or default_rejects(file)
    if skip_invalid or rejects is not None:
        check_writable(target, what="rejects file", not_the_file=file)
        app.output(target, "rejects file")
    task_list = read_task_list(file)
    ledger = app.ledger
    try:
        with progress_bar("Importing", task_list.size_hint, app.quiet) as advance:
            plan = import_task_list(
                ledger,
                task_list.rows,
                app.actor,
                skip_invalid=skip_invalid,
                progress=advance,
            )
    except ImportRefused as refused:
        _echo_rejected(refused.rejected)
        raise
    message = (
        f"Imported {plan.recorded} tasks; {len(plan.unchanged)} already in the "
        f"ledger unchanged; {len(plan.rejected)} rejected."
    )
    if plan.rejected:
        message = _keep_rejects(target, plan.rejected, message)
    app.done(message)


def _keep_rejects(target: str, rejected: Sequence[Any], message: str) -> str:
    """Write the rejected rows to ``target``; the confirmation to give."""
    try:
        _write_rejects(target, rejected)
    except OSError as exc:
        # Checked writable before the import, yet it failed (a full disk): the
        # import is recorded, so say so and show the rows instead.
        say(
            f"Warning: cannot write the rejects file {target}: {exc.strerror}; "
            "the rejected rows are:",
            err=True,
        )
        _echo_rejected(rejected)
        return message
    return f"{message} Rejected rows written to {target}."


def _echo_rejected(rejected: Sequence[Any], shown: int = 200) -> None:
    """Each rejected row's reason (written in English by the importer) in the
    command's language."""
    for item in rejected[:shown]:
        say(str(item), err=True)
    if len(rejected) > shown:
        say(f"... and {len(rejected) - shown} more rows.", err=True)


def default_rejects(file: str) -> str:
    """``nhiem-vu.xlsx`` -> ``nhiem-vu.rejected.csv``, beside the input."""
    return str(Path(file).with_suffix("")) + ".rejected.csv"


def _write_rejects(path: str, rejected: Sequence[Any]) -> None:
    columns = ["row", "reason", *dict.fromkeys(k for r in rejected for k in r.values)]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        write_csv(
            handle,
            columns,
            (
                [item.row, item.reason, *(item.values.get(c, "") for c in columns[2:])]
                for item in rejected
            ),
            lineterminator="\r\n",
        )


COMMANDS = [import_tasks]
