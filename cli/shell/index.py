"""What completion looks things up in: task codes, titles and names, in memory.

A keystroke must not query the read models (a code among 100,000 tasks is
completed by bisecting a sorted list); the index is read once when the shell
starts and, after each recorded change, only the tasks the new events
touched are read again (by primary key), with the directory when it
changed.
"""

from __future__ import annotations

import json
import uuid
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import overload

from database.connect import open_existing
from database.plain_sql import PlainSQL
from domain.codes import normalise_code
from domain.directory import DIRECTORY_ID
from domain.text import fold
from projections.directory import load_directory
from projections.tables import TASKS
from tracker.eventstore.tables import table_names

TASK_QUERY = f"SELECT code, title, lead_agency, co_agencies, assigner FROM {TASKS}"
PAGE = 5000  # tasks read at a time: 100,000 rows at once would take 100 MiB
_fold = fold.__wrapped__  # titles are all different: not worth the cache
KINDS = ("agency", "assigner")


@dataclass(frozen=True)
class Match:
    """One task offered for a code: its code and title."""

    code: str
    title: str


class Packed(Sequence[str]):
    """Strings kept as one UTF-8 buffer and their offsets: 100,000 codes or
    titles as ``str`` objects would take an object each, and a Vietnamese
    title two bytes a letter."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._data = bytearray()
        self._at = array("I", [0])
        for text in texts:
            self.append(text)

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8")
        self._at.append(len(self._data))

    def __len__(self) -> int:
        return len(self._at) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._data[self._at[index] : self._at[index + 1]].decode("utf-8")


class TaskIndex:
    """Codes in order, each task's title, and the folded titles in one
    buffer to search for words.

    Codes are stored upper-cased (``domain.codes``), so codes in order
    answer a prefix typed in any case by bisection. A task put after the
    index was built (assigned, or its title corrected, in this session) is
    kept apart, among the few changed since."""

    def __init__(self, tasks: Iterable[tuple[str, str]] = ()) -> None:
        self._build(tasks)
        if any(later < earlier for earlier, later in pairwise(self._codes)):
            # Not in code order (the read models sort so): sort them here.
            self._build(sorted(zip(self._codes, self._titles, strict=True)))
        self._added: list[str] = []  # codes put since, in order
        self._changed: dict[str, tuple[str, str]] = {}  # code -> title, folded

    def _build(self, tasks: Iterable[tuple[str, str]]) -> None:
        """Buffers grown a task at a time: a list of 100,000 strings joined
        at the end would double the peak."""
        self._codes = Packed()
        self._titles = Packed()
        self._text = bytearray()  # folded titles, UTF-8, one a line
        self._starts = array("I")
        for code, title in tasks:
            self._codes.append(code)
            self._titles.append(title)
            self._starts.append(len(self._text))
            self._text += _fold(title).encode("utf-8")
            self._text += b"\n"

    def __len__(self) -> int:
        return len(self._codes) + len(self._added)

    def title(self, code: str) -> str | None:
        if code in self._changed:
            return self._changed[code][0]
        line = bisect_left(self._codes, code)
        if line < len(self._codes) and self._codes[line] == code:
            return self._titles[line]
        return None

    def put(self, code: str, title: str) -> None:
        """A task assigned or changed since the index was built."""
        known = self.title(code)
        if known is None:
            insort(self._added, code)
        if known != title:
            self._changed[code] = (title, _fold(title))

    def match(self, code: str) -> Match:
        return Match(code, self.title(code) or "")

    def by_code(self, prefix: str, limit: int) -> list[Match]:
        """The tasks whose code begins with ``prefix`` (any case)."""
        key = normalise_code(prefix) if prefix.strip() else ""
        found: list[str] = []
        codes: Sequence[str]
        for codes in (self._codes, self._added):
            start = bisect_left(codes, key)
            for code in codes[start : start + limit]:
                if not code.startswith(key):
                    break
                found.append(code)
        return [self.match(code) for code in sorted(found)[:limit]]

    def by_title(self, words: str, limit: int) -> list[Match]:
        """The tasks whose title holds every word (accents and case aside),
        found by searching the folded titles for the longest word and
        checking the others on each title it hits."""
        wanted = fold(words).split()
        if not wanted:
            return []
        found = [
            Match(code, title)
            for code, (title, folded) in self._changed.items()
            if all(word in folded for word in wanted)
        ][:limit]
        needed = [word.encode("utf-8") for word in wanted]
        text = self._text
        first = max(needed, key=len)  # the longest: likely the rarest
        position = text.find(first)
        while position >= 0 and len(found) < limit:
            line = bisect_right(self._starts, position) - 1
            end = text.find(b"\n", position)
            code = self._codes[line]
            title = text[self._starts[line] : end]
            if code not in self._changed and all(word in title for word in needed):
                found.append(Match(code, self._titles[line]))
            position = text.find(first, end)
        return found


@dataclass
class NameIndex:
    """Agency and assigner names: the directory's (official names and
    aliases, an alias offering its official name) and those tasks use."""

    names: dict[str, dict[str, str]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS}
    )  # kind -> folded name -> the name to offer

    def put(self, kind: str, name: str, offered: str | None = None) -> None:
        self.names[kind].setdefault(fold(name), offered or name)

    def matching(self, kind: str, typed: str, limit: int) -> list[str]:
        """Names whose folded form begins with ``typed``, or has a word that
        does, folded (``so tu`` finds Sở Tư pháp)."""
        key = fold(typed)
        found: dict[str, None] = {}
        for folded, offered in sorted(self.names[kind].items()):
            if folded.startswith(key) or f" {key}" in folded:
                found.setdefault(offered)
                if len(found) >= limit:
                    break
        return list(found)


@dataclass
class ShellIndex:
    """The tasks and names of one ledger, at a log position."""

    tasks: TaskIndex = field(default_factory=TaskIndex)
    names: NameIndex = field(default_factory=NameIndex)
    position: int = 0

    @classmethod
    def read(cls, sql: PlainSQL) -> ShellIndex:
        index = cls()
        index.position = _head(sql)
        index._read_directory(sql)  # first: an alias offers its official name
        index.tasks = TaskIndex(index._every_task(sql))
        return index

    def _every_task(self, sql: PlainSQL) -> Iterator[tuple[str, str]]:
        """``(code, title)`` of every task, in code order, a page at a time,
        with the names each uses put in ``names``."""
        after = ""
        while True:
            query = f"{TASK_QUERY} WHERE code > :after ORDER BY code LIMIT {PAGE}"
            rows = sql.rows(query, after=after)
            if not rows:
                return
            for code, title, lead, co_agencies, assigner in rows:
                self._put_names(lead, co_agencies, assigner)
                yield code, title
            after = rows[-1][0]

    def refresh(self, sql: PlainSQL) -> None:
        """Read again what the events after ``position`` changed."""
        events, _, _ = table_names()
        head = _head(sql)
        if head == self.position:
            return
        # Not DISTINCT: SQLite would scan the aggregates' index for it.
        ids = {
            _task_id(value)
            for (value,) in sql.rows(
                f"SELECT originator_id FROM {events} WHERE id > :position",
                position=self.position,
            )
        }
        if str(DIRECTORY_ID) in ids:
            self._read_directory(sql)
        ids.discard(str(DIRECTORY_ID))
        chunk = sorted(ids)
        for start in range(0, len(chunk), 500):
            marks = {f"id{n}": v for n, v in enumerate(chunk[start : start + 500])}
            where = ", ".join(f":{name}" for name in marks)
            self._read_tasks(sql, f"{TASK_QUERY} WHERE task_id IN ({where})", **marks)
        self.position = head

    def _read_tasks(self, sql: PlainSQL, query: str, **parameters: str) -> None:
        for code, title, lead, co_agencies, assigner in sql.rows(query, **parameters):
            self.tasks.put(code, title)
            self._put_names(lead, co_agencies, assigner)

    def _put_names(self, lead: str, co_agencies: str, assigner: str) -> None:
        for agency in (lead, *json.loads(co_agencies)):
            self.names.put("agency", agency)
        self.names.put("assigner", assigner)

    def _read_directory(self, sql: PlainSQL) -> None:
        directory = load_directory(sql)
        for kind in KINDS:
            for entry in directory.entries(kind):
                for name in (entry.official, *entry.aliases):
                    self.names.put(kind, name, entry.official)


def read_index(url: str) -> ShellIndex:
    """The index of the ledger at ``url``, read in one snapshot on a
    connection of its own with SQLite's default page cache: read through
    the ledger's connection, every task would fill its large cache (kept for
    the ledger's indexes) with pages never needed again."""
    connection = open_existing(url)
    if connection is None:
        return ShellIndex()
    sql = PlainSQL(connection)
    try:
        if sql.is_sqlite:
            sql.execute("BEGIN")  # one snapshot for all the pages
        return ShellIndex.read(sql)
    finally:
        connection.rollback()
        connection.close()


def _head(sql: PlainSQL) -> int:
    events, _, _ = table_names()
    return int(sql.scalar(f"SELECT max(id) FROM {events}") or 0)


def _task_id(value: object) -> str:
    """An originator id as the read models key it (SQLite stores bytes)."""
    if isinstance(value, bytes | bytearray | memoryview):
        return str(uuid.UUID(bytes=bytes(value)))
    return str(value)
