"""``tracker report``: the reporting form's figures for a period."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.files import resolve_format
from cli.labels import label, ledger_footer
from cli.output import display
from cli.params import DATE, as_known_at_option, as_of_option, output_options
from cli.rendering import Document, Section, render
from domain.periods import CUTOFFS, PeriodParseError, explicit_period, parse_period

FORM_ITEMS = (
    ("5.1", "assigned"),
    ("5.2", "on_time"),
    ("5.3", "late"),
    ("5.4", "overdue"),
    ("", "in_progress"),
    ("", "no_deadline"),
    ("", "cancelled"),
)
FORM_LABELS = {
    "vi": {
        "assigned": "Tổng số nhiệm vụ được giao",
        "on_time": "Số nhiệm vụ đã hoàn thành đúng hạn",
        "late": "Số nhiệm vụ đã hoàn thành nhưng quá hạn",
        "overdue": "Số nhiệm vụ quá hạn nhưng chưa hoàn thành",
        "in_progress": "Số nhiệm vụ đang thực hiện trong hạn",
        "no_deadline": "  trong đó: nhiệm vụ không có thời hạn",
        "cancelled": "Số nhiệm vụ rút khỏi chương trình (không tính ở trên)",
        "heading": "Tình hình thực hiện nhiệm vụ được giao",
        "period": "Kỳ báo cáo",
        "group": "Đơn vị",
    },
    "en": {
        "assigned": "Tasks assigned",
        "on_time": "Completed on time",
        "late": "Completed late",
        "overdue": "Overdue, not completed",
        "in_progress": "In progress within deadline",
        "no_deadline": "  of which without deadline",
        "cancelled": "Withdrawn (not counted above)",
        "heading": "Assigned tasks",
        "period": "Period",
        "group": "Group",
    },
}
GROUP_FIGURES = ("assigned", "on_time", "late", "overdue", "in_progress",
                 "no_deadline", "cancelled")  # fmt: skip


def _form(lang: str, key: str) -> str:
    return FORM_LABELS.get(lang, FORM_LABELS["en"])[key]


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


def report_data(result: Any, by: str | None) -> dict[str, Any]:
    """The JSON contract of ``tracker report``."""
    data: dict[str, Any] = {
        "from": result.start.isoformat(),
        "to": result.end.isoformat(),
        "as_of": result.as_of.isoformat(),
        **result.totals.as_dict(),
        "ledger": result.ledger.as_dict(),
        "behind": result.behind,
    }
    if by:
        data["by"] = by
        data["groups"] = [
            {"name": name, **figures.as_dict()} for name, figures in result.groups
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
@as_of_option()
@as_known_at_option()
@click.option(
    "--by",
    type=click.Choice(["agency", "assigner"]),
    default=None,
    help="Add one row per lead agency or per assigner.",
)
@output_options()
@pass_app
def report(
    app: AppContext,
    period: str | None,
    start: date | None,
    end: date | None,
    cutoff: str,
    as_of: date | None,
    known_at: datetime | None,
    by: str | None,
    fmt: str | None,
    output: str | None,
) -> None:
    """The period report: the reporting form's figures for tasks assigned in a
    period, classified at its end (or --as-of).

    \b
    Example:
      tracker report --period 2023-H1 --cutoff decree09 --by agency
      tracker report --from 01/01/2023 --to 30/06/2023 --output bao-cao.xlsx
      tracker report --period 2023-H1 --as-known-at "15/06/2023 09:00"
    """
    fmt = resolve_format(fmt, app.output(output))
    chosen = _period(period, start, end, cutoff)
    as_of = as_of or chosen.end
    result = app.reading.period_report(chosen.start, chosen.end, as_of, by, known_at)
    render(
        report_document(report_data(result, by), by, app.lang), fmt, app.lang, output
    )


def report_document(data: dict[str, Any], by: str | None, lang: str) -> Document:
    """The report as every format shows it: the form's items, then one row
    per group when asked."""
    subtitle = (
        f"{_form(lang, 'period')}: {display('on', data['from'], lang)} - "
        f"{display('on', data['to'], lang)}, {label(lang, 'as_of')} "
        f"{display('on', data['as_of'], lang)}"
    )
    form_rows = [
        {"item": item, "label": _form(lang, key), "figure": data[key]}
        for item, key in FORM_ITEMS
    ]
    sections = [
        Section(
            ("item", "label", "figure"),
            form_rows,
            None,
            numeric={"figure"},
            sheet="Biểu mẫu" if lang == "vi" else "Form",
        )
    ]
    group_columns = ["name", *GROUP_FIGURES]
    groups = data.get("groups", [])
    if by:
        headers = [
            _form(lang, "group"),
            *(_form(lang, k).strip() for k in GROUP_FIGURES),
        ]
        sections.append(
            Section(group_columns, groups, headers, numeric=GROUP_FIGURES, sheet=by)
        )
    return Document(
        data,
        group_columns,
        [{"name": "", **data}, *groups],
        title=_form(lang, "heading"),
        subtitle=subtitle,
        sections=sections,
        footer=ledger_footer(lang, data["ledger"], data["behind"]),
    )


COMMANDS = [report]
