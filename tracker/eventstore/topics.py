"""The kinds of events this ledger records, and a mapper that decodes no other.

Decoding a stored event resolves its topic by importing the module the topic
names, and a creation event's aggregate topic likewise: a topic written
behind the tool's back (raw SQL on a SQLite file) could import anything.
Every path that decodes events (loading a task, catching up, replaying,
history, the audit) goes through the application's mapper, so it refuses
them in one place. PostgreSQL's append function holds the same lists
(``tracker.eventstore.pg_append``), so a clerk cannot write such an event at all.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import get_topic

from domain.errors import IntegrityFailure
from domain.limits import printable
from domain.task import Task


@cache
def event_topics() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The topics of the events this ledger records, those of them that
    create an aggregate, and the aggregates' own."""
    events = [
        kind
        for kind in vars(Task).values()
        if isinstance(kind, type)
        and issubclass(kind, Task.Event)
        and kind is not Task.Event
    ]
    return (
        frozenset(get_topic(kind) for kind in events),
        frozenset(get_topic(k) for k in events if issubclass(k, Aggregate.Created)),
        frozenset({get_topic(Task)}),
    )


class UnknownEventType(IntegrityFailure):
    """A stored event of a kind this ledger never records."""

    def __init__(self, topic: object, version: int) -> None:
        shown = printable(str(topic))[:80]
        super().__init__(
            f"The ledger holds an event of a kind this tracker never records "
            f"({shown!r}, version {version} of its task); run 'tracker verify'."
        )


class KnownEventsMapper(Mapper[Any]):
    """eventsourcing's mapper, refusing events of kinds this ledger does not
    record before their topics are resolved."""

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        known, _, aggregates = event_topics()
        if stored_event.topic not in known:
            raise UnknownEventType(stored_event.topic, stored_event.originator_version)
        event = super().to_domain_event(stored_event)
        created_as = event.__dict__.get("originator_topic")
        if created_as is not None and created_as not in aggregates:
            raise UnknownEventType(created_as, stored_event.originator_version)
        return event
