"""Commands that read: one task, a listing, a task's history."""

from __future__ import annotations

from datetime import date, datetime

import click

from cli.context import AppContext, pass_app
from cli.files import resolve_format
from cli.labels import event_name, label
from cli.output import csv_form, display, print_json, render_record
from cli.params import (
    DATE,
    SINCE,
    as_known_at_option,
    as_of_option,
    format_option,
    output_options,
)
from cli.rendering import listing, render

STATUS_CHOICES = (
    "on_time",
    "late",
    "overdue",
    "in_progress",
    "cancelled",
    "awaiting-confirmation",
)
# What a listing adds when it is asked who has not been chased.
REMINDER_COLUMNS = ("reminders", "last_reminded_on")
# ... and when it lists overdue tasks, or tasks in progress, only (JSON has
# the four whatever the statuses).
DAY_COLUMNS = {
    frozenset({"overdue"}): ("days_overdue", "working_days_overdue"),
    frozenset({"in_progress"}): ("days_left", "working_days_left"),
}
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
    "confirmed_on",
    "cancelled_on",
    "status",
)


def _today() -> date:
    from tracker.settings import today_in_vietnam

    return today_in_vietnam()


@click.command()
@click.argument("code")
@as_of_option()
@as_known_at_option()
@format_option("table", "json")
@pass_app
def show(
    app: AppContext,
    code: str,
    as_of: date | None,
    known_at: datetime | None,
    fmt: str,
) -> None:
    """Show one task and its status.

    \b
    Example:
      tracker show NV-2023-0042 --as-of 30/06/2023 --format json
      tracker show NV-2023-0042 --as-known-at "15/06/2023 09:00"
    """
    from projections.rolled_deadlines import roll_of
    from tracker.settings import deadline_rolls
    from tracker.views import task_record

    facts = app.reading.show_task(code, known_at)
    roll = roll_of(app.reading.calendar(known_at)) if deadline_rolls() else None
    record = task_record(facts, as_of or _today(), roll)
    if fmt == "json":
        print_json(record)
        return
    lang = app.lang
    shown = {
        **record,
        "due_on": _with_rule(record["due_on"], record["due_rule"], lang),
        "original_due_on": _with_rule(
            record["original_due_on"], record["original_due_rule"], lang
        ),
    }
    render_record(shown, SHOW_FIELDS, lang)
    for extension in record["extensions"]:
        due, on = (
            _with_rule(extension["due_on"], extension["due_rule"], lang),
            display("on", extension["on"], lang),
        )
        reason = extension["reason"]
        click.echo(f"  {label(lang, 'extensions')} {on}: → {due} {reason}".rstrip())
    for entry in record["notes"]:
        on = display("on", entry["on"], lang)
        click.echo(f"  {label(lang, 'notes')} {on}: {entry['text']}")
    for reminder in record["reminders"]:
        on = display("on", reminder["on"], lang)
        click.echo(f"  {label(lang, 'reminder')} {on}: {reminder['document']}")
    if roll is not None:
        click.echo(label(lang, "rolled_deadlines"))


def _with_rule(due_on: str | None, rule: str, lang: str) -> str | None:
    """A due date as shown, with the rule it was counted by:
    "31/03/2023 (10 ngày làm việc)"."""
    if due_on is None or not rule:
        return due_on
    return f"{display('due_on', due_on, lang)} ({rule_words(rule, lang)})"


def rule_words(rule: str, lang: str) -> str:
    """A deadline rule in words (``10wd``: "10 ngày làm việc", "10 working
    days"); a relative date (``eom``) as typed."""
    from domain.due_rules import WORKING, parse_due_rule
    from domain.errors import TrackerError

    try:
        parsed = parse_due_rule(rule)
    except TrackerError:  # stored behind the tool's back: shown as it is
        parsed = None
    if parsed is None:
        return rule
    unit = "working_days_count" if parsed.kind == WORKING else "days_count"
    return label(lang, unit).format(count=parsed.count)


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
@click.option(
    "--not-reminded-since",
    type=DATE,
    default=None,
    metavar="DATE",
    help="Only tasks not reminded from DATE to the as-of date.",
)
@click.option(
    "--schedule",
    default=None,
    metavar="CODE",
    help="Only the occurrences of this periodic task (CODE/2024-Q1, ...), in "
    "period order.",
)
@as_of_option()
@as_known_at_option()
@output_options()
@pass_app
def list_tasks(
    app: AppContext,
    statuses: tuple[str, ...],
    agency: str | None,
    assigner: str | None,
    search: str | None,
    document: str | None,
    not_reminded_since: date | None,
    schedule: str | None,
    as_of: date | None,
    known_at: datetime | None,
    fmt: str | None,
    output: str | None,
) -> None:
    """List tasks with their status as of a date.

    Text filters ignore case and Vietnamese diacritics: 'so tu phap' finds
    'Sở Tư pháp'. The status awaiting-confirmation lists the completions the
    Office has not confirmed yet, oldest first.

    \b
    Example:
      tracker list --status overdue --agency "so tu phap" --format csv
      tracker list --status overdue --not-reminded-since 01/06/2023
      tracker list --status awaiting-confirmation
      tracker list --schedule BC-QUY
    """
    fmt = resolve_format(fmt, app.output(output))
    as_of = as_of or _today()
    views = app.reading.list_tasks(
        as_of,
        known_at,
        statuses=statuses,
        agency=agency,
        assigner=assigner,
        search=search,
        document=document,
        not_reminded_since=not_reminded_since,
        schedule=None if schedule is None else _code(schedule),
    )
    if known_at is None:
        warn_missing_occurrences(app, as_of)
    rows = [view.as_dict() for view in views]
    columns = (*LIST_COLUMNS, *DAY_COLUMNS.get(frozenset(statuses), ()))
    if not_reminded_since is not None:
        columns = (*columns, *REMINDER_COLUMNS)
    title = f"{len(rows)} {label(app.lang, 'tasks')}, {label(app.lang, 'as_of')} " + (
        as_of.strftime("%d/%m/%Y")
    )
    sheet = label(app.lang, "tasks").capitalize()
    document = listing(rows, columns, app.lang, title, sheet)
    document.csv_columns, document.csv_rows = csv_form(rows, columns, app.lang)
    render(document, fmt, app.lang, output)


def _code(code: str) -> str:
    from domain.limits import checked_code

    return checked_code(code)


def warn_missing_occurrences(app: AppContext, as_of: date) -> None:
    """Say on stderr how many periodic tasks' occurrences begun by ``as_of``
    are not recorded yet, so that no report leaves them out unsaid: a
    command that reads records nothing, 'tracker sweep' records them."""
    if not app.reading.has_schedules():
        return  # the usual case, known without opening the ledger
    from cli.main import say
    from tracker.schedules import missing_occurrences

    missing = missing_occurrences(app.ledger_to_read, as_of)
    if missing:
        say(
            f"{missing} occurrences of periodic tasks are not recorded yet: run "
            "'tracker sweep'.",
            err=True,
            lang=app.lang,
        )


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


def _details(record: dict[str, object], lang: str) -> str:
    """An event's fields as the Office reads them: labelled in ``lang``,
    dates ``dd/mm/yyyy`` (the JSON keeps the recorded keys and ISO dates)."""
    parts = []
    for key, value in record.items():
        if key in _NOT_DETAILS or value in (None, "", []):
            continue
        if key == "field":
            value = label(lang, str(value))
        elif key == "voided_type":
            value = event_name(lang, str(value))
        elif isinstance(value, list):
            value = ", ".join(display(key, v, lang) for v in value)
        elif key in ("old_value", "new_value"):
            value = display(str(record.get("field", "")), value, lang)
        else:
            value = display(key, value, lang)
        named = EVENT_FIELDS.get((str(record.get("type")), key), key)
        parts.append(f"{label(lang, named)}: {value}")
    return "; ".join(parts)


# Fields whose label depends on the event: the document an event cites is
# the assigning one only for an assignment.
EVENT_FIELDS = {
    ("DeadlineExtended", "document"): "extension_document",
    ("Completed", "document"): "report_document",
    ("Cancelled", "document"): "cancel_document",
    ("Reminded", "document"): "reminder_document",
    ("CompletionConfirmed", "document"): "confirmation_document",
}


@click.command()
@click.argument("code", required=False)
@click.option(
    "--since",
    type=SINCE,
    default=None,
    help="Everything recorded since this moment, across all tasks.",
)
@click.option("--actor", "by_actor", default=None, help="Only what this person logged.")
@format_option("table", "json", "csv", "md")
@pass_app
def history(
    app: AppContext,
    code: str | None,
    since: datetime | None,
    by_actor: str | None,
    fmt: str,
) -> None:
    """Show recorded events, oldest first: who logged what, when, with which
    effective date, and each event's chain hash.

    Give a task CODE for its whole history, or --since for everything recorded
    since a moment (what was logged this week).

    \b
    Example:
      tracker history NV-2023-0042 --format json
      tracker history --since "20/11/2026 00:00" --actor "chuyên viên A"
    """
    if code is None and since is None:
        raise click.UsageError("Give a task CODE, or --since DATETIME.")
    from tracker.eventstore.chain import utc_text
    from tracker.undo import mark_voided

    since_utc = utc_text(since) if since else None
    audit = app.ledger_to_read.audit
    records = mark_voided(audit.history(code, since_utc=since_utc, actor=by_actor))
    rows = [
        {
            **record,
            "type": event_name(app.lang, str(record["type"]), "voided_by" in record),
            "recorded_at": _local_time(str(record["recorded_at"])),
            "details": _details(record, app.lang),
        }
        for record in records
    ]
    columns = HISTORY_COLUMNS if code else ("code", *HISTORY_COLUMNS)
    document = listing(rows, columns, app.lang, code or _since_title(since) or "")
    document.data = records  # the JSON is the records as recorded
    document.csv_columns, document.csv_rows = csv_form(rows, columns, app.lang)
    render(document, fmt, app.lang)


def _local_time(recorded_at: str) -> str:
    """A UTC recording time as the Office reads it: Vietnam time."""
    from tracker.settings import VIETNAM

    moment = datetime.fromisoformat(recorded_at).astimezone(VIETNAM)
    return moment.strftime("%d/%m/%Y %H:%M:%S")


def _since_title(since: datetime | None) -> str | None:
    return f"≥ {since:%d/%m/%Y %H:%M}" if since else None


COMMANDS = [show, list_tasks, history]
