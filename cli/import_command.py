"""``tracker import``: an Office spreadsheet of tasks into the ledger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cli.context import AppContext, pass_app
from cli.files import check_writable, write_csv
from cli.main import say
from cli.messages import translate
from cli.progress import progress_bar

if TYPE_CHECKING:
    from tracker.bulk.importing import Rejected


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
        _echo_rejected(refused.rejected, app.lang)
        raise
    message = (
        f"Imported {plan.recorded} tasks; {len(plan.unchanged)} already in the "
        f"ledger unchanged; {len(plan.rejected)} rejected."
    )
    if plan.rejected:
        message = _keep_rejects(target, plan.rejected, message, app.lang)
    app.done(message)


def _keep_rejects(
    target: str, rejected: Sequence[Rejected], message: str, lang: str
) -> str:
    """Write the rejected rows to ``target``; the confirmation to give."""
    try:
        _write_rejects(target, rejects_table(rejected, lang))
    except OSError as exc:
        # Checked writable before the import, yet it failed (a full disk): the
        # import is recorded, so say so and show the rows instead.
        say(
            f"Warning: cannot write the rejects file {target}: {exc.strerror}; "
            "the rejected rows are:",
            err=True,
        )
        _echo_rejected(rejected, lang)
        return message
    return f"{message} Rejected rows written to {target}."


def _echo_rejected(rejected: Sequence[Rejected], lang: str, shown: int = 200) -> None:
    """Each rejected row's reason (written in English by the importer) in the
    command's language."""
    for item in rejected[:shown]:
        say(str(replace(item, reason=reason_in(item, lang))), err=True, lang=lang)
    if len(rejected) > shown:
        say(f"... and {len(rejected) - shown} more rows.", err=True, lang=lang)


def reason_in(item: Rejected, lang: str) -> str:
    """Why a row was rejected, in ``lang``. The facts a row would change are
    translated one by one and then joined: matched as one text, a value
    holding "; " would swallow the next difference."""
    from tracker.bulk.importing import CHANGED

    if not item.differences:
        return translate(lang, item.reason)
    parts = "; ".join(translate(lang, part) for part in item.differences)
    return f"{translate(lang, CHANGED)} {parts}"


def default_rejects(file: str) -> str:
    """``nhiem-vu.xlsx`` -> ``nhiem-vu.rejected.csv``, beside the input."""
    return str(Path(file).with_suffix("")) + ".rejected.csv"


# The rejects file's headers: the import's own column names, so that the file
# can be fixed and imported again, under either language.
REJECT_HEADERS: dict[str, dict[str, str]] = {
    "vi": {
        "row": "Dòng",
        "reason": "Lý do",
        "code": "Mã",
        "title": "Nội dung nhiệm vụ",
        "agency": "Cơ quan chủ trì",
        "assigner": "Cấp giao",
        "assigned": "Ngày giao",
        "due": "Thời hạn hoàn thành",
        "doc": "Văn bản giao",
        "completed": "Ngày hoàn thành",
        "cancelled": "Ngày rút",
        "co_agencies": "Cơ quan phối hợp",
    },
    "en": {},  # the column names themselves
}


def rejects_table(rejected: Sequence[Rejected], lang: str) -> list[list[object]]:
    """The rejects file's rows, its header first, in ``lang``."""
    columns = ["row", "reason", *dict.fromkeys(k for r in rejected for k in r.values)]
    headers = REJECT_HEADERS.get(lang, {})
    return [
        [headers.get(column, column) for column in columns],
        *(
            [
                item.row,
                reason_in(item, lang),
                *(item.values.get(c, "") for c in columns[2:]),
            ]
            for item in rejected
        ),
    ]


def _write_rejects(path: str, table: list[list[object]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        write_csv(handle, table[0], table[1:], lineterminator="\r\n")


COMMANDS = [import_tasks]
