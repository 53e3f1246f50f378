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

from eventsourcing.domain import Aggregate

from domain.directory import (
    DIRECTORY_ID,
    Change,
    Directory,
    Entry,
    checked_kind,
    checked_source,
)
from domain.limits import checked_actor, checked_name

__all__ = ["DIRECTORY_ID", "DirectoryRecord"]
KIND_LENGTH = 16  # "assigner", "agency"
SOURCE_LENGTH = 16  # "central", "provincial", "other"


class DirectoryRecord(Aggregate):
    """The directory's recorded history; ``directory`` is what it says now."""

    def __init__(self) -> None:
        self.directory = Directory.builtin()

    class Event(Aggregate.Event):
        effective_on: date  # the day it was filed, in Vietnam
        actor: str

        def apply(self, aggregate: DirectoryRecord) -> None:  # type: ignore[override]
            change = self.change()
            if change is not None:
                aggregate.directory = aggregate.directory.replayed([change])

        def change(self) -> Change | None:
            """The change to the directory, if any."""
            return None

    class Opened(Event, Aggregate.Created):
        """The first addition's companion: it begins the aggregate."""

    class NameAdded(Event):
        kind: str
        name: str
        source: str | None

        def change(self) -> Change:
            return (self.kind, self.name, self.name, self.source)

    class AliasAdded(Event):
        kind: str
        name: str  # the official name of the entity the alias names
        alias: str

        def change(self) -> Change:
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
        name = checked_name(name, f"{kind} name")
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
        name = checked_name(name, f"{kind} name")
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
