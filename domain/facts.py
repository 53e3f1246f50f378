"""What the ledger knows about one task, as a plain immutable value.

The aggregate holds a ``TaskFacts`` and every event evolves it with a pure
function; the read models keep the same value per task and evolve it with the
same functions, so the two can never disagree about what an event means.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Deadline:
    """A due date in force from ``set_on`` (the assignment or an extension)."""

    set_on: date
    due_on: date | None
    reason: str = ""
    document: str = ""
    rule: str = ""  # as typed when counted ("10 ngày làm việc"), "" for a date


@dataclass(frozen=True)
class Completion:
    """A completion as the agency reported it, the Office's confirmation of
    it, and its reopening if it was sent back. A confirmed completion may
    still be reopened: a result found wanting later is sent back too."""

    completed_on: date
    document: str = ""
    reopened_on: date | None = None
    reopen_reason: str = ""
    confirmed_on: date | None = None
    confirmation_document: str = ""


@dataclass(frozen=True)
class Reminder:
    """A reminder letter (công văn đôn đốc) the Office sent about a task."""

    reminded_on: date
    document: str


@dataclass(frozen=True)
class TaskFacts:
    code: str
    title: str
    assigner: str
    lead_agency: str
    assigned_on: date
    deadlines: tuple[Deadline, ...]
    co_agencies: tuple[str, ...] = ()
    document: str = ""
    document_number: str | None = None
    document_date: date | None = None
    completions: tuple[Completion, ...] = ()
    cancelled_on: date | None = None
    cancel_reason: str = ""
    cancel_document: str = ""
    marked_overdue: tuple[date, ...] = ()
    notes: tuple[tuple[date, str], ...] = field(default=())
    reminders: tuple[Reminder, ...] = ()
    # (date, the lead agency until then) of each reassignment: the weekly
    # changes say a task left an agency's list because it moved.
    reassignments: tuple[tuple[date, str], ...] = ()

    @property
    def due_on(self) -> date | None:
        """The latest deadline set, whatever the date it is asked about."""
        return self.deadlines[-1].due_on

    @property
    def original_due_on(self) -> date | None:
        return self.deadlines[0].due_on

    @property
    def current_completion(self) -> Completion | None:
        """The completion that stands now (not reopened), if any."""
        if self.completions and self.completions[-1].reopened_on is None:
            return self.completions[-1]
        return None

    @property
    def completed_on(self) -> date | None:
        completion = self.current_completion
        return completion.completed_on if completion else None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_on is not None

    @property
    def is_open(self) -> bool:
        return not self.is_cancelled and self.current_completion is None

    def with_completion(self, **changes: Any) -> TaskFacts:
        """A copy whose standing completion has ``changes`` (reopened, or
        confirmed); itself when none stands, as after an event someone wrote
        with raw SQL."""
        if self.current_completion is None:
            return self
        changed = replace(self.completions[-1], **changes)
        return self.evolve(completions=(*self.completions[:-1], changed))

    def evolve(self, **changes: Any) -> TaskFacts:
        """A copy with ``changes``, like ``dataclasses.replace`` but without
        re-running ``__init__``, which a rebuild would otherwise do once per
        event. The fields stay those declared."""
        unknown = changes.keys() - _FIELDS
        if unknown:
            raise TypeError(f"TaskFacts has no field {sorted(unknown)[0]!r}")
        copy = object.__new__(TaskFacts)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy


_FIELDS = frozenset(f.name for f in fields(TaskFacts))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def facts_to_dict(facts: TaskFacts) -> dict[str, Any]:
    """A JSON-ready form, for read models that keep the facts per task.

    Written out field by field, which is much quicker than the generic
    dataclass walk: read-model rebuilds call it once per task per batch.
    """
    return {
        "code": facts.code,
        "title": facts.title,
        "assigner": facts.assigner,
        "lead_agency": facts.lead_agency,
        "assigned_on": facts.assigned_on.isoformat(),
        "deadlines": [
            {
                "set_on": d.set_on.isoformat(),
                "due_on": _iso(d.due_on),
                "reason": d.reason,
                "document": d.document,
                "rule": d.rule,
            }
            for d in facts.deadlines
        ],
        "co_agencies": list(facts.co_agencies),
        "document": facts.document,
        "document_number": facts.document_number,
        "document_date": _iso(facts.document_date),
        "completions": [
            {
                "completed_on": c.completed_on.isoformat(),
                "document": c.document,
                "reopened_on": _iso(c.reopened_on),
                "reopen_reason": c.reopen_reason,
                "confirmed_on": _iso(c.confirmed_on),
                "confirmation_document": c.confirmation_document,
            }
            for c in facts.completions
        ],
        "cancelled_on": _iso(facts.cancelled_on),
        "cancel_reason": facts.cancel_reason,
        "cancel_document": facts.cancel_document,
        "marked_overdue": [d.isoformat() for d in facts.marked_overdue],
        "notes": [[on.isoformat(), text] for on, text in facts.notes],
        "reminders": [[r.reminded_on.isoformat(), r.document] for r in facts.reminders],
        "reassignments": [
            [on.isoformat(), agency] for on, agency in facts.reassignments
        ],
    }


def facts_from_dict(data: dict[str, Any]) -> TaskFacts:
    return TaskFacts(
        code=data["code"],
        title=data["title"],
        assigner=data["assigner"],
        lead_agency=data["lead_agency"],
        assigned_on=date.fromisoformat(data["assigned_on"]),
        deadlines=tuple(
            Deadline(
                set_on=date.fromisoformat(d["set_on"]),
                due_on=_date(d["due_on"]),
                reason=d["reason"],
                document=d["document"],
                rule=d.get("rule", ""),
            )
            for d in data["deadlines"]
        ),
        co_agencies=tuple(data["co_agencies"]),
        document=data["document"],
        document_number=data["document_number"],
        document_date=_date(data["document_date"]),
        completions=tuple(
            Completion(
                completed_on=date.fromisoformat(c["completed_on"]),
                document=c["document"],
                reopened_on=_date(c["reopened_on"]),
                reopen_reason=c["reopen_reason"],
                confirmed_on=_date(c.get("confirmed_on")),
                confirmation_document=c.get("confirmation_document", ""),
            )
            for c in data["completions"]
        ),
        cancelled_on=_date(data["cancelled_on"]),
        cancel_reason=data["cancel_reason"],
        cancel_document=data["cancel_document"],
        marked_overdue=tuple(date.fromisoformat(d) for d in data["marked_overdue"]),
        notes=tuple((date.fromisoformat(on), text) for on, text in data["notes"]),
        # Facts an older version stored have neither: read as none.
        reminders=tuple(
            Reminder(date.fromisoformat(on), document)
            for on, document in data.get("reminders", ())
        ),
        reassignments=tuple(
            (date.fromisoformat(on), agency)
            for on, agency in data.get("reassignments", ())
        ),
    )
