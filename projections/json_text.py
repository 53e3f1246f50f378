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

# One encoder, made once: ``json.dumps`` with options builds one per call,
# which a rebuild would do hundreds of thousands of times.
to_json = json.JSONEncoder(ensure_ascii=False).encode

# An overdue entry closed with its days overdue on the date asked (``today``,
# that date's ordinal): the one field of the entry that depends on it.
CLOSED_ENTRY = (
    "o.entry || ', \"days_overdue\": ' || CAST(:today - o.due_day AS TEXT) || '}'"
)


class EncodedJSON(bytes):
    """JSON text, in UTF-8, that a larger JSON document embeds as it is."""


def overdue_entry(
    code: str, title: str, agency: str, assigner: str, document: str, due_on: date
) -> str:
    """A task overdue since ``due_on``, as the overdue list's JSON shows it,
    open at its end: ``CLOSED_ENTRY`` adds the days overdue and the brace."""
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
    members = (
        to_json(key).encode()
        + b": "
        + (value if isinstance(value, EncodedJSON) else to_json(value).encode())
        for key, value in data.items()
    )
    return b"{" + b", ".join(members) + b"}"
