"""``tracker report``: the reporting form's figures for a period, by source."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.documents.report_form import FormHeading, report_document, section_data
from cli.files import resolve_format
from cli.params import DATE, as_known_at_option, as_of_option, output_options
from cli.query_commands import warn_missing_occurrences
from cli.rendering import render
from domain.directory import SOURCES
from domain.periods import CUTOFFS, PeriodParseError, explicit_period, parse_period

SOURCE_CHOICES = (*SOURCES, "all")


def _period(
    period: str | None, start: date | None, end: date | None, cutoff: str
) -> Any:
    try:
        if period and (start or end):
            raise click.UsageError("Give --period or --from/--to, not both.")
        if period:
            return parse_period(period, cutoff)
        if start and end:
            return explicit_period(start, end)
    except PeriodParseError as exc:
        raise click.BadParameter(str(exc), param_hint="--period") from None
    raise click.UsageError("Give --period (e.g. 2023-H1) or both --from and --to.")


def _groups(groups: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": name, **figures.as_dict()} for name, figures in groups]


def report_data(
    result: Any, by: str | None, lang: str = "vi", rolls: bool | None = None
) -> dict[str, Any]:
    """The JSON contract of ``tracker report``: the whole selection's figures
    (as before sections existed), then one section per source group present,
    each with its rates (``projections.figures.rates_of``), and the rule the
    figures used for a deadline ending on a day off (``rolls``: the Office's
    setting unless given)."""
    from tracker.settings import deadline_rolls

    rolls = deadline_rolls() if rolls is None else rolls
    data: dict[str, Any] = {
        "from": result.start.isoformat(),
        "to": result.end.isoformat(),
        "as_of": result.as_of.isoformat(),
        **result.totals.as_dict(),
        "ledger": result.ledger.as_dict(),
        "behind": result.behind,
        "source": result.source,
        "rates": result.totals.rates(),
        "rules": {"deadline_rolls_to_working_day": rolls},
    }
    if by:
        data["by"] = by
        data["groups"] = _groups(result.groups)
    data["sections"] = [
        section_data(
            part.source,
            {**part.totals.as_dict(), "rates": part.totals.rates()},
            _groups(part.groups) if by else None,
            lang,
        )
        for part in result.sections
    ]
    return data


@click.command()
@click.option("--period", default=None, help="2023, 2023-H1, 2023-Q2 or 2023-06.")
@click.option("--from", "start", type=DATE, default=None, help="Explicit start.")
@click.option("--to", "end", type=DATE, default=None, help="Explicit end.")
@click.option(
    "--cutoff",
    type=click.Choice(CUTOFFS),
    default="calendar",
    show_default=True,
    help="Period boundaries: calendar, or Decree 09/2019/NĐ-CP (15th to 14th).",
)
@click.option(
    "--source",
    type=click.Choice(SOURCE_CHOICES),
    default="all",
    show_default=True,
    help="Whose tasks: central (the Government, the Prime Minister), provincial "
    "(UBND tỉnh, its Chairman), other, or all, one section per group.",
)
@as_of_option()
@as_known_at_option()
@click.option(
    "--by",
    type=click.Choice(["agency", "assigner"]),
    default=None,
    help="Add one row per lead agency or per assigner, within each section.",
)
@output_options()
@pass_app
def report(
    app: AppContext,
    period: str | None,
    start: date | None,
    end: date | None,
    cutoff: str,
    source: str,
    as_of: date | None,
    known_at: datetime | None,
    by: str | None,
    fmt: str | None,
    output: str | None,
) -> None:
    """The period report: the reporting form's figures for tasks assigned in a
    period, classified at its end (or --as-of), one section per source group
    (central tasks as item 5 of the form counts them, the province's own
    apart), with rates. --output FILE.xlsx writes the printable form,
    FILE.docx a Word appendix (the Office's name: tracker config set office).

    \b
    Example:
      tracker report --period 2023-H1 --cutoff decree09 --by agency
      tracker report --period 2023-H1 --source central --output bao-cao.docx
      tracker report --from 01/01/2023 --to 30/06/2023 --output bao-cao.xlsx
      tracker report --period 2023-H1 --as-known-at "15/06/2023 09:00"
    """
    from tracker.settings import deadline_rolls, setting

    fmt = resolve_format(fmt, app.output(output))
    rolls = deadline_rolls()
    chosen = _period(period, start, end, cutoff)
    as_of = as_of or chosen.end
    office = setting("office") if fmt in ("xlsx", "docx") else ""
    result = app.reading.period_report(
        chosen.start, chosen.end, as_of, by, known_at, source, rolls
    )
    filed_since: set[str] = set()
    if known_at is not None and result.unknown:
        now = app.reading.directory()
        filed_since = {name for name in result.unknown if now.knows("assigner", name)}
    warn_unknown_assigners(result.unknown, filed_since)
    if known_at is None:
        warn_missing_occurrences(app, min(as_of, chosen.end))
    heading = FormHeading(office, chosen.start, chosen.end, as_of, cutoff)
    document = report_document(
        report_data(result, by, app.lang, rolls), by, app.lang, heading
    )
    render(document, fmt, app.lang, output)


def warn_unknown_assigners(names: list[str], filed_since: set[str]) -> None:
    """Once per run, on stderr: the assigners the directory does not know
    (one spelling of each), counted as ``other``, each with the command that
    files it, quoted for the shell; none for a name filed since the moment a
    report as known then was asked about, which that command would refuse."""
    if not names:
        return
    import shlex

    from cli.main import say

    say(
        f"Assigners not in the directory, counted as other: {'; '.join(names)}.",
        err=True,
    )
    for name in names:
        if name not in filed_since:
            say(
                "File it with: tracker directory add assigner "
                f"{shlex.quote(name)} --source central|provincial|other",
                err=True,
            )


COMMANDS = [report]
