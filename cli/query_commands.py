"""Commands that read: one task, a listing, a task's history."""

from __future__ import annotations

from datetime import date

import click

from cli.context import AppContext, pass_app
from cli.files import resolve_format
from cli.labels import event_name, label
from cli.output import print_json, render_record, render_rows
from cli.params import as_of_option, format_option, output_options

STATUS_CHOICES = ("on_time", "late", "overdue", "in_progress", "cancelled")
LIST_COLUMNS = (
    "code",
    "title",
    "agency",
    "assigner",
    "assigned_on",
    "due_on",
    "completed_on",
    "status",
)
SHOW_FIELDS = (
    "code",
    "title",
    "agency",
    "co_agencies",
    "assigner",
    "document",
    "assigned_on",
    "original_due_on",
    "due_on",
    "completed_on",
    "cancelled_on",
    "status",
)


def _today() -> date:
    from tracker.settings import today_in_vietnam

    return today_in_vietnam()


@click.command()
@click.argument("code")
@as_of_option()
@format_option("table", "json")
@pass_app
def show(app: AppContext, code: str, as_of: date | None, fmt: str) -> None:
    """Show one task and its status.

    \b
    Example:
      tracker show NV-2023-0042 --as-of 30/06/2023 --format json
    """
    from tracker.views import task_record

    record = task_record(app.ledger.show_task(code), as_of or _today())
    if fmt == "json":
        print_json(record)
        return
    render_record(record, SHOW_FIELDS, fmt, app.lang)
    for extension in record["extensions"]:
        click.echo(
            f"  {label(app.lang, 'extensions')}: → {extension['due_on']} "
            f"({extension['on']}) {extension['reason']}".rstrip()
        )
    for entry in record["notes"]:
        click.echo(f"  {label(app.lang, 'notes')} {entry['on']}: {entry['text']}")


@click.command(name="list")
@click.option(
    "--status",
    "statuses",
    type=click.Choice(STATUS_CHOICES),
    multiple=True,
    help="Only tasks with this status as of the date (repeatable).",
)
@click.option(
    "--agency", default=None, help="Lead agency contains (no accents needed)."
)
@click.option("--assigner", default=None, help="Assigner contains (no accents needed).")
@click.option("--search", default=None, help="Code, title or document contains.")
@click.option("--doc", "document", default=None, help="Source document number.")
@as_of_option()
@output_options()
@pass_app
def list_tasks(
    app: AppContext,
    statuses: tuple[str, ...],
    agency: str | None,
    assigner: str | None,
    search: str | None,
    document: str | None,
    as_of: date | None,
    fmt: str | None,
    output: str | None,
) -> None:
    """List tasks with their status as of a date.

    Text filters ignore case and Vietnamese diacritics: 'so tu phap' finds
    'Sở Tư pháp'.

    \b
    Example:
      tracker list --status overdue --agency "so tu phap" --format csv
    """
    fmt = resolve_format(fmt, output)
    as_of = as_of or _today()
    views = app.ledger.list_tasks(
        as_of,
        statuses=statuses,
        agency=agency,
        assigner=assigner,
        search=search,
        document=document,
    )
    rows = [view.as_dict() for view in views]
    title = f"{len(rows)} {label(app.lang, 'tasks')}, {label(app.lang, 'as_of')} " + (
        as_of.strftime("%d/%m/%Y")
    )
    render_rows(rows, LIST_COLUMNS, fmt, app.lang, title=title, output=output)


HISTORY_COLUMNS = (
    "position",
    "type",
    "effective_on",
    "recorded_at",
    "actor",
    "details",
)
_NOT_DETAILS = {
    "type",
    "version",
    "position",
    "effective_on",
    "recorded_at",
    "actor",
    "hash",
    "code",
}


def _details(record: dict[str, object]) -> str:
    parts = []
    for key, value in record.items():
        if key in _NOT_DETAILS or value in (None, "", []):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    return "; ".join(parts)


@click.command()
@click.argument("code")
@format_option("table", "json", "csv", "md")
@pass_app
def history(app: AppContext, code: str, fmt: str) -> None:
    """Show every event of a task, oldest first: who logged what, and when.

    \b
    Example:
      tracker history NV-2023-0042 --format json
    """
    records = app.ledger.task_history(code)
    if fmt == "json":
        print_json(records)
        return
    rows = [
        {
            **record,
            "type": event_name(app.lang, str(record["type"])),
            "recorded_at": str(record["recorded_at"])[:19].replace("T", " ") + " UTC",
            "details": _details(record),
        }
        for record in records
    ]
    render_rows(rows, HISTORY_COLUMNS, fmt, app.lang, title=records[0]["code"])


COMMANDS = [show, list_tasks, history]
