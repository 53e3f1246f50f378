"""A long table as plain lines: the same frame, columns and groups as rich's,
each cell on one line.

rich measures every cell and wraps the long ones to fit the width, which on
tens of thousands of rows (the province's overdue list) takes longer than
the query by far. Past ``LONG_TABLE`` rows a table is written here instead:
each column as wide as its widest cell, nothing wrapped (a listing sent to a
file or a pager keeps whole lines anyway), no colours. A shorter table looks
as rich lays it out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

LONG_TABLE = 500  # rows: past it, a table is written as plain lines

# rich's HEAVY_HEAD frame: top, header row, under the header, body, between
# groups, bottom (left, fill, between columns, right).
TOP = ("┏", "━", "┳", "┓")
HEAD = ("┃", " ", "┃", "┃")
UNDER_HEAD = ("┡", "━", "╇", "┩")
BODY = ("│", " ", "│", "│")
BETWEEN = ("├", "─", "┼", "┤")
BOTTOM = ("└", "─", "┴", "┘")


def plain_table(
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    numeric: Collection[int] = (),
    breaks: Collection[int] = (),
    title: str | None = None,
) -> Iterator[str]:
    """The lines of a table of ``rows`` (plain texts, one per column), with a
    rule before each row whose index is in ``breaks`` (a new group) and the
    columns numbered in ``numeric`` aligned right."""
    from rich.cells import cell_len

    count = len(headers) if headers is not None else len(rows[0]) if rows else 0
    widths = [0] * count
    for line in [headers, *rows] if headers is not None else rows:
        for column, text in enumerate(line):
            widths[column] = max(widths[column], cell_len(text))

    def rule(frame: tuple[str, str, str, str]) -> str:
        left, fill, between, right = frame
        return left + between.join(fill * (width + 2) for width in widths) + right

    def cells(line: Sequence[str], frame: tuple[str, str, str, str]) -> str:
        shown = []
        for column, (text, width) in enumerate(zip(line, widths, strict=True)):
            pad = " " * (width - cell_len(text))
            shown.append(f" {pad}{text} " if column in numeric else f" {text}{pad} ")
        return frame[0] + frame[2].join(shown) + frame[3]

    if title:
        yield title.center(sum(widths) + 3 * count + 1).rstrip()
    yield rule(TOP)
    if headers is not None:
        yield cells(headers, HEAD)
        yield rule(UNDER_HEAD)
    for index, line in enumerate(rows):
        if index in breaks:
            yield rule(BETWEEN)
        yield cells(line, BODY)
    yield rule(BOTTOM)
