"""Commands that record one event each: what a clerk types all day."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.params import DATE, DUE, NEW_DUE
from domain.dates import RelativeDue, show_date

CODE = click.argument("code")
EVERY = ("month", "quarter", "half", "year")
DUE_IN = ("last-month", "same-month", "next-month")
PERIODIC_ONLY = ("due_day", "due_in", "starts_on", "until")


def periodic_options(command: Any) -> Any:
    """``assign``'s options of a periodic task (``domain.schedule``)."""
    options = [
        click.option(
            "--every",
            type=click.Choice(EVERY),
            default=None,
            help="A periodic task: one occurrence each month, quarter, half "
            "year or year.",
        ),
        click.option(
            "--due-day",
            type=int,
            default=None,
            help="With --every: each occurrence's deadline, a day of the month "
            "(1-31; 31 in a shorter month is its last day).",
        ),
        click.option(
            "--due-in",
            type=click.Choice(DUE_IN),
            default=None,
            help="With --every: the month of the deadline day: the period's "
            "last month (default, as Decree 09/2019 sets reports), its first "
            "month (same-month) or the month after it (next-month).",
        ),
        click.option(
            "--from",
            "starts_on",
            type=DATE,
            default=None,
            help="With --every: the first date of the duty (default: "
            "--assigned, else today).",
        ),
        click.option(
            "--until",
            type=DATE,
            default=None,
            help="With --every: no occurrence of a period beginning after it.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def record_schedule(
    app: AppContext,
    code: str,
    assigned: date | None,
    due: object,
    periodic: dict[str, Any],
    fields: dict[str, Any],
) -> None:
    """``assign --every``: the schedule and the occurrences already begun."""
    from tracker.schedules import record_schedule as record

    if periodic["every"] is None:
        raise click.UsageError("--due-day, --due-in, --from and --until need --every.")
    if due is not None:
        raise click.UsageError(
            "--every sets each occurrence's deadline: give --due-day, not --due."
        )
    if periodic["due_day"] is None:
        raise click.UsageError("--every needs --due-day (the deadline's day).")
    if periodic["starts_on"] is not None and assigned is not None:
        raise click.UsageError(
            "With --every, --from and --assigned both give the first date: give one."
        )
    starts_on = periodic["starts_on"] or assigned or app.ledger.today()
    schedule, created = record(
        app.ledger,
        actor=app.actor,
        code=code,
        every=periodic["every"],
        due_day=periodic["due_day"],
        due_in=periodic["due_in"] or DUE_IN[0],
        starts_on=starts_on,
        until=periodic["until"],
        **fields,
    )
    app.done(
        f"Scheduled {schedule.code} every {periodic['every']} from "
        f"{show_date(starts_on)}; recorded {len(created)} occurrences."
    )


@click.command()
@CODE
@click.option("--title", required=True, help="What must be done.")
@click.option("--agency", required=True, help="Lead agency (cơ quan chủ trì).")
@click.option(
    "--assigner", required=True, help="Who assigned it (Chính phủ, UBND tỉnh, ...)."
)
@click.option(
    "--assigned",
    type=DATE,
    default=None,
    help="Assignment date (with --every: the first date, as --from).",
)
@click.option(
    "--due",
    type=DUE,
    default=None,
    help="Due date, or counted from the assignment date: 10wd or '10 ngày làm "
    "việc' (working days), +10d (calendar days), eom (omit: no deadline).",
)
@click.option(
    "--doc",
    default="",
    help="Source document as cited, e.g. '495/UBND-TTHC ngày 14/02/2023'.",
)
@click.option(
    "--co-agency", "co_agencies", multiple=True, help="Co-agency (repeatable)."
)
@periodic_options
@pass_app
def assign(
    app: AppContext,
    code: str,
    title: str,
    agency: str,
    assigner: str,
    assigned: date | None,
    due: date | RelativeDue | None,
    doc: str,
    co_agencies: tuple[str, ...],
    **periodic: Any,
) -> None:
    """Record a newly assigned task.

    With --every: a periodic task, a schedule whose every period is a task of
    its own (CODE/2024-Q1), assigned on the period's first day and recorded
    by this command and by 'tracker sweep' once its period has begun.

    \b
    Example:
      tracker assign NV-2023-0042 --title "Rà soát thủ tục hành chính" \\
        --agency "Sở Tư pháp" --assigner "UBND tỉnh" --assigned 14/02/2023 \\
        --due 31/03/2023 --doc "495/UBND-TTHC ngày 14/02/2023"
      tracker assign NV-2023-0043 --title "Báo cáo kết quả" --agency "Sở Nội vụ" \\
        --assigner "UBND tỉnh" --assigned 02/02/2024 --due "10 ngày làm việc"
      tracker assign BC-QUY --title "Báo cáo định kỳ hằng quý" \\
        --agency "Sở Nội vụ" --assigner "UBND tỉnh" --every quarter \\
        --due-day 15 --due-in last-month --from 01/01/2024
    """
    fields = dict(
        title=title,
        assigner=assigner,
        lead_agency=agency,
        document=doc,
        co_agencies=list(co_agencies),
    )
    if periodic["every"] is not None or any(
        periodic[name] is not None for name in PERIODIC_ONLY
    ):
        record_schedule(app, code, assigned, due, periodic, fields)
        return
    if assigned is None:
        raise click.UsageError("Missing option '--assigned'.")
    facts = app.ledger.assign_task(
        actor=app.actor,
        code=code,
        title=title,
        assigner=assigner,
        lead_agency=agency,
        assigned_on=assigned,
        due_on=due,
        document=doc,
        co_agencies=list(co_agencies),
    )
    if facts.due_on is None:
        app.done(f"Assigned {facts.code} to {facts.lead_agency} (no deadline).")
    else:
        due = show_date(facts.due_on)
        app.done(f"Assigned {facts.code} to {facts.lead_agency} (due {due}).")


@click.command()
@CODE
@click.option(
    "--to",
    "to",
    type=NEW_DUE,
    required=True,
    help="The new due date, or counted from the --on date: 10wd (working "
    "days), +10d (calendar days).",
)
@click.option(
    "--on", "on", type=DATE, required=True, help="Date the extension was granted."
)
@click.option("--reason", default="", help="Why the deadline moved.")
@click.option("--doc", default="", help="Approving document.")
@pass_app
def extend(
    app: AppContext,
    code: str,
    to: date | RelativeDue,
    on: date,
    reason: str,
    doc: str,
) -> None:
    """Extend a task's deadline (it must move later).

    \b
    Example:
      tracker extend NV-2023-0042 --to 30/04/2023 --on 25/03/2023 \\
        --reason "Chờ ý kiến Bộ Tư pháp" --doc "812/UBND-KT"
      tracker extend NV-2023-0042 --to 15wd --on 25/03/2023
    """
    facts = app.ledger.extend_deadline(
        code, to=to, on=on, reason=reason, document=doc, actor=app.actor
    )
    app.done(f"Extended {facts.code} to {show_date(facts.due_on)}.")


@click.command()
@CODE
@click.option("--agency", required=True, help="The new lead agency.")
@click.option("--on", "on", type=DATE, required=True, help="Date of the reassignment.")
@click.option("--reason", default="", help="Why it moved.")
@pass_app
def reassign(app: AppContext, code: str, agency: str, on: date, reason: str) -> None:
    """Give a task to another lead agency.

    \b
    Example:
      tracker reassign NV-2023-0042 --agency "Sở Nội vụ" --on 01/03/2023
    """
    facts = app.ledger.reassign_task(
        code, agency=agency, on=on, reason=reason, actor=app.actor
    )
    app.done(f"Reassigned {facts.code} to {facts.lead_agency}.")


@click.command()
@CODE
@click.argument("text")
@click.option("--on", "on", type=DATE, default="today", help="Date of the progress.")
@pass_app
def note(app: AppContext, code: str, text: str, on: date) -> None:
    """Note progress on a task.

    \b
    Example:
      tracker note NV-2023-0042 "Đã gửi dự thảo xin ý kiến" --on 10/03/2023
    """
    facts = app.ledger.note_progress(code, text=text, on=on, actor=app.actor)
    app.done(f"Noted progress on {facts.code}.")


@click.command()
@CODE
@click.option("--on", "on", type=DATE, required=True, help="Completion date.")
@click.option("--doc", default="", help="Reporting document.")
@pass_app
def complete(app: AppContext, code: str, on: date, doc: str) -> None:
    """Record that a task was completed.

    \b
    Example:
      tracker complete NV-2023-0042 --on 28/03/2023 --doc "1020/STP-VP"
    """
    facts = app.ledger.complete_task(code, on=on, document=doc, actor=app.actor)
    app.done(f"Completed {facts.code} on {show_date(on)}.")


@click.command()
@CODE
@click.option("--on", "on", type=DATE, required=True, help="Date it was reopened.")
@click.option("--reason", required=True, help="Why the completion was not accepted.")
@pass_app
def reopen(app: AppContext, code: str, on: date, reason: str) -> None:
    """Reopen a completed task whose completion was not accepted.

    \b
    Example:
      tracker reopen NV-2023-0042 --on 05/04/2023 --reason "Báo cáo chưa đạt yêu cầu"
    """
    facts = app.ledger.reopen_task(code, on=on, reason=reason, actor=app.actor)
    app.done(f"Reopened {facts.code}.")


@click.command()
@CODE
@click.option("--on", "on", type=DATE, required=True, help="Date of withdrawal.")
@click.option("--reason", required=True, help="Why the task was withdrawn.")
@click.option("--doc", default="", help="Withdrawing document.")
@pass_app
def cancel(app: AppContext, code: str, on: date, reason: str, doc: str) -> None:
    """Cancel a task the assigner withdrew ("rút khỏi chương trình"). On a
    periodic task's schedule: no occurrence of a period beginning after --on
    (those recorded stay; cancel them one by one).

    \b
    Example:
      tracker cancel NV-2023-0042 --on 15/05/2023 --reason "Rút khỏi chương trình" \\
        --doc "1500/UBND-TH"
    """
    from tracker.schedules import cancel_schedule, find_schedule

    if app.ledger.exists(code) or find_schedule(app.ledger, code) is None:
        facts = app.ledger.cancel_task(
            code, on=on, reason=reason, document=doc, actor=app.actor
        )
        app.done(f"Cancelled {facts.code}.")
        return
    schedule = cancel_schedule(
        app.ledger, code, on=on, reason=reason, document=doc, actor=app.actor
    )
    app.done(
        f"Cancelled schedule {schedule.code}: no occurrence of a period beginning "
        f"after {show_date(on)}; those recorded stay."
    )


@click.command()
@CODE
@click.argument("field", metavar="FIELD")
@click.argument("value")
@click.option("--reason", required=True, help="Why the old value was wrong.")
@pass_app
def correct(app: AppContext, code: str, field: str, value: str, reason: str) -> None:
    """Correct a field that was logged wrongly (the old value stays on record).

    FIELD is one of: title, assigner, agency, co_agencies, doc, assigned_on,
    due_on (use 'none' to remove the deadline), completed_on.

    \b
    Example:
      tracker correct NV-2023-0042 due_on 15/04/2023 --reason "Nhập nhầm hạn"
    """
    facts = app.ledger.correct_task(
        code, field=field, value=value, reason=reason, actor=app.actor
    )
    app.done(f"Corrected {field} of {facts.code}.")


COMMANDS = [assign, extend, reassign, note, complete, reopen, cancel, correct]
