"""Voiding an event: what a task's facts are once some of its events are void.

A clerk's slip (a note on the wrong task, a completion typed twice) is taken
back by recording a ``Voided`` event that names the slip by its version; the
slip stays in the log, and nothing counts it. "Counts" has one meaning,
used by the aggregate and the read models alike: a task's facts are its
events folded in order with every voided event left out, exactly as if it
had never been recorded. A void itself is never voided (a slip in an undo is
recorded again), and naming an event twice voids it once.

Pure functions of events: no aggregate, no eventsourcing, so that the read
models apply voids without importing either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Protocol

from domain.dates import show_date
from domain.errors import TaskRuleError
from domain.facts import TaskFacts
from domain.limits import NOTE_LENGTH, checked_actor, checked_text

DEFAULT_WINDOW_MINUTES = 15
_VIETNAM = timezone(timedelta(hours=7))


class TaskEvent(Protocol):
    """What voiding needs of a task's event (``domain.task.Task.Event``)."""

    originator_version: int
    actor: str
    timestamp: datetime

    def evolve(self, facts: Any) -> TaskFacts | None: ...


class NothingToUndo(TaskRuleError):
    """No event of the actor's may be voided (exit 1, nothing recorded)."""


def is_void(event: object) -> bool:
    """Whether ``event`` is a ``Voided`` (told by its field, so that the read
    models need not import the aggregate)."""
    return hasattr(event, "voided_version")


def counting_events(events: Sequence[TaskEvent]) -> list[TaskEvent]:
    """A task's events that count, in order: neither a void nor voided.

    A void takes back the latest event that counts when it is recorded, as
    ``checked_undo`` allows; one naming any other (appended with raw SQL:
    PostgreSQL's append function checks its shape, not its history) voids
    nothing, so that replaying it never fails and every reader agrees."""
    kept: list[TaskEvent] = []
    for event in events:
        if not is_void(event):
            kept.append(event)
        elif kept and kept[-1].originator_version == event.voided_version:  # type: ignore[attr-defined]
            kept.pop()
    return kept


def is_assignment(event: object) -> bool:
    """Whether ``event`` assigns its task (``Assigned``, or ``AssignedAgain``
    after a void), told by its field like ``is_void``."""
    return hasattr(event, "assigned_on")


def refolds(event: TaskEvent) -> bool:
    """Whether applying ``event`` needs its task's whole history: a void,
    and an assignment again (which counts only on a voided assignment, under
    the task's own code)."""
    return is_void(event) or (is_assignment(event) and event.originator_version > 1)


def evolved(facts: TaskFacts | None, event: TaskEvent) -> TaskFacts | None:
    """``event.evolve(facts)``; a task whose assignment is void has no facts
    until it is assigned again, and an event on it meanwhile changes
    nothing, nor does an assignment again on a task that stands (no command
    records either: raw SQL could)."""
    if (facts is None) != is_assignment(event):
        return facts
    return event.evolve(facts)


def facts_of(events: Sequence[TaskEvent]) -> TaskFacts | None:
    """A task's facts after ``events`` (its history from version 1): the
    counting ones folded in order; ``None`` when its assignment is void. An
    assignment again under another code than the task began with counts
    for nothing: the read models know a task by its code."""
    code = getattr(events[0], "code", None) if events else None
    facts: TaskFacts | None = None
    for event in counting_events(events):
        if is_assignment(event) and getattr(event, "code", None) != code:
            continue
        facts = evolved(facts, event)
    return facts


@dataclass(frozen=True)
class Undo:
    """A checked request to void one event of a task."""

    version: int
    kind: str  # the voided event's class name, stored on the void
    actor: str
    reason: str


def checked_undo(
    events: Sequence[TaskEvent],
    *,
    code: str,
    version: int,
    actor: str,
    reason: str,
    now: datetime,
    window: timedelta,
) -> Undo:
    """``version`` of the task whose history is ``events`` may be voided by
    ``actor`` at ``now``: it is the task's latest event that counts (a void
    never reaches past a later event, nor past another person's), it is
    ``actor``'s, and it was recorded within ``window``."""
    actor = checked_actor(actor)
    reason = checked_text(reason, "reason for the undo", NOTE_LENGTH)
    counting = counting_events(events)
    if not counting:
        raise NothingToUndo(f"Task {code} has no event left to undo.")
    latest = counting[-1]
    if latest.originator_version != version:
        if all(event.originator_version != version for event in counting):
            raise NothingToUndo(
                f"Task {code} has no event {version} that counts; nothing to undo."
            )
        other, later = latest.actor, latest.originator_version
        raise NothingToUndo(
            f"Task {code}: {other} recorded an event after yours (version "
            f"{later}); undo does not reach past another person's event."
        )
    if latest.actor != actor:
        author = latest.actor
        raise NothingToUndo(
            f"Task {code}: its latest event was recorded by {author}, not by "
            f"{actor}; only its author can undo it."
        )
    if now - latest.timestamp > window:
        moment, count = show_moment(latest.timestamp), minutes(window)
        ago = "a minute ago" if count == 1 else f"{count} minutes ago"
        raise NothingToUndo(
            f"Task {code}: its latest event was recorded on {moment}, more than "
            f"{ago}; correct it with 'tracker correct' or 'tracker reopen'."
        )
    return Undo(version, type(latest).__name__, actor, reason)


def minutes(window: timedelta) -> int:
    """The window as the Office sets it: whole minutes."""
    return int(window.total_seconds() // 60)


def show_moment(moment: datetime) -> str:
    """A recording time as the Office reads it: Vietnam time (UTC+7, no
    daylight saving)."""
    local = moment.astimezone(_VIETNAM)
    return f"{show_date(date(local.year, local.month, local.day))} {local:%H:%M}"
