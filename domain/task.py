"""The Task aggregate and its events.

Each command (``domain.task_commands``) checks the rules first and raises a
``TaskRuleError`` with a sentence a clerk can read; only then does it trigger
the event, whose ``evolve`` is a pure function of the task's facts. Read
models call the same ``evolve`` on their stored facts, which is why it lives
on the event; a void (``Voided``) refolds the task's history instead
(``domain.voiding``).

Event class names and module paths are stored with every event: they are a
public, versioned API. Rename nothing here without an upcaster.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

from domain.corrections import apply_correction
from domain.facts import Completion, Deadline, Reminder, TaskFacts
from domain.task_commands import TaskCommands
from domain.voiding import evolved, facts_of, refolds


class Task(TaskCommands, Aggregate):
    """One assigned task: who must do what, by when, and what happened.

    Its whole state is ``self.facts`` (a ``TaskFacts``), set by each event.
    """

    def __init__(self) -> None:
        """Nothing to initialise: ``Assigned.apply`` sets the facts."""

    class Event(Aggregate.Event):
        effective_on: date
        actor: str

        def apply(self, aggregate: Any) -> None:
            # The events so far are kept: a void, or an assignment again,
            # refolds them (``domain.voiding``), as the read models do.
            recorded = aggregate.__dict__.setdefault("recorded", [])
            if refolds(self):
                facts = facts_of([*recorded, self])
            else:
                facts = evolved(getattr(aggregate, "facts", None), self)
            recorded.append(self)
            aggregate.facts = facts

        def evolve(self, facts: Any) -> TaskFacts:
            raise NotImplementedError

    class Assigned(Event, Aggregate.Created):
        code: str
        title: str
        assigner: str
        lead_agency: str
        co_agencies: list[str]
        document: str
        document_number: str | None
        document_date: date | None
        assigned_on: date
        due_on: date | None
        # The deadline rule as typed ("10 ngày làm việc", "+10d"), "" for a
        # date; events recorded before it existed read the default.
        due_rule: str = ""

        def evolve(self, facts: Any) -> TaskFacts:
            return TaskFacts(
                code=self.code,
                title=self.title,
                assigner=self.assigner,
                lead_agency=self.lead_agency,
                assigned_on=self.assigned_on,
                deadlines=(
                    Deadline(self.assigned_on, self.due_on, rule=self.due_rule),
                ),
                co_agencies=tuple(self.co_agencies),
                document=self.document,
                document_number=self.document_number,
                document_date=self.document_date,
            )

    class AssignedAgain(Event):
        """A task recorded anew under a code whose assignment was voided:
        the code is the document's, so it must be usable once more."""

        code: str
        title: str
        assigner: str
        lead_agency: str
        co_agencies: list[str]
        document: str
        document_number: str | None
        document_date: date | None
        assigned_on: date
        due_on: date | None
        due_rule: str = ""

        def evolve(self, facts: Any) -> TaskFacts:
            return Task.Assigned.evolve(self, facts)  # type: ignore[arg-type]

    class Voided(Event):
        """One of the task's events, recorded by mistake, taken back by its
        author: it stays in the log and nothing counts it."""

        voided_version: int
        voided_type: str  # the voided event's kind, for the history to say
        reason: str

        def evolve(self, facts: Any) -> TaskFacts:
            raise TypeError("A void applies to the whole history (facts_of).")

    class DeadlineExtended(Event):
        due_on: date
        reason: str
        document: str
        due_rule: str = ""  # as on ``Assigned``

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            extension = Deadline(
                self.effective_on,
                self.due_on,
                self.reason,
                self.document,
                self.due_rule,
            )
            return facts.evolve(deadlines=(*facts.deadlines, extension))

    class Reassigned(Event):
        lead_agency: str
        reason: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            moved = (*facts.reassignments, (self.effective_on, facts.lead_agency))
            return facts.evolve(lead_agency=self.lead_agency, reassignments=moved)

    class ProgressNoted(Event):
        text: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            return facts.evolve(notes=(*facts.notes, (self.effective_on, self.text)))

    class Completed(Event):
        document: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            completion = Completion(self.effective_on, self.document)
            return facts.evolve(completions=(*facts.completions, completion))

    class Reopened(Event):
        reason: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            return facts.with_completion(
                reopened_on=self.effective_on, reopen_reason=self.reason
            )

    class CompletionConfirmed(Event):
        """The Office accepted the completion the agency reported."""

        document: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            return facts.with_completion(
                confirmed_on=self.effective_on, confirmation_document=self.document
            )

    class Reminded(Event):
        """The Office chased the lead agency (công văn đôn đốc)."""

        document: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            reminder = Reminder(self.effective_on, self.document)
            return facts.evolve(reminders=(*facts.reminders, reminder))

    class Cancelled(Event):
        reason: str
        document: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            return facts.evolve(
                cancelled_on=self.effective_on,
                cancel_reason=self.reason,
                cancel_document=self.document,
            )

    class MarkedOverdue(Event):
        due_on: date

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            return facts.evolve(marked_overdue=(*facts.marked_overdue, self.due_on))

    class Corrected(Event):
        field: str
        old_value: str
        new_value: str
        reason: str

        def evolve(self, facts: TaskFacts) -> TaskFacts:
            return apply_correction(facts, self.field, self.new_value)
