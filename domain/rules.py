"""The deadline rules, as pure functions of a task's facts and a date.

"Overdue" depends on the date asked about, so it is never stored: callers
pass ``as_of`` explicitly and these functions compute the status from facts.
``status_spans`` turns the same rules into date ranges of constant status, so
read models can answer "status as of D" with an indexed range query and still
agree, by construction, with ``status_as_of``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from domain.facts import Completion, Reminder, TaskFacts

# How a deadline that ends on a day off is read: the Civil Code (2015, art.
# 148) ends it at the end of the next working day. ``None`` reads the date as
# written, which is what the stored spans do; reports that apply the rule
# apply it when asked, so a calendar correction needs no rebuild.
Roll = Callable[[date], date]


class Status(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    IN_PROGRESS = "in_progress"
    CANCELLED = "cancelled"


def due_in_force(facts: TaskFacts, on: date) -> date | None:
    """The due date of the latest deadline set on or before ``on``.

    Before the assignment date the original deadline is the one that applies.
    """
    due = facts.deadlines[0].due_on
    for deadline in facts.deadlines[1:]:
        if deadline.set_on <= on:
            due = deadline.due_on
    return due


def completion_as_of(facts: TaskFacts, as_of: date) -> Completion | None:
    """The completion standing on ``as_of``: done by then, not yet reopened."""
    standing = None
    for completion in facts.completions:
        if completion.completed_on <= as_of and (
            completion.reopened_on is None or completion.reopened_on > as_of
        ):
            standing = completion
    return standing


def awaiting_confirmation(facts: TaskFacts, as_of: date) -> bool:
    """Completed on ``as_of`` (by the agency's report) and not yet confirmed
    by the Office then. The report counts such a task as completed all the
    same: the date of the agency's report decides on time or late."""
    completion = completion_as_of(facts, as_of)
    return completion is not None and (
        completion.confirmed_on is None or completion.confirmed_on > as_of
    )


def reminders_as_of(facts: TaskFacts, as_of: date) -> list[Reminder]:
    """The reminders sent by ``as_of``, oldest first (a reminder may be
    recorded after a later one was)."""
    sent = [r for r in facts.reminders if r.reminded_on <= as_of]
    return sorted(sent, key=lambda reminder: reminder.reminded_on)


def is_cancelled_as_of(facts: TaskFacts, as_of: date) -> bool:
    return facts.cancelled_on is not None and facts.cancelled_on <= as_of


def status_as_of(facts: TaskFacts, as_of: date, roll: Roll | None = None) -> Status:
    """Classify a task on ``as_of`` the way the reporting form counts it.

    Completing on the due date is on time; a task without deadline is never
    overdue; the deadline that counts for a completion is the one in force on
    the completion date. ``roll``: the deadline ends on ``roll(due)`` instead
    (the next working day, when the Office applies art. 148).
    """
    return _standing(facts, as_of, roll)[0]


def _standing(
    facts: TaskFacts, on: date, roll: Roll | None = None
) -> tuple[Status, date | None, date | None]:
    """The status on ``on``, with the due date that decides it and the
    completion standing then: one pass, since ``status_spans`` asks for all
    three at every change point of every task a rebuild projects."""
    if is_cancelled_as_of(facts, on):
        return Status.CANCELLED, due_in_force(facts, on), None
    completion = completion_as_of(facts, on)
    if completion is not None:
        done = completion.completed_on
        due = due_in_force(facts, done)
        on_time = due is None or done <= _ends(due, roll)
        return (Status.ON_TIME if on_time else Status.LATE), due, done
    due = due_in_force(facts, on)
    overdue = due is not None and on > _ends(due, roll)
    return (Status.OVERDUE if overdue else Status.IN_PROGRESS), due, None


def _ends(due: date, roll: Roll | None) -> date:
    """The last day of a time limit due on ``due``."""
    return due if roll is None else roll(due)


def lapsed_deadline(facts: TaskFacts, as_of: date) -> date | None:
    """The deadline in force that has passed unmarked, if the task is open
    (what the overdue sweep marks, once per deadline)."""
    if not facts.is_open:
        return None
    due = due_in_force(facts, as_of)
    if due is None or due >= as_of or due in facts.marked_overdue:
        return None
    return due


def days_overdue(facts: TaskFacts, as_of: date) -> int:
    """Days past the deadline in force (0 unless the task is overdue)."""
    if status_as_of(facts, as_of) is not Status.OVERDUE:
        return 0
    due = due_in_force(facts, as_of)
    assert due is not None
    return (as_of - due).days


@dataclass(frozen=True)
class StatusSpan:
    """From ``valid_from`` (inclusive) to ``valid_until`` (exclusive), the task
    has one status, one due date in force and one standing completion; ``None``
    means unbounded."""

    valid_from: date | None
    valid_until: date | None
    status: Status
    due_on: date | None
    completed_on: date | None


def _change_points(facts: TaskFacts) -> list[date]:
    """Every date on which the status, due date or completion may change.

    A task due on ``date.max`` is never overdue: no day follows it."""
    points = {facts.assigned_on}
    for deadline in facts.deadlines:
        points.add(deadline.set_on)
        if deadline.due_on is not None and deadline.due_on < date.max:
            points.add(deadline.due_on + timedelta(days=1))
    for completion in facts.completions:
        points.add(completion.completed_on)
        if completion.reopened_on is not None:
            points.add(completion.reopened_on)
    if facts.cancelled_on is not None:
        points.add(facts.cancelled_on)
    return sorted(points)


def _day_before(first: date) -> date:
    """A date inside the span before the first change point. When that point
    is ``date.min`` the span holds no date at all; probing ``date.min`` itself
    gives it the status of the next span, into which it then merges, so the
    timeline still starts unbounded and never steps off the calendar."""
    return first - timedelta(days=1) if first > date.min else first


def status_spans(facts: TaskFacts) -> list[StatusSpan]:
    """The whole timeline of ``status_as_of`` as contiguous spans."""
    points = _change_points(facts)
    starts: list[date | None] = [None, *points]
    spans: list[StatusSpan] = []
    for index, start in enumerate(starts):
        until = points[index] if index < len(points) else None
        probe = start if start is not None else _day_before(points[0])
        status, due, completed = _standing(facts, probe)
        if spans and (spans[-1].status, spans[-1].due_on, spans[-1].completed_on) == (
            status,
            due,
            completed,
        ):
            previous = spans.pop()
            start = previous.valid_from
        spans.append(StatusSpan(start, until, status, due, completed))
    return spans


def span_on(spans: list[StatusSpan], as_of: date) -> StatusSpan:
    """The span covering ``as_of`` (the lookup read models do in SQL)."""
    for span in spans:
        if (span.valid_from is None or span.valid_from <= as_of) and (
            span.valid_until is None or as_of < span.valid_until
        ):
            return span
    raise LookupError(as_of)  # spans always cover every date
