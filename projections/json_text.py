"""The JSON contract's encoding, in one place.

Every JSON the tracker writes is made here: the documents the commands print
(``json_document``), the task facts the read model keeps, and the overdue
list's entries, which are stored already encoded (``overdue_entries.entry``)
so that a province's weekly list is the database's bytes joined, never
decoded and encoded again (``bench/README.md`` has the figures).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from projections.tables import OVERDUE, REMINDERS

# One encoder, made once: ``json.dumps`` with options builds one per call,
# which a rebuild would do hundreds of thousands of times.
to_json = json.JSONEncoder(ensure_ascii=False).encode


def reminder_summary(count: int, reminded_on: date | None, document: str | None) -> str:
    """An entry's reminder fields after ``count`` reminders, the last sent on
    ``reminded_on`` by ``document``, as JSON members (stored with each
    reminder's row, ``projections.follow_up_rows``)."""
    return (
        f'"reminders": {count}, "last_reminded_on": '
        f"{to_json(reminded_on.isoformat() if reminded_on else None)}, "
        f'"last_reminder_doc": {to_json(document)}'
    )


NO_REMINDER = reminder_summary(0, None, None)


# An overdue entry closed with the fields that depend on the date asked
# (``:as_of``, and ``:today``, its ordinal): the days overdue and the
# reminders sent by then, the last reminder's row holding them all.
def reminded(table: str) -> str:
    """The reminder fields of the task of ``table``'s row, as of ``:as_of``."""
    return (
        f"COALESCE((SELECT r.summary FROM {REMINDERS} r"
        f" WHERE r.task_id = {table}.task_id AND r.reminded_on <= :as_of"
        f" ORDER BY r.number DESC LIMIT 1), '{NO_REMINDER}')"
    )


REMINDED = reminded("o")
OPEN_ENTRY = (
    "o.entry || ', \"days_overdue\": ' || CAST(:today - o.due_day AS TEXT)"
    f" || ', ' || {REMINDED}"
)
# The same, marked ``new`` when the task was not overdue on ``:since``. A
# span overdue since then was overdue then; only one that began later needs
# a look for an earlier overdue span, and ``CASE`` looks for no other. The
# working days overdue, counted on the calendar, close the entry
# (``projections.reports``).
MARKED_ENTRY = (
    f"{OPEN_ENTRY} || CASE WHEN o.valid_from <= :since"
    f" OR EXISTS (SELECT 1 FROM {OVERDUE} p WHERE p.task_id = o.task_id"
    " AND p.valid_from <= :since AND p.valid_until > :since)"
    """ THEN ', "new": false' ELSE ', "new": true' END"""
)


class EncodedJSON(bytes):
    """JSON text, in UTF-8, that a larger JSON document embeds as it is."""


def overdue_entry(
    code: str, title: str, agency: str, assigner: str, document: str, due_on: date
) -> str:
    """A task overdue since ``due_on``, as the overdue list's JSON shows it,
    open at its end: ``OPEN_ENTRY`` adds the fields that depend on the date
    asked, and the list closes it (``projections.reports``)."""
    entry = {
        "code": code,
        "title": title,
        "agency": agency,
        "assigner": assigner,
        "document": document,
        "due_on": due_on.isoformat(),
    }
    return to_json(entry)[:-1]


def joined(entries: list[bytes]) -> EncodedJSON:
    """A JSON array of entries already encoded."""
    return EncodedJSON(b"[" + b", ".join(entries) + b"]")


def json_document(data: Any, *, indent: bool = False) -> str | bytes:
    """``data`` as the contract's JSON; ``indent`` for a person at a terminal
    (it forces Python's slow encoder, so a program gets it compact).

    A dict whose values include ``EncodedJSON`` is encoded around them, in
    UTF-8: the very bytes that ``json.dumps`` would make of it decoded."""
    encoded = isinstance(data, dict) and any(
        isinstance(value, EncodedJSON) for value in data.values()
    )
    if indent:
        if encoded:
            data = {
                key: json.loads(value) if isinstance(value, EncodedJSON) else value
                for key, value in data.items()
            }
        return json.dumps(data, ensure_ascii=False, indent=2)
    if not encoded:
        return json.dumps(data, ensure_ascii=False)
    # One join of every piece: a province's list is megabytes, and each
    # concatenation would copy it again.
    parts = [b"{"]
    for key, value in data.items():
        if len(parts) > 1:
            parts.append(b", ")
        if not isinstance(value, EncodedJSON):
            value = to_json(value).encode()
        parts += (to_json(key).encode(), b": ", value)
    parts.append(b"}")
    return b"".join(parts)
