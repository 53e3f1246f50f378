"""The directory (danh mục) of assigners and agencies: one official name per
entity, its aliases, and for an assigner the source group the reporting form
counts it in.

Item 5 of the form counts only the tasks the Government and the Prime
Minister assign; real reports give the province's own tasks apart. Which
group a task belongs to follows from its assigner, so the directory says it.
Names that differ only in case, diacritics or spacing are one entity without
being told (``fold``); abbreviations and other spellings are aliases.

The directory is a value: the built-in entries, plus what the Office adds
(kept as events, applied with ``with_name`` and ``with_alias``), so that a
report as known at a past moment uses the directory as known then.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from domain.errors import ConcurrentChange, TaskRuleError, TrackerError
from domain.limits import checked_name, text_of
from domain.record_ids import DIRECTORY_ID as DIRECTORY_ID  # re-exported
from domain.record_ids import NAMESPACE as NAMESPACE
from domain.text import fold

KINDS = ("assigner", "agency")
SOURCES = ("central", "provincial", "other")

# (official name, source group, aliases); the Government Office's conclusion
# notices convey the Government's and the Prime Minister's instructions.
BUILTIN_ASSIGNERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Chính phủ", "central", ("CP",)),
    ("Thủ tướng Chính phủ", "central", ("Thủ tướng", "TTg", "TTgCP")),
    ("Phó Thủ tướng Chính phủ", "central", ("Phó Thủ tướng",)),
    ("Văn phòng Chính phủ", "central", ("VPCP",)),
    ("UBND tỉnh", "provincial", ("Ủy ban nhân dân tỉnh", "UBND")),
    ("Chủ tịch UBND tỉnh", "provincial",
     ("Chủ tịch Ủy ban nhân dân tỉnh", "CT UBND tỉnh", "CTUBND tỉnh")),
    ("Phó Chủ tịch UBND tỉnh", "provincial",
     ("Phó Chủ tịch Ủy ban nhân dân tỉnh", "PCT UBND tỉnh", "PCTUBND tỉnh")),
)  # fmt: skip
BUILTIN_AGENCIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Sở Tư pháp", ("STP",)),
    ("Sở Nội vụ", ("SNV",)),
    ("Sở Tài chính", ("STC",)),
    ("Sở Kế hoạch và Đầu tư", ("SKHĐT", "Sở KH&ĐT", "Sở KHĐT")),
    ("Sở Thông tin và Truyền thông", ("STTTT", "Sở TT&TT", "Sở TTTT")),
    ("Sở Tài nguyên và Môi trường", ("STNMT", "Sở TN&MT", "Sở TNMT")),
    ("Văn phòng UBND tỉnh", ("VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh")),
    ("Công an tỉnh", ("CA tỉnh",)),
)


class DirectoryError(TaskRuleError):
    """A name the directory cannot take as asked (exit 1, nothing recorded)."""


class DirectoryChanged(ConcurrentChange):
    """Others kept changing the directory, every retry included (exit 3)."""

    def __init__(self) -> None:
        TrackerError.__init__(
            self,
            "The directory was changed by someone else at the same time; nothing "
            "was recorded, please try again.",
        )
        self.code = "directory"


@dataclass(frozen=True)
class Entry:
    """One entity: its official name, its aliases as typed, and (assigners
    only) its source group."""

    kind: str
    official: str
    source: str | None = None
    aliases: tuple[str, ...] = ()
    builtin: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.official, *self.aliases)


class Directory:
    """Entries by kind, found by the folded key of any of their names."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._entries: dict[tuple[str, str], Entry] = {}  # by official key
        self._keys: dict[tuple[str, str], str] = {}  # any name's key -> official
        for entry in entries:
            self._put(entry)

    @classmethod
    def builtin(cls) -> Directory:
        """The entries every ledger starts with."""
        assigners = [
            Entry("assigner", name, source, aliases, builtin=True)
            for name, source, aliases in BUILTIN_ASSIGNERS
        ]
        agencies = [
            Entry("agency", name, None, aliases, builtin=True)
            for name, aliases in BUILTIN_AGENCIES
        ]
        return cls([*assigners, *agencies])

    def _put(self, entry: Entry) -> None:
        official = fold(entry.official)
        self._entries[(entry.kind, official)] = entry
        for name in entry.names:
            self._keys[(entry.kind, fold(name))] = official

    def entry(self, kind: str, name: str) -> Entry | None:
        """The entity one of whose names ``name`` is, if any."""
        official = self._keys.get((kind, fold(name)))
        return None if official is None else self._entries[(kind, official)]

    def official(self, kind: str, name: str) -> str:
        """The official name of ``name``'s entity; ``name`` itself when the
        directory does not know it."""
        entry = self.entry(kind, name)
        return name if entry is None else entry.official

    def source_of(self, assigner: str) -> str:
        """The source group of ``assigner``: ``other`` when unknown."""
        entry = self.entry("assigner", assigner)
        return "other" if entry is None or not entry.source else entry.source

    def knows(self, kind: str, name: str) -> bool:
        return self.entry(kind, name) is not None

    def entries(self, kind: str) -> list[Entry]:
        """Every entry of ``kind``, by official name."""
        found = [entry for (k, _), entry in self._entries.items() if k == kind]
        return sorted(found, key=lambda entry: fold(entry.official))

    def with_name(self, kind: str, official: str, source: str | None) -> Directory:
        """A directory that also holds ``official``; refused when any entity
        of that kind already has that name."""
        return self._copy()._add_name(kind, official, source)

    def with_alias(self, kind: str, name: str, alias: str) -> Directory:
        """A directory in which ``alias`` also names ``name``'s entity."""
        return self._copy()._add_alias(kind, name, alias)

    def with_change(self, change: Change) -> Directory:
        """``with_name`` or ``with_alias`` as ``change`` says (a name when
        ``name`` is its own official name)."""
        return self._copy()._apply(change)

    def replayed(self, changes: Iterable[Change]) -> Directory:
        """This directory with ``changes`` applied in order, passing over one
        the directory refuses (an event written outside the tool, or recorded
        before a rule that now refuses it, such as a name with no letter).
        One copy, changed in place: reports replay every filed name on each
        run."""
        directory = self._copy()
        for change in changes:
            try:
                directory._apply(change)
            except TaskRuleError:
                continue
        return directory

    # -- in place, on a copy no one else holds yet ---------------------------

    def _copy(self) -> Directory:
        copy = Directory()
        copy._entries = dict(self._entries)
        copy._keys = dict(self._keys)
        return copy

    def _apply(self, change: Change) -> Directory:
        kind, name, official, source = change
        if name == official:
            return self._add_name(kind, official, source)
        return self._add_alias(kind, official, name)

    def _add_name(self, kind: str, official: str, source: str | None) -> Directory:
        checked_source(checked_kind(kind), source)
        checked_name(official, f"{kind} name")
        if self.knows(kind, official):
            taken = self.official(kind, official)
            raise DirectoryError(
                f"The directory already has the {kind} {taken}; add "
                f"{official} as an alias of it instead."
            )
        self._put(Entry(kind, official, source))
        return self

    def _add_alias(self, kind: str, name: str, alias: str) -> Directory:
        checked_name(alias, "alias")
        entry = self.entry(kind, name)
        if entry is None:
            raise DirectoryError(f"The directory has no {kind} named {name}.")
        other = self.entry(kind, alias)
        if other is not None:
            if other.official == entry.official:
                raise DirectoryError(f"{alias} already names {entry.official}.")
            raise DirectoryError(f"{alias} already names the {kind} {other.official}.")
        self._put(replace(entry, aliases=(*entry.aliases, alias)))
        return self


# One recorded change, as the read model keeps it: (kind, the name added, the
# official name it names, the source group of a new assigner).
Change = tuple[str, str, str, "str | None"]


def checked_kind(kind: str) -> str:
    """``assigner`` or ``agency``."""
    text = text_of(kind, "directory kind")
    if text not in KINDS:
        raise DirectoryError(
            f"A directory entry is an assigner or an agency, not {text[:40]!r}."
        )
    return text


def checked_source(kind: str, source: str | None) -> str | None:
    """An assigner's source group (required); an agency has none."""
    if kind == "agency":
        if source is not None:
            raise DirectoryError("Only an assigner has a source group.")
        return None
    if source is None:
        raise DirectoryError(
            "An assigner needs a source group: central, provincial or other."
        )
    text = text_of(source, "source group")
    if text not in SOURCES:
        raise DirectoryError(
            f"The source group {text[:40]!r} is not one of central, provincial "
            "or other."
        )
    return text


def spelling(typed: Iterable[tuple[str, int]]) -> str:
    """The one spelling shown for names the directory does not know that
    fold alike, given each as typed with its number of tasks: the one most
    tasks use; among as many, the one that keeps the most diacritics, then
    one not all in capitals ("Sở Y tế" rather than "SO Y TE" or "SỞ Y TẾ"),
    as the name is written; then the first in code-point order, so that the
    choice never depends on the order the names come in."""
    return min(typed, key=_spelling_order)[0]


def _spelling_order(pair: tuple[str, int]) -> tuple[int, int, bool, str]:
    name, count = pair
    marks = len(unicodedata.normalize("NFD", name)) - len(
        unicodedata.normalize("NFC", name)
    )
    return (-count, -marks, name.isupper(), name)


class Names:
    """How one answer names the assigners or the agencies (``kind``) of its
    tasks, given how many of them use each name as typed (``uses``): a name
    the directory knows by its official name; names it does not know, one
    spelling per folded key (``spelling``), so that "Sở Y tế", "sở y tế" and
    "SO Y TE" are one row before anyone files them."""

    def __init__(
        self, directory: Directory, kind: str, uses: Mapping[str, int]
    ) -> None:
        self.directory = directory
        self.kind = kind
        self._names: dict[str, str] = {}
        unknown: dict[str, list[tuple[str, int]]] = {}
        for name, count in uses.items():
            entry = directory.entry(kind, name)
            if entry is None:
                unknown.setdefault(fold(name), []).append((name, count))
            else:
                self._names[name] = entry.official
        shown = []
        for typed in unknown.values():
            chosen = spelling(typed)
            shown.append(chosen)
            self._names.update((name, chosen) for name, _ in typed)
        # One spelling of each name the directory does not know, by key.
        self.unknown = sorted(shown, key=lambda name: (fold(name), name))

    def __call__(self, name: str) -> str:
        found = self._names.get(name)
        return self.directory.official(self.kind, name) if found is None else found
