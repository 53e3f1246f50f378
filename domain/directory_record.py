"""The Office's additions to the directory, as events of one aggregate.

The directory has one aggregate for the whole ledger (``DIRECTORY_ID``):
its state is the ``Directory`` its events make on top of the built-in
entries, so each addition is checked against every earlier one, and two
clerks adding at once conflict on its version (the later one reloads and is
checked again) instead of both being recorded unchecked.

Event class names and module paths are stored with every event: they are a
public, versioned API. Rename nothing here without an upcaster.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

from domain.directory import (
    DIRECTORY_ID,
    KINDS,
    SOURCES,
    Directory,
    DirectoryError,
    Entry,
)
from domain.limits import checked_actor, checked_name, text_of

__all__ = ["DIRECTORY_ID", "DirectoryRecord", "checked_kind", "checked_source"]
KIND_LENGTH = 16  # "assigner", "agency"
SOURCE_LENGTH = 16  # "central", "provincial", "other"


class DirectoryRecord(Aggregate):
    """The directory's recorded history; ``directory`` is what it says now."""

    def __init__(self) -> None:
        self.directory = Directory.builtin()

    class Event(Aggregate.Event):
        effective_on: date  # the day it was filed, in Vietnam
        actor: str

        def apply(self, aggregate: Any) -> None:
            change = self.change()
            if change is not None:
                aggregate.directory = aggregate.directory.replayed([change])

        def change(self) -> tuple[str, str, str, str | None] | None:
            """The change to the directory (``domain.directory.Change``)."""
            return None

    class Opened(Event, Aggregate.Created):
        """The first addition's companion: it begins the aggregate."""

    class NameAdded(Event):
        kind: str
        name: str
        source: str | None

        def change(self) -> tuple[str, str, str, str | None]:
            return (self.kind, self.name, self.name, self.source)

    class AliasAdded(Event):
        kind: str
        name: str  # the official name of the entity the alias names
        alias: str

        def change(self) -> tuple[str, str, str, str | None]:
            return (self.kind, self.alias, self.name, None)

    @classmethod
    def open(cls, *, actor: str, today: date) -> DirectoryRecord:
        return cls._create(
            cls.Opened, id=DIRECTORY_ID, effective_on=today, actor=checked_actor(actor)
        )

    def add_name(
        self, *, kind: str, name: str, source: str | None, actor: str, today: date
    ) -> Entry:
        """File a new entity under its official ``name``."""
        kind = checked_kind(kind)
        name = checked_name(name, kind)
        source = checked_source(kind, source)
        actor = checked_actor(actor)
        self.directory.with_name(kind, name, source)  # refuses a name taken
        self.trigger_event(
            self.NameAdded,
            effective_on=today,
            actor=actor,
            kind=kind,
            name=name,
            source=source,
        )
        return self._entry(kind, name)

    def add_alias(
        self, *, kind: str, name: str, alias: str, actor: str, today: date
    ) -> Entry:
        """Let ``alias`` name the entity ``name`` names (any of its names)."""
        kind = checked_kind(kind)
        name = checked_name(name, kind)
        alias = checked_name(alias, "alias")
        actor = checked_actor(actor)
        self.directory.with_alias(kind, name, alias)  # refuses a name taken
        official = self._entry(kind, name).official
        self.trigger_event(
            self.AliasAdded,
            effective_on=today,
            actor=actor,
            kind=kind,
            name=official,
            alias=alias,
        )
        return self._entry(kind, official)

    def _entry(self, kind: str, name: str) -> Entry:
        entry = self.directory.entry(kind, name)
        assert entry is not None
        return entry


def checked_kind(kind: str) -> str:
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
