"""The Office's follow-up of its tasks: chasing agencies with reminder letters
(đôn đốc), and confirming a reported completion or sending it back."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.logging_commands import CODE, reopen
from cli.overdue_command import MAX_DUE_WITHIN
from cli.params import DATE
from domain.dates import show_date
from domain.errors import TaskRuleError

SHOWN_CODES = 10  # a confirmation names this many codes, then counts the rest


@click.command()
@click.option(
    "--agency", default=None, help="Remind this lead agency (no accents needed)."
)
@click.option(
    "--code",
    "codes",
    multiple=True,
    help="Remind this task instead (repeatable; not with --agency).",
)
@click.option(
    "--on", "on", type=DATE, required=True, help="Date of the reminder letter."
)
@click.option(
    "--doc", required=True, help="The reminder letter's number, e.g. 1018/UBND-CCHC."
)
@click.option(
    "--due-within",
    type=click.IntRange(0, MAX_DUE_WITHIN),
    default=None,
    metavar="DAYS",
    help="Also remind the agency's open tasks due in the next DAYS days.",
)
@pass_app
def remind(
    app: AppContext,
    agency: str | None,
    codes: tuple[str, ...],
    on: date,
    doc: str,
    due_within: int | None,
) -> None:
    """Record a reminder letter (công văn đôn đốc) on each task of an agency
    that is overdue on --on (and, with --due-within, falling due), or on the
    tasks named; all of them or none.

    \b
    Example:
      tracker remind --agency "Sở Tư pháp" --on 05/06/2023 --doc 1018/UBND-CCHC
      tracker remind --agency "so tu phap" --on 05/06/2023 --doc 1164/UBND-CCHC \\
        --due-within 7
      tracker remind --code NV-2023-0042 --on 05/06/2023 --doc 2272/UBND-CCHC
    """
    if bool(agency) == bool(codes):
        raise click.UsageError("Give --agency or --code (one of them).")
    if codes and due_within is not None:
        raise click.UsageError("--due-within goes with --agency.")
    if agency:
        chased, shown = _agency_tasks(app, agency, on, due_within)
        whom = f" for {shown}"
    else:
        chased, whom = list(dict.fromkeys(codes)), ""
    facts = app.ledger.remind_tasks(chased, on=on, document=doc, actor=app.actor)
    listed = ", ".join(f.code for f in facts[:SHOWN_CODES])
    if len(facts) > SHOWN_CODES:
        listed += f", … (+{len(facts) - SHOWN_CODES})"
    count = "1 task" if len(facts) == 1 else f"{len(facts)} tasks"
    app.done(f"Recorded reminder {doc} of {show_date(on)}{whom}: {count} ({listed}).")


def _agency_tasks(
    app: AppContext, agency: str, on: date, due_within: int | None
) -> tuple[list[str], str]:
    """The codes of the agency's tasks overdue on ``on`` (and due soon), as
    the weekly list finds them, and the agency's name as the list shows it;
    a name that matches several agencies is refused, since one letter goes
    to one agency."""
    answer: dict[str, Any] = app.reading.overdue_report(on, due_within, agency)
    entries = [*answer["overdue"], *answer["due_soon"]]
    agencies = sorted({entry["agency"] for entry in entries})
    if len(agencies) > 1:
        raise TaskRuleError(
            f"'{agency}' matches several agencies ({'; '.join(agencies)}); "
            "name one of them."
        )
    if not entries:
        soon = "" if due_within is None else f" or due within {due_within} days"
        raise TaskRuleError(
            f"No task of '{agency}' is overdue{soon} on {show_date(on)}; "
            "nothing was recorded."
        )
    return [entry["code"] for entry in entries], agencies[0]


@click.command()
@CODE
@click.option(
    "--on", "on", type=DATE, required=True, help="Date the Office confirmed it."
)
@click.option("--doc", default="", help="Confirming document, if any.")
@pass_app
def confirm(app: AppContext, code: str, on: date, doc: str) -> None:
    """Confirm a completion an agency reported (the date it reported still
    decides on time or late); send one back with reopen (tra-lai).

    \b
    Example:
      tracker confirm NV-2023-0042 --on 05/04/2023 --doc "1350/UBND-VP"
    """
    facts = app.ledger.confirm_completion(code, on=on, document=doc, actor=app.actor)
    reported = facts.current_completion
    assert reported is not None
    app.done(
        f"Confirmed the completion of {facts.code} reported on "
        f"{show_date(reported.completed_on)}."
    )


# The Vietnamese name of sending a completion back, for clerks who say so.
tra_lai = click.Command(
    "tra-lai",
    callback=reopen.callback,
    params=reopen.params,
    help="""Send a reported completion back to the agency: the same as reopen.

    \b
    Example:
      tracker tra-lai NV-2023-0042 --on 05/04/2023 --reason "Báo cáo chưa đạt yêu cầu"
    """,
)

COMMANDS = [remind, confirm, tra_lai]
