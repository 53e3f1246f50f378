"""What left the overdue list since a date, and why: the weekly meeting's
second question, after "which became overdue" (the ``new`` mark on each
entry, ``projections.json_text``).

A task left the list when it was overdue on ``since`` and is not now: it was
completed, cancelled or given a later deadline (the status of the span that
covers the date asked about says which, and its start says when), or, in
one agency's list, it moved to another agency (its reassignments say so:
the spans carry the agency the task has now, so an agency's list on
``since`` is that of the tasks led by it then, read from their first move
after ``since``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from database.plain_sql import (
    LIKE_ESCAPE,
    PlainSQL,
    as_date,
    chunks,
    contains_pattern,
    in_list,
)
from domain.directory import Directory, Names
from domain.text import fold
from projections.tables import OVERDUE, REASSIGNMENTS, SPANS, TASKS, covering

# Why a task overdue on ``since`` is not in the list now, by its status now.
REASONS = {
    "on_time": "completed",
    "late": "completed",
    "cancelled": "cancelled",
    "in_progress": "extended",
    "overdue": "reassigned",  # overdue still, in another agency's list
}


# The task of ``p`` as it stands on ``:as_of``: its span then and its row.
_NOW = (
    f" JOIN {SPANS} s ON s.task_id = p.task_id AND {covering('s', 'as_of')}"
    f" JOIN {TASKS} v ON v.task_id = p.task_id"
)
# Its first move after ``:since`` (by date, then as recorded), on or before
# ``:as_of``: the agency it leaves is the one that led it on ``:since``.
_IS_FIRST_MOVE = (
    " m.reassigned_on > :since AND m.reassigned_on <= :as_of"
    f" AND NOT EXISTS (SELECT 1 FROM {REASSIGNMENTS} e"
    " WHERE e.task_id = m.task_id AND e.reassigned_on > :since"
    " AND (e.reassigned_on < m.reassigned_on"
    " OR (e.reassigned_on = m.reassigned_on AND e.number < m.number)))"
)
_FIRST_MOVE = f"SELECT m.task_id FROM {REASSIGNMENTS} m WHERE{_IS_FIRST_MOVE}"


def left_since(
    sql: PlainSQL,
    since: date,
    as_of: date,
    agency: str | None,
    directory: Directory,
    gone: Sequence[str],
) -> list[dict[str, Any]]:
    """The tasks overdue on ``since`` that are not in the list on ``as_of``
    (of ``agency``, when given), each with its reason and the day it left,
    in that order. ``gone``: the IDs of the tasks in the list then and not
    now, as the spans, which carry today's agency, have it."""
    rows = _left_by_status(sql, since, as_of, agency, gone)
    if agency:
        rows += _moved_away(sql, since, as_of, agency)
    names = Names(directory, "agency", Counter(row[1] for row in rows))
    left = [
        {
            "code": code,
            "title": title,
            "agency": names(lead_agency),
            "reason": reason,
            "on": on.isoformat(),
        }
        for code, lead_agency, title, reason, on in rows
    ]
    left.sort(key=lambda entry: (entry["on"], entry["code"]))
    return left


Left = tuple[str, str, str, str, date]  # code, agency, title, reason, on


def _left_by_status(
    sql: PlainSQL, since: date, as_of: date, agency: str | None, gone: Sequence[str]
) -> list[Left]:
    """Those whose status changed: in an agency's list, of the tasks that
    did not move meanwhile (``_moved_away`` takes those)."""
    moved = f" AND s.task_id NOT IN ({_FIRST_MOVE})" if agency else ""
    left: list[Left] = []
    for chunk in chunks(gone):
        listed, keys = in_list("id", chunk)
        rows = sql.rows(
            "SELECT v.code, v.lead_agency, v.title, s.status, s.valid_from"
            f" FROM {SPANS} s JOIN {TASKS} v ON v.task_id = s.task_id"
            f" WHERE s.task_id IN ({listed}) AND {covering('s', 'as_of')}{moved}",
            since=since,
            as_of=as_of,
            **keys,
        )
        left += [_left(row) for row in rows]
    return left


def _moved_away(sql: PlainSQL, since: date, as_of: date, agency: str) -> list[Left]:
    """Tasks overdue on ``since`` in ``agency``'s list that moved since: out
    of its list now because they are led elsewhere, or, moved back, because
    their status changed."""
    pattern = fold(agency)
    rows = sql.rows(
        "SELECT v.code, v.lead_agency, v.title, s.status, s.valid_from,"
        " m.reassigned_on, v.agency_key"
        f" FROM {OVERDUE} p{_NOW}"
        f" JOIN {REASSIGNMENTS} m ON m.task_id = p.task_id"
        f" WHERE {covering('p', 'since')} AND{_IS_FIRST_MOVE}"
        f" AND m.from_agency_key LIKE :agency ESCAPE '{LIKE_ESCAPE}'",
        since=since,
        as_of=as_of,
        agency=contains_pattern(pattern),
    )
    left: list[Left] = []
    for code, lead_agency, title, status, valid_from, moved_on, agency_key in rows:
        if pattern not in agency_key:
            left.append((code, lead_agency, title, "reassigned", as_date(moved_on)))
        elif status != "overdue":  # moved back, and no longer overdue
            left.append(_left((code, lead_agency, title, status, valid_from)))
    return left


def _left(row: tuple[Any, ...]) -> Left:
    code, lead_agency, title, status, valid_from = row
    on = as_date(valid_from)
    assert on is not None
    return code, lead_agency, title, REASONS[status], on
