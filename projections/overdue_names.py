"""The overdue list's names as the directory shows them, on its stored bytes.

The list's entries are kept rendered (``overdue_entries``), and a list of
tens of thousands is sent as the database's bytes: decoding every entry to
rename its agency or assigner would cost more than the query. So names are
found and replaced in the bytes, once per name as typed, and only where the
name shown differs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from domain.directory import Directory, Names
from projections.json_text import EncodedJSON, to_json


def by_agency_shown(
    rows: Sequence[tuple[Any, ...]], agencies: Names
) -> list[tuple[Any, ...]]:
    """``rows`` (agency as typed, due day, code, entry: UTF-8, in that order)
    under the agency shown, still ordered by agency, due day and code.

    Rows come in runs of one typed name; names are few, so each is looked up
    once, and only the runs of names not shown as typed are touched."""
    runs: dict[bytes, list[tuple[Any, ...]]] = {}
    merged: set[bytes] = set()
    typed_name: bytes | None = None
    shown = b""
    renamed: Callable[[bytes], bytes] = bytes
    for row in rows:
        if row[0] != typed_name:
            typed_name = row[0]
            name = typed_name.decode()
            shown = agencies(name).encode()
            if shown in runs:
                merged.add(shown)
            if shown != typed_name:
                renamed = _renamer(name, shown.decode())
        if shown == typed_name:
            runs.setdefault(shown, []).append(row)
        else:
            entry = renamed(row[-1])
            runs.setdefault(shown, []).append((shown, *row[1:-1], entry))
    for name in merged:
        runs[name].sort(key=lambda row: (row[1], row[2]))
    return [row for name in sorted(runs) for row in runs[name]]


# An entry's assigner as ``to_json`` wrote it. Neither the field nor a text
# that begins with it can occur inside another text, whose quotes are
# escaped, so this finds each entry's assigner and nothing else.
ASSIGNER_FIELD = b'"assigner": '
ENCODED_ASSIGNER = re.compile(rb'"assigner": ("[^"\\]*(?:\\.[^"\\]*)*")')


def with_assigners_shown(entries: EncodedJSON, directory: Directory) -> EncodedJSON:
    """``entries`` with each assigner as ``Names`` shows it (counted over the
    list): one search through the list for the few names as typed, then one
    replacement through it for each name not shown as typed, rather than
    work on each entry."""
    uses = Counter(ENCODED_ASSIGNER.findall(entries))
    typed: dict[bytes, str] = {encoded: json.loads(encoded) for encoded in uses}
    assigners = Names(
        directory, "assigner", {typed[encoded]: n for encoded, n in uses.items()}
    )
    for encoded, name in typed.items():
        shown = assigners(name)
        if shown != name:
            entries = EncodedJSON(
                entries.replace(
                    ASSIGNER_FIELD + encoded,
                    ASSIGNER_FIELD + to_json(shown).encode(),
                )
            )
    return entries


def _renamer(typed: str, official: str) -> Callable[[bytes], bytes]:
    """Replaces the agency of an encoded entry: the field as ``to_json`` wrote
    it cannot occur inside the title before it, whose quotes are escaped."""
    old = b'"agency": ' + to_json(typed).encode()
    new = b'"agency": ' + to_json(official).encode()
    return lambda entry: entry.replace(old, new, 1)
