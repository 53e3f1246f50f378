"""A long table is written line by line, each row on one line; a short one
is still laid out by rich."""

from __future__ import annotations

import pytest

from cli.rendering import Document, Section, listing, render
from cli.wide_table import LONG_TABLE, plain_table

TITLE = "Rà soát thủ tục hành chính lĩnh vực hộ tịch " * 4


def rows(count: int) -> list[dict[str, object]]:
    return [
        {"code": f"NV-{n:04d}", "title": f"{TITLE}{n}", "due_on": "2023-03-31"}
        for n in range(count)
    ]


def test_plain_table_pads_each_column_to_its_widest_cell() -> None:
    lines = list(plain_table(["Code", "Days"], [["NV-1", "5"], ["NV-22", "120"]], {1}))
    assert lines == [
        "┏━━━━━━━┳━━━━━━┓",
        "┃ Code  ┃ Days ┃",
        "┡━━━━━━━╇━━━━━━┩",
        "│ NV-1  │    5 │",
        "│ NV-22 │  120 │",
        "└───────┴──────┘",
    ]


def test_plain_table_rules_off_each_new_group() -> None:
    lines = list(plain_table(None, [["a", "1"], ["", "2"], ["b", "3"]], breaks={2}))
    assert lines[1:] == [
        "│ a │ 1 │",
        "│   │ 2 │",
        "├───┼───┤",
        "│ b │ 3 │",
        "└───┴───┘",
    ]


def test_a_long_listing_keeps_each_row_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    count = LONG_TABLE + 1
    render(
        listing(rows(count), ["code", "title", "due_on"], "en", "Tasks"), "table", "en"
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].strip() == "Tasks"
    body = [line for line in lines if line.startswith("│")]
    assert len(body) == count
    cells = [cell.strip() for cell in body[7].split("│")[1:4]]
    assert cells == ["NV-0007", f"{TITLE}7".strip(), "31/03/2023"]


def test_a_long_listing_shows_its_group_once_per_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    grouped = [
        {**row, "agency": "Sở Tư pháp" if n < 300 else "Sở Y tế"}
        for n, row in enumerate(rows(LONG_TABLE + 100))
    ]
    section = Section(
        ["agency", "code"], grouped, ["Agency", "Code"], group_by="agency"
    )
    render(Document([], [], [], sections=[section]), "table", "en")
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("│")[1].strip() for line in lines if "Sở" in line] == [
        "Sở Tư pháp",
        "Sở Y tế",
    ]
    assert lines.index(next(line for line in lines if "Sở Y tế" in line)) - 1 == (
        lines.index(next(line for line in lines if line.startswith("├")))
    )


def test_a_short_listing_still_wraps_long_cells(
    capsys: pytest.CaptureFixture[str],
) -> None:
    render(listing(rows(3), ["code", "title", "due_on"], "en", "Tasks"), "table", "en")
    out = capsys.readouterr().out
    assert f"{TITLE}1" not in out.replace("\n", "")  # folded over lines by rich
    assert "NV-0001" in out
