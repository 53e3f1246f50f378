"""Plain, JSON-ready values the application hands to its callers.

These dicts are the stable JSON contract of ``show``, ``list`` and
``history``: ISO dates, English keys, ``null`` for what is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from domain.errors import IntegrityFailure
from domain.facts import Completion, TaskFacts
from domain.rules import (
    Roll,
    completion_as_of,
    due_in_force,
    reminders_as_of,
    status_as_of,
)

Answer = TypeVar("Answer")


@dataclass(frozen=True)
class Consistent:
    """An answer, the log position it reflects (its ``ledger`` fingerprint),
    and how many recorded events it does not include yet."""

    answer: Any
    ledger: Any  # ``tracker.eventstore.chain.Fingerprint``
    behind: int


# What decoding a read-model row raises when a value in it was written
# behind the tool's back (text where JSON belongs, an unknown status...).
DAMAGED = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError)


def from_read_models(query: Callable[[Any], Answer], sql: Any) -> Answer:
    """``query(sql)``; a row no projection writes is an integrity failure
    (exit 4), not a crash."""
    try:
        return query(sql)
    except DAMAGED as error:
        raise IntegrityFailure(
            "The read models hold a value no projection writes "
            f"({type(error).__name__}): run 'tracker verify --read-models', then "
            "'tracker projections rebuild'."
        ) from None


_EVENT_BOOKKEEPING = {
    "originator_id",
    "originator_version",
    "timestamp",
    "originator_topic",
}


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _in_force(facts: TaskFacts, on: date) -> int:
    """Which deadline ``due_in_force`` takes on ``on``: its index."""
    index = 0
    for position, deadline in enumerate(facts.deadlines[1:], start=1):
        if deadline.set_on <= on:
            index = position
    return index


def task_record(
    facts: TaskFacts, as_of: date, roll: Roll | None = None
) -> dict[str, Any]:
    """A task as ``show`` presents it, classified as of ``as_of``, each
    deadline with the rule it was counted by ("" for a date typed); ``roll``:
    a deadline ends on ``roll(due)`` (``projections.rolled_deadlines``)."""
    completion = completion_as_of(facts, as_of)
    if completion is not None:
        due = due_in_force(facts, completion.completed_on)
        in_force = _in_force(facts, completion.completed_on)
    else:
        due = due_in_force(facts, as_of)
        in_force = _in_force(facts, as_of)
    return {
        "code": facts.code,
        "title": facts.title,
        "agency": facts.lead_agency,
        "co_agencies": list(facts.co_agencies),
        "assigner": facts.assigner,
        "document": facts.document,
        "document_number": facts.document_number,
        "document_date": iso(facts.document_date),
        "assigned_on": iso(facts.assigned_on),
        "original_due_on": iso(facts.original_due_on),
        "original_due_rule": facts.deadlines[0].rule,
        "due_on": iso(due),
        "due_rule": facts.deadlines[in_force].rule,
        "completed_on": iso(completion.completed_on if completion else None),
        "confirmed_on": iso(_confirmed_on(completion, as_of)),
        "awaiting_confirmation": completion is not None
        and _confirmed_on(completion, as_of) is None,
        "cancelled_on": iso(
            facts.cancelled_on
            if facts.cancelled_on and facts.cancelled_on <= as_of
            else None
        ),
        "status": str(status_as_of(facts, as_of, roll)),
        "rules": {"deadline_rolls_to_working_day": roll is not None},
        "as_of": as_of.isoformat(),
        "extensions": [
            {
                "on": iso(d.set_on),
                "due_on": iso(d.due_on),
                "due_rule": d.rule,
                "reason": d.reason,
                "document": d.document,
            }
            for d in facts.deadlines[1:]
        ],
        "notes": [{"on": iso(on), "text": text} for on, text in facts.notes],
        "reminders": [
            {"on": iso(r.reminded_on), "document": r.document}
            for r in reminders_as_of(facts, as_of)
        ],
    }


def _confirmed_on(completion: Completion | None, as_of: date) -> date | None:
    """When the completion standing on ``as_of`` was confirmed, if by then."""
    if completion is None or completion.confirmed_on is None:
        return None
    return completion.confirmed_on if completion.confirmed_on <= as_of else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def event_record(
    event: Any, *, position: int | None, recorded_at: str | None, digest: str | None
) -> dict[str, Any]:
    """One event as ``history`` presents it: bookkeeping first, then its fields."""
    record: dict[str, Any] = {
        "type": type(event).__name__,
        "version": event.originator_version,
        "position": position,
        "effective_on": iso(event.effective_on),
        "recorded_at": recorded_at or event.timestamp.isoformat(),
        "actor": event.actor,
    }
    for key, value in vars(event).items():
        if key not in _EVENT_BOOKKEEPING and key not in record:
            record[key] = _jsonable(value)
    record["hash"] = digest
    return record
