"""The period report in the form's layout (Biểu mẫu 1, item 5): one table per
source group, STT / Chỉ tiêu / Đơn vị tính / Số liệu / Ghi chú, the rates in
the notes as reports write them ("chiếm 22,88%").

Every format lays out the same ``Document``; the workbook (``form_workbook``)
adds the title rows a printed form has, with its dates as dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from cli.labels import label, report_footer
from cli.output import csv_form, display
from cli.rendering import Document, Row, Section
from domain.directory import SOURCES

FORM_ITEMS = (
    ("5.1", "assigned"),
    ("5.2", "on_time"),
    ("5.3", "late"),
    ("", "awaiting_confirmation"),
    ("5.4", "overdue"),
    ("", "in_progress"),
    ("", "no_deadline"),
    ("", "cancelled"),
)
FORM_COLUMNS = ("item", "label", "unit", "figure", "note")
FORM_LABELS = {
    "vi": {
        "assigned": "Tổng số nhiệm vụ được giao",
        "on_time": "Số nhiệm vụ đã hoàn thành đúng hạn",
        "late": "Số nhiệm vụ đã hoàn thành nhưng quá hạn",
        "awaiting_confirmation": "  trong đó (5.2, 5.3): chờ xác nhận",
        "overdue": "Số nhiệm vụ quá hạn nhưng chưa hoàn thành",
        "in_progress": "Số nhiệm vụ đang thực hiện trong hạn",
        "no_deadline": "  trong đó: nhiệm vụ không có thời hạn",
        "cancelled": "Số nhiệm vụ rút khỏi chương trình (không tính ở trên)",
        "heading": "Tình hình thực hiện nhiệm vụ được giao",
        "central": "Tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao",
        "provincial": "Tình hình thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao",
        "other": "Tình hình thực hiện nhiệm vụ do cơ quan, đơn vị khác giao",
        "sheet_central": "Trung ương giao",
        "sheet_provincial": "Tỉnh giao",
        "sheet_other": "Khác giao",
        "sheet_all": "Tất cả",
        "period": "Kỳ báo cáo",
        "from": "Kỳ báo cáo: từ ngày",
        "to": "Đến ngày",
        "figures_on": "Số liệu tính đến ngày",
        "cutoff": "Cách chốt số liệu",
        "calendar": "Theo kỳ dương lịch",
        "decree09": "Theo Nghị định 09/2019/NĐ-CP (từ ngày 15 đến ngày 14)",
        "item": "STT",
        "label": "Chỉ tiêu",
        "unit": "Đơn vị tính",
        "figure": "Số liệu",
        "note": "Ghi chú",
        "unit_tasks": "Nhiệm vụ",
        "share": "Chiếm {rate}",
        "of_completed": "đạt {rate} số nhiệm vụ đã hoàn thành",
        "share_of_completed": "Chiếm {rate} số nhiệm vụ đã hoàn thành",
        "by_agency": "Theo cơ quan chủ trì",
        "by_assigner": "Theo cấp giao",
        "group": "Đơn vị",
        "short_assigned": "Tổng số",
        "short_on_time": "Hoàn thành đúng hạn",
        "short_late": "Hoàn thành quá hạn",
        "short_awaiting_confirmation": "Trong đó (5.2, 5.3): chờ xác nhận",
        "short_overdue": "Quá hạn chưa hoàn thành",
        "short_in_progress": "Đang thực hiện trong hạn",
        "short_no_deadline": "Trong đó: không có thời hạn",
        "short_cancelled": "Rút khỏi chương trình",
    },
    "en": {
        "assigned": "Tasks assigned",
        "on_time": "Completed on time",
        "late": "Completed late",
        "awaiting_confirmation": "  of which (5.2, 5.3) awaiting confirmation",
        "overdue": "Overdue, not completed",
        "in_progress": "In progress within deadline",
        "no_deadline": "  of which without deadline",
        "cancelled": "Withdrawn (not counted above)",
        "heading": "Assigned tasks",
        "central": "Tasks assigned by the Government and the Prime Minister",
        "provincial": "Tasks assigned by the Provincial People's Committee "
        "and its Chairman",
        "other": "Tasks assigned by other authorities",
        "sheet_central": "Central",
        "sheet_provincial": "Provincial",
        "sheet_other": "Other",
        "sheet_all": "All",
        "period": "Period",
        "from": "Reporting period from",
        "to": "To",
        "figures_on": "Figures as of",
        "cutoff": "Cut-off",
        "calendar": "Calendar periods",
        "decree09": "Decree 09/2019/ND-CP (15th to 14th)",
        "item": "No.",
        "label": "Item",
        "unit": "Unit",
        "figure": "Figure",
        "note": "Notes",
        "unit_tasks": "tasks",
        "share": "{rate} of assigned",
        "of_completed": "{rate} of completed",
        "share_of_completed": "{rate} of completed",
        "by_agency": "By lead agency",
        "by_assigner": "By assigner",
        "group": "Group",
        "short_assigned": "Assigned",
        "short_on_time": "On time",
        "short_late": "Late",
        "short_awaiting_confirmation": "Of which (5.2, 5.3) awaiting confirmation",
        "short_overdue": "Overdue",
        "short_in_progress": "In progress",
        "short_no_deadline": "Of which no deadline",
        "short_cancelled": "Withdrawn",
    },
}
GROUP_FIGURES = ("assigned", "on_time", "late", "awaiting_confirmation",
                 "overdue", "in_progress", "no_deadline", "cancelled")  # fmt: skip
# Shares of the tasks assigned; the completions awaiting the Office's
# confirmation are a share of the completed instead, as reports give a part
# of the files resolved ("đã giải quyết ..., trong đó ... chiếm tỷ lệ 99,9%").
RATED = ("on_time", "late", "overdue", "in_progress", "no_deadline")


def form_label(lang: str, key: str) -> str:
    return FORM_LABELS.get(lang, FORM_LABELS["en"])[key]


def source_title(lang: str, source: str) -> str:
    """The form's title for a source group, or for all of them."""
    return form_label(lang, "heading" if source == "all" else source)


def percent(rate: float, lang: str) -> str:
    """``98,62%`` in Vietnamese, ``98.62%`` in English."""
    text = f"{rate:.2f}%"
    return text.replace(".", ",") if lang == "vi" else text


def share_of(part: int, whole: int) -> float:
    """``part`` of ``whole`` in percent, two decimals, rounded half up as
    ``projections.figures`` rounds the on-time share of the completed."""
    return ((part * 20_000 + whole) // (whole * 2)) / 100


@dataclass(frozen=True)
class FormHeading:
    """What the title rows of a printed form name."""

    office: str
    start: date
    end: date
    as_of: date
    cutoff: str  # ``calendar`` or ``decree09``


def form_rows(figures: dict[str, Any], lang: str) -> list[Row]:
    """The form's items for one section (or the whole selection), each with
    its share of the tasks assigned in the notes (the completions awaiting
    confirmation: their share of the completed)."""
    rates = figures["rates"]
    unit = form_label(lang, "unit_tasks")
    completed = figures["on_time"] + figures["late"]
    rows = []
    for item, key in FORM_ITEMS:
        note = ""
        if key in RATED:
            note = form_label(lang, "share").format(rate=percent(rates[key], lang))
        if key == "on_time" and completed:
            on_time = percent(rates["on_time_of_completed"], lang)
            note += "; " + form_label(lang, "of_completed").format(rate=on_time)
        if key == "awaiting_confirmation" and completed:
            share = percent(share_of(figures[key], completed), lang)
            note = form_label(lang, "share_of_completed").format(rate=share)
        rows.append(
            {
                "item": item,
                "label": form_label(lang, key),
                "unit": unit,
                "figure": figures[key],
                "note": note,
            }
        )
    return rows


def report_document(
    data: dict[str, Any], by: str | None, lang: str, heading: FormHeading
) -> Document:
    """The report as every format shows it: per source section, the form's
    items, then one row per group when asked (``data`` is the JSON)."""
    from cli.documents.form_workbook import write_form_workbook
    from cli.documents.word import write_word

    subtitle = (
        f"{form_label(lang, 'period')}: {display('on', data['from'], lang)} - "
        f"{display('on', data['to'], lang)}, {label(lang, 'as_of')} "
        f"{display('on', data['as_of'], lang)}"
    )
    group_columns = ["name", *GROUP_FIGURES]
    sheets = [
        _sheet(part, by, lang)
        for part in data["sections"] or [_empty_section(data, lang)]
    ]
    sections = [section for _, own in sheets for section in own]
    title = source_title(lang, data["source"])
    footer = report_footer(lang, data)
    csv_columns, csv_rows = csv_form(
        _csv_rows(data),
        ["source", *group_columns],
        lang,
        {
            "source": label(lang, "source"),
            "name": label(lang, by) if by else form_label(lang, "group"),
            **{k: form_label(lang, f"short_{k}") for k in GROUP_FIGURES},
        },
        {"source": {k: form_label(lang, f"sheet_{k}") for k in (*SOURCES, "all")}},
    )
    document = Document(
        data,
        csv_columns,
        csv_rows,
        title=title,
        subtitle=subtitle,
        sections=sections,
        footer=footer,
    )
    document.files = {
        "xlsx": lambda path: write_form_workbook(path, heading, sheets, footer, lang),
        "docx": lambda path: write_word(
            path, heading.office, title, subtitle, sections, footer, lang
        ),
    }
    return document


def _sheet(
    part: dict[str, Any], by: str | None, lang: str
) -> tuple[str, list[Section]]:
    """One source section's sheet name and tables: the form's items, then
    its rows by agency or assigner when asked."""
    own = [
        Section(
            FORM_COLUMNS,
            form_rows(part, lang),
            [form_label(lang, column) for column in FORM_COLUMNS],
            heading=part["label"],
            numeric={"figure"},
            sheet=form_label(lang, f"sheet_{part['source']}")
            if part["source"] in ("central", "provincial", "other")
            else form_label(lang, "period"),
        )
    ]
    if by:
        own.append(
            Section(
                ["name", *GROUP_FIGURES],
                part.get("groups", []),
                [
                    label(lang, by),
                    *(form_label(lang, f"short_{k}") for k in GROUP_FIGURES),
                ],
                heading=f"{part['label']}: {form_label(lang, f'by_{by}')}",
                numeric=GROUP_FIGURES,
                empty=label(lang, "no_rows"),
            )
        )
    return str(own[0].sheet), own


def _empty_section(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """A section of zeros when nothing was assigned in the period: the form
    still goes out, saying so."""
    source = data["source"]
    return {
        "source": source,
        "label": source_title(lang, source),
        **{key: data[key] for key in GROUP_FIGURES},
        "rates": data["rates"],
        "groups": [],
    }


def _csv_rows(data: dict[str, Any]) -> list[Row]:
    """The whole selection, then each section, each followed by its groups."""
    rows: list[Row] = [{"source": data["source"], "name": "", **data}]
    rows += [{"source": data["source"], **g} for g in data.get("groups", [])]
    for part in data["sections"]:
        rows.append({**part, "name": ""})
        rows += [{"source": part["source"], **g} for g in part.get("groups", [])]
    return rows


def section_data(
    source: str, figures: dict[str, Any], groups: Sequence[Row] | None, lang: str
) -> dict[str, Any]:
    """One section as the JSON contract has it."""
    part: dict[str, Any] = {
        "source": source,
        "label": source_title(lang, source),
        **figures,
    }
    if groups is not None:
        part["groups"] = list(groups)
    return part
