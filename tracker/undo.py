"""Undo: void the last event a person recorded, within the Office's window.

A clerk who notices a slip at once (a note on the wrong task, a completion
typed twice) takes it back with ``tracker undo``, which records a ``Voided``
event naming the slip and why (``domain.voiding``): the slip stays in the
log, marked in the history, and nothing counts it. ``correct`` and
``reopen`` are for what really happened later; undo is only for the last
thing one did oneself, a few minutes ago.

Which event is "the last": the newest event the actor recorded within the
window that still counts (each undo goes one further back). Its task must
have nothing recorded after it by anyone else, which the aggregate checks.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from eventsourcing.persistence import IntegrityError, StoredEvent

from domain.errors import ConcurrentChange, DuplicateTask, UnknownTask
from domain.limits import checked_actor
from domain.voiding import NothingToUndo, is_void, minutes, show_moment
from tracker.eventstore.chain import utc_text
from tracker.eventstore.ids import from_stored_id
from tracker.record_changes import CHANGE_RETRIES

if TYPE_CHECKING:
    from domain.task import Task
    from tracker.ledger import TaskLedger

TASK_TOPICS = "domain.task:Task."


@dataclass(frozen=True)
class Undone:
    """What an undo voided."""

    code: str
    version: int
    kind: str  # the voided event's class name
    recorded_at: datetime
    voided: int  # the voided event's place in the log
    position: int | None  # the void's place in the log (none: a dry run)


@dataclass(frozen=True)
class Recent:
    """An event recorded lately, with its place in the log and its kind."""

    position: int
    topic: str
    event: Any


def undo_last(
    ledger: TaskLedger,
    *,
    actor: str,
    reason: str,
    window: timedelta,
    now: datetime | None = None,
    dry_run: bool = False,
) -> Undone:
    """Void ``actor``'s last event that counts, recorded within ``window``
    of ``now``; refused (``NothingToUndo``) when there is none, when it is
    not one a clerk records on a task, or when someone recorded on its task
    since. ``dry_run``: every check, and nothing recorded."""
    actor = checked_actor(actor)
    for attempt in range(1, CHANGE_RETRIES + 1):
        moment = now or datetime.now(UTC)
        target = undoable(ledger, actor, moment, window)
        task = cast("Task", ledger.repository.get(target.event.originator_id))
        kind = task.void(
            version=target.event.originator_version,
            reason=reason,
            actor=actor,
            now=moment,
            window=window,
            today=ledger.today(),
        )
        undone = Undone(
            code=task.recorded[0].code,
            version=target.event.originator_version,
            kind=kind,
            recorded_at=target.event.timestamp,
            voided=target.position,
            position=None,
        )
        if dry_run:
            return undone
        try:
            recordings = ledger.save(task)
        except IntegrityError:  # another clerk recorded on the task meanwhile
            time.sleep(random.uniform(0, 0.005) * attempt)
            continue
        return replace(undone, position=recordings[-1].notification.id)
    raise ConcurrentChange("undo")


def undoable(
    ledger: TaskLedger, actor: str, now: datetime, window: timedelta
) -> Recent:
    """``actor``'s last event that counts, refused unless a clerk recorded
    it on a task by hand: not the directory's or the calendar's (their own
    commands correct them), not a sweep's mark of a lapsed deadline (the
    next sweep marks it again), not a period a schedule recorded (voided, it
    would never be recorded again; ``cancel`` stops a schedule)."""
    target = last_counting(ledger, actor, now - window)
    if target is None:
        count = minutes(window)
        span = "minute" if count == 1 else f"{count} minutes"
        raise NothingToUndo(
            f"Nothing {actor} recorded in the last {span} is left to undo."
        )
    event, moment = target.event, show_moment(target.event.timestamp)
    if not target.topic.startswith(TASK_TOPICS):
        raise NothingToUndo(
            f"The last change {actor} recorded, on {moment}, is not a task's "
            "(directory, calendar or periodic task): undo takes back a task's "
            "events only."
        )
    from tracker.schedules import is_period

    kind = type(event).__name__
    if kind == "MarkedOverdue":
        raise NothingToUndo(
            f"The last change {actor} recorded, on {moment}, is a sweep's mark "
            "of a lapsed deadline, which the next sweep records again: undo "
            "takes back what a clerk recorded by hand."
        )
    if kind == "Assigned" and is_period(ledger, event.code):
        raise NothingToUndo(
            f"The last change {actor} recorded, on {moment}, is the period "
            f"{event.code} of a periodic task, recorded by its schedule: "
            "'tracker cancel' stops the schedule's later periods."
        )
    return target


def last_counting(ledger: TaskLedger, actor: str, since: datetime) -> Recent | None:
    """``actor``'s newest event recorded since ``since`` that still counts.

    Read newest first: a void is newer than the event it names, so the
    events already voided are known by the time they are met."""
    voided: set[tuple[Any, int]] = set()
    for recent in reversed(recorded_since(ledger, since)):
        event = recent.event
        if event.actor != actor:
            continue
        if is_void(event):
            voided.add((event.originator_id, event.voided_version))
        elif (event.originator_id, event.originator_version) not in voided:
            return recent
    return None


def recorded_since(ledger: TaskLedger, since: datetime) -> list[Recent]:
    """The events recorded since ``since``, oldest first: those from the
    first position the chain's (indexed) recording times put there, since
    appends take their positions and times in turn, under one lock."""
    store = ledger.store
    with store.transaction(commit=False) as sql:
        rows = sql.rows(
            "SELECT e.id, e.originator_id, e.originator_version, e.topic, e.state"
            f" FROM {store.events_table} e WHERE e.id >= (SELECT min(c.position)"
            f" FROM {store.chain_table} c WHERE c.recorded_at >= :since)"
            " ORDER BY e.id",
            since=utc_text(since),
        )
    return [
        Recent(
            position,
            topic,
            ledger.mapper.to_domain_event(
                StoredEvent(from_stored_id(stored_id), version, topic, bytes(state))
            ),
        )
        for position, stored_id, version, topic, state in rows
    ]


def voided_task(ledger: TaskLedger, code: str) -> Task:
    """The task recorded under ``code`` when its assignment was voided, to
    be assigned again; ``DuplicateTask`` when the code's task stands."""
    from domain.codes import task_id
    from domain.task import Task

    task = cast(Task, ledger.repository.get(task_id(code)))
    if task.facts is not None:
        raise DuplicateTask(code)
    return task


def undone_assignment(code: str) -> UnknownTask:
    """The refusal of any change to a task whose assignment was voided."""
    return UnknownTask(
        code,
        f"Task {code}'s assignment was undone; 'tracker assign' records it again.",
    )


def is_voided(ledger: TaskLedger, code: str) -> bool:
    """Whether the ledger's task of ``code`` (it holds one) has its
    assignment voided."""
    try:
        voided_task(ledger, code)
    except DuplicateTask:
        return False
    return True


def taken_code(ledger: TaskLedger, code: str) -> DuplicateTask:
    """The refusal of a new task under ``code``, which the ledger holds: a
    code whose assignment was voided is assigned again by ``assign``."""
    if not is_voided(ledger, code):
        return DuplicateTask(code)
    return DuplicateTask(
        code,
        f"Task {code}'s assignment was undone: 'tracker assign' records it "
        "again (a list adds new tasks only).",
    )


def mark_voided(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``history`` records with each voided one marked by the position of
    the void that voided it (``voided_by``). The void of a record listed is
    listed too: it comes later, by the same person (so ``--since`` and
    ``--actor`` keep it)."""
    voids = {
        (record["code"], record["voided_version"]): record["position"]
        for record in records
        if record.get("type") == "Voided" and "voided_version" in record
    }
    if not voids:
        return records
    return [
        {**record, "voided_by": voids[key]}
        if (key := (record["code"], record["version"])) in voids
        else record
        for record in records
    ]
