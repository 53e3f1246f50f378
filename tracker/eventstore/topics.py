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

from dataclasses import MISSING
from datetime import date, datetime
from functools import cache
from typing import Any, get_args, get_type_hints

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import get_topic, resolve_topic

from domain.due_rules import RULE_LENGTH
from domain.errors import IntegrityFailure
from domain.limits import (
    ACTOR_LENGTH,
    CITATION_LENGTH,
    CODE_LENGTH,
    DOCUMENT_NUMBER_LENGTH,
    MAX_CO_AGENCIES,
    NAME_LENGTH,
    NOTE_LENGTH,
    TITLE_LENGTH,
    printable,
)

# The tasks, the directory, the calendar and the schedules of periodic tasks,
# by topic: a command that only loads a task never imports the other three.
AGGREGATE_TOPICS = (
    "domain.task:Task",
    "domain.directory_record:DirectoryRecord",
    "domain.calendar_record:CalendarRecord",
    "domain.schedule:Schedule",
)


def aggregates() -> tuple[type[Aggregate], ...]:
    """The aggregates themselves, imported when every event is wanted."""
    return tuple(resolve_topic(topic) for topic in AGGREGATE_TOPICS)


def events_of(aggregate: type[Aggregate]) -> list[type[Aggregate.Event]]:
    """The event classes nested in ``aggregate`` (its base ``Event`` aside)."""
    return [
        kind
        for kind in vars(aggregate).values()
        if isinstance(kind, type)
        and issubclass(kind, aggregate.Event)  # type: ignore[attr-defined]
        and kind is not aggregate.Event  # type: ignore[attr-defined]
    ]


def event_classes() -> list[type[Aggregate.Event]]:
    """The events of every aggregate of the ledger."""
    return [kind for aggregate in aggregates() for kind in events_of(aggregate)]


@cache
def topics_of(aggregate_topic: str) -> frozenset[str]:
    """The topics of one aggregate's events."""
    return frozenset(map(get_topic, events_of(resolve_topic(aggregate_topic))))


def is_known(topic: str) -> bool:
    """Whether the ledger records events of this topic: looked up among its
    aggregate's events when the topic names one, else among all of them."""
    for aggregate in AGGREGATE_TOPICS:
        if topic.startswith(aggregate + ".") and topic in topics_of(aggregate):
            return True
    return topic in event_topics()[0]


@cache
def event_topics() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The topics of the events this ledger records, those of them that
    create an aggregate, and the aggregates' own."""
    events = event_classes()
    return (
        frozenset(get_topic(kind) for kind in events),
        frozenset(get_topic(k) for k in events if issubclass(k, Aggregate.Created)),
        frozenset(AGGREGATE_TOPICS),
    )


def field_limits() -> dict[str, int]:
    """How long each stored text may be, by field (``domain.limits``); a
    correction's values may hold a whole list of co-agencies."""
    from domain.directory_record import KIND_LENGTH, SOURCE_LENGTH

    return {
        "code": CODE_LENGTH,
        "title": TITLE_LENGTH,
        "assigner": NAME_LENGTH,
        "lead_agency": NAME_LENGTH,
        "co_agencies": NAME_LENGTH,
        "document": CITATION_LENGTH,
        "document_number": DOCUMENT_NUMBER_LENGTH,
        "due_rule": RULE_LENGTH,
        "actor": ACTOR_LENGTH,
        "field": CODE_LENGTH,
        "old_value": NAME_LENGTH * (MAX_CO_AGENCIES + 1),
        "new_value": NAME_LENGTH * (MAX_CO_AGENCIES + 1),
        "originator_topic": 200,
        "kind": KIND_LENGTH,
        "name": NAME_LENGTH,
        "alias": NAME_LENGTH,
        "source": SOURCE_LENGTH,
    }


NOT_STORED = {"originator_id", "originator_version", "originator_id_type"}


def kind_of(hint: Any) -> str:
    """A field's annotation as the kind of JSON value eventsourcing stores
    for it (``?``: it may be null)."""
    arguments = [a for a in get_args(hint) if a is not type(None)]
    if len(arguments) == 1 and type(None) in get_args(hint):
        return kind_of(arguments[0]) + "?"
    if hint == list[str]:
        return "texts"
    # The only whole number an event holds is a version (a void names one).
    kinds = {str: "text", int: "version", date: "date", datetime: "timestamp"}
    return kinds[hint]


@cache
def event_schema() -> dict[str, dict[str, tuple[str, int, bool]]]:
    """Each topic's stored fields: their kind of value, for text how long it
    may be, and whether it may be absent (a field added later, with a
    default: events stored before it have none, and a restore brings them
    back as they were). PostgreSQL's append function holds every event to
    it."""
    schema, limits = {}, field_limits()
    for kind in event_classes():
        fields = {}
        declared = getattr(kind, "__dataclass_fields__", {})
        for name, hint in get_type_hints(kind).items():
            if name in NOT_STORED:
                continue
            field = declared.get(name)
            optional = field is not None and field.default is not MISSING
            limit = limits.get(name, NOTE_LENGTH)
            fields[name] = (kind_of(hint), limit, optional)
        schema[get_topic(kind)] = fields
    return schema


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
        if not is_known(stored_event.topic):
            raise UnknownEventType(stored_event.topic, stored_event.originator_version)
        try:
            event = super().to_domain_event(stored_event)
        except Exception as error:  # damaged behind the tool's back
            raise IntegrityFailure(
                f"An event of the ledger (version {stored_event.originator_version} "
                f"of its task) cannot be read ({type(error).__name__}); run "
                "'tracker verify'."
            ) from None
        created_as = event.__dict__.get("originator_topic")
        if created_as is not None and created_as not in AGGREGATE_TOPICS:
            raise UnknownEventType(created_as, stored_event.originator_version)
        return event
