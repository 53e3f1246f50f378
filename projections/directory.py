"""The directory read model: the names the Office filed, and the directory
as the read models know it (see ``domain.directory``).

``directory_names`` holds one row per name filed (an official name or an
alias), in log order, with its kind, folded key, the official name it names
and, for a new assigner, its source group. Its rows depend on the
directory's own events only, made by pure code, so the projection, the
rebuild and ``verify --read-models`` make the same rows. The built-in
entries are not stored: ``load_directory`` starts from them and replays the
rows on top, which costs one query on a table of a few rows, on every
report.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from database.plain_sql import PlainSQL
from domain.directory import DIRECTORY_ID, Change, Directory, spelling
from domain.text import fold
from projections.tables import DIRECTORY, DIRECTORY_TABLES, TASKS, definitions

DIRECTORY_COLUMNS = ("position", "kind", "name_key", "name", "official", "source")
Row = tuple[Any, ...]


def directory_rows(events: Sequence[Any], positions: Sequence[int]) -> list[Row]:
    """The rows these events make: one per name filed, other events (the
    tasks', the directory's opening) ignored. The directory's events are
    known by their aggregate and their ``change`` (``DirectoryRecord.Event``),
    so that reading the directory does not import eventsourcing."""
    rows: list[Row] = []
    for event, position in zip(events, positions, strict=True):
        if event.originator_id != DIRECTORY_ID or not hasattr(event, "change"):
            continue
        change = event.change()
        if change is None:
            continue
        kind, name, official, source = change
        rows.append((position, kind, fold(name), name, official, source))
    return rows


class DirectoryReadModel:
    """Applies the directory's events; its rows are inserted, never changed."""

    tables = DIRECTORY_TABLES
    definitions = staticmethod(definitions)

    def apply(
        self, sql: PlainSQL, events: Sequence[Any], positions: Sequence[int]
    ) -> None:
        insert_rows(sql, directory_rows(events, positions))


def insert_rows(sql: PlainSQL, rows: Sequence[Row]) -> None:
    if rows:
        sql.insert_many(DIRECTORY, DIRECTORY_COLUMNS, list(rows))


def load_directory(sql: PlainSQL) -> Directory:
    """The directory at the read models' position, on ``sql``: the built-in
    entries with the filed names replayed on top, in log order."""
    rows = sql.rows(
        f"SELECT kind, name, official, source FROM {DIRECTORY} ORDER BY position"
    )
    changes: list[Change] = [(k, n, o, s) for k, n, o, s in rows]
    directory = Directory.builtin()
    return directory.replayed(changes) if changes else directory


def name_uses(sql: PlainSQL) -> dict[str, Counter[str]]:
    """How many tasks name each assigner and agency as typed (an agency as
    lead or co-agency, a task counted once per name)."""
    assigners: Counter[str] = Counter()
    for name, count in sql.rows(
        f"SELECT assigner, count(*) FROM {TASKS} GROUP BY assigner"
    ):
        assigners[name] += int(count)
    agencies: Counter[str] = Counter()
    for lead, co_agencies, count in sql.rows(
        f"SELECT lead_agency, co_agencies, count(*) FROM {TASKS}"
        " GROUP BY lead_agency, co_agencies"
    ):
        for name in {lead, *json.loads(co_agencies)}:
            agencies[name] += int(count)
    return {"assigner": assigners, "agency": agencies}


def directory_listing(sql: PlainSQL, kind: str | None = None) -> list[dict[str, Any]]:
    """Each entity of the directory with its variants as typed in the tasks
    and how many tasks use each, then the names no entity has (``unknown``),
    as the JSON contract of ``directory list`` has them."""
    directory = load_directory(sql)
    uses = name_uses(sql)
    listed: list[dict[str, Any]] = []
    for each in (kind,) if kind else ("assigner", "agency"):
        variants: dict[str, list[tuple[str, int]]] = {}
        unknown: list[tuple[str, int]] = []
        for name, count in uses[each].items():
            entry = directory.entry(each, name)
            if entry is None:
                unknown.append((name, count))
            else:
                variants.setdefault(entry.official, []).append((name, count))
        for entry in directory.entries(each):
            typed = sorted(variants.get(entry.official, []))
            listed.append(
                {
                    "kind": each,
                    "name": entry.official,
                    "source": entry.source,
                    "aliases": list(entry.aliases),
                    "builtin": entry.builtin,
                    "known": True,
                    "variants": [{"name": n, "tasks": c} for n, c in typed],
                    "tasks": sum(c for _, c in typed),
                }
            )
        by_key: dict[str, list[tuple[str, int]]] = {}
        for name, count in unknown:  # unknown spellings of one name together
            by_key.setdefault(fold(name), []).append((name, count))
        for key in sorted(by_key):
            typed = by_key[key]
            listed.append(
                {
                    "kind": each,
                    "name": spelling(typed),
                    "source": None,
                    "aliases": [],
                    "builtin": False,
                    "known": False,
                    "variants": [{"name": n, "tasks": c} for n, c in sorted(typed)],
                    "tasks": sum(c for _, c in typed),
                }
            )
    return listed
