"""The Task aggregate and its events.

Each command method checks the rules first and raises a ``TaskRuleError``
with a sentence a clerk can read; only then does it trigger the event, whose
``evolve`` is a pure function of the task's facts. Read models call the same
``evolve`` on their stored facts, which is why it lives on the event.

Event class names and module paths are stored with every event: they are a
public, versioned API. Rename nothing here without an upcaster.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from eventsourcing.domain import Aggregate

from domain.checks import (
    check_assignment,
    check_completion,
    check_confirmation,
    check_extension,
    check_open,
    check_reassignment,
    check_reminder,
    check_reopening,
    cleaned_text,
    not_before_assignment,
    not_in_future,
)
from domain.citation import checked_citation
from domain.codes import task_id
from domain.corrections import apply_correction, corrected_values
from domain.due_rules import checked_rule
from domain.facts import Completion, Deadline, Reminder, TaskFacts
from domain.limits import (
    CITATION_LENGTH,
    NOTE_LENGTH,
    TITLE_LENGTH,
    checked_actor,
    checked_co_agencies,
    checked_code,
    checked_date,
    checked_name,
    checked_optional_date,
    optional_text,
)
from domain.rules import lapsed_deadline


class Task(Aggregate):
    """One assigned task: who must do what, by when, and what happened.

    Its whole state is ``self.facts`` (a ``TaskFacts``), set by each event.
    """

    def __init__(self) -> None:
        """Nothing to initialise: ``Assigned.apply`` sets the facts."""

    class Event(Aggregate.Event):
        effective_on: date
        actor: str

        def apply(self, aggregate: Any) -> None:
            aggregate.facts = self.evolve(getattr(aggregate, "facts", None))

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

    # -- commands -----------------------------------------------------------
    # Each command first holds every value it was given to ``domain.limits``
    # (values come from the command line, from spreadsheet cells and from
    # Python callers alike), then checks the rules, then triggers its event.

    @classmethod
    def assign(
        cls,
        *,
        code: str,
        title: str,
        assigner: str,
        lead_agency: str,
        assigned_on: date,
        due_on: date | None,
        document: str | None,
        co_agencies: list[str],
        actor: str,
        today: date,
        due_rule: str = "",
    ) -> Task:
        """A new task; ``due_rule`` is the rule ``due_on`` was counted by
        (``deadline_from``), "" when the due date was typed as a date."""
        code = checked_code(code)
        assigned_on = checked_date(assigned_on, "assignment date")
        due_on = checked_optional_date(due_on, "due date")
        actor = checked_actor(actor)
        title = cleaned_text(title, "title", TITLE_LENGTH)
        assigner = checked_name(assigner, "assigner")
        lead_agency = checked_name(lead_agency, "lead agency")
        co_agencies = checked_co_agencies(co_agencies)
        citation = checked_citation(document)
        due_rule = checked_rule(due_rule, due_on, "due date")
        check_assignment(code, assigned_on, due_on, today)
        return cls._create(
            cls.Assigned,
            id=task_id(code),
            effective_on=assigned_on,
            actor=actor,
            code=code,
            title=title,
            assigner=assigner,
            lead_agency=lead_agency,
            co_agencies=co_agencies,
            document=citation.text,
            document_number=citation.number,
            document_date=citation.issued_on,
            assigned_on=assigned_on,
            due_on=due_on,
            due_rule=due_rule,
        )

    def _check_effective(self, what: str, on: date, today: date) -> None:
        not_before_assignment(self.facts, what, on)
        not_in_future(self.facts.code, what, on, today)

    def extend_deadline(
        self,
        *,
        to: date,
        on: date,
        reason: str,
        document: str,
        actor: str,
        today: date,
        due_rule: str = "",
    ) -> None:
        to = checked_date(to, "new due date")
        due_rule = checked_rule(due_rule, to, "new due date")
        on = checked_date(on, "extension date")
        reason = optional_text(reason, "reason for the extension", NOTE_LENGTH)
        document = optional_text(document, "extension document", CITATION_LENGTH)
        actor = checked_actor(actor)
        check_open(self.facts, "extended")
        self._check_effective("extension", on, today)
        check_extension(self.facts, to, on)
        self.trigger_event(
            self.DeadlineExtended,
            effective_on=on,
            actor=actor,
            due_on=to,
            reason=reason,
            document=document,
            due_rule=due_rule,
        )

    def reassign(
        self, *, agency: str, on: date, reason: str, actor: str, today: date
    ) -> None:
        agency = checked_name(agency, "lead agency")
        on = checked_date(on, "reassignment date")
        reason = optional_text(reason, "reason for the reassignment", NOTE_LENGTH)
        actor = checked_actor(actor)
        self._check_effective("reassignment", on, today)
        check_reassignment(self.facts, agency)
        self.trigger_event(
            self.Reassigned,
            effective_on=on,
            actor=actor,
            lead_agency=agency,
            reason=reason,
        )

    def note_progress(self, *, text: str, on: date, actor: str, today: date) -> None:
        text = cleaned_text(text, "progress note", NOTE_LENGTH)
        on = checked_date(on, "progress note date")
        actor = checked_actor(actor)
        self._check_effective("progress note", on, today)
        self.trigger_event(self.ProgressNoted, effective_on=on, actor=actor, text=text)

    def complete(self, *, on: date, document: str, actor: str, today: date) -> None:
        on = checked_date(on, "completion date")
        document = optional_text(document, "completion document", CITATION_LENGTH)
        actor = checked_actor(actor)
        check_open(self.facts, "completed")
        self._check_effective("completion", on, today)
        check_completion(self.facts, on)
        self.trigger_event(
            self.Completed, effective_on=on, actor=actor, document=document
        )

    def reopen(self, *, on: date, reason: str, actor: str, today: date) -> None:
        on = checked_date(on, "reopening date")
        reason = cleaned_text(reason, "reason for reopening", NOTE_LENGTH)
        actor = checked_actor(actor)
        check_reopening(self.facts, on)
        not_in_future(self.facts.code, "reopening", on, today)
        self.trigger_event(self.Reopened, effective_on=on, actor=actor, reason=reason)

    def confirm(self, *, on: date, document: str, actor: str, today: date) -> None:
        """Accept the completion the agency reported; it keeps counting as
        completed on the date reported, confirmed or not."""
        on = checked_date(on, "confirmation date")
        document = optional_text(document, "confirmation document", CITATION_LENGTH)
        actor = checked_actor(actor)
        check_confirmation(self.facts, on)
        not_in_future(self.facts.code, "confirmation", on, today)
        self.trigger_event(
            self.CompletionConfirmed, effective_on=on, actor=actor, document=document
        )

    def remind(self, *, on: date, document: str, actor: str, today: date) -> None:
        """Record a reminder sent about a task open on its date (logged late
        or not); one letter reminds a task once."""
        on = checked_date(on, "reminder date")
        document = cleaned_text(document, "reminder document", CITATION_LENGTH)
        actor = checked_actor(actor)
        self._check_effective("reminder", on, today)
        check_reminder(self.facts, on, document)
        self.trigger_event(
            self.Reminded, effective_on=on, actor=actor, document=document
        )

    def cancel(
        self, *, on: date, reason: str, document: str, actor: str, today: date
    ) -> None:
        on = checked_date(on, "cancellation date")
        reason = cleaned_text(reason, "reason for cancelling", NOTE_LENGTH)
        document = optional_text(document, "cancellation document", CITATION_LENGTH)
        actor = checked_actor(actor)
        check_open(self.facts, "cancelled")
        self._check_effective("cancellation", on, today)
        self.trigger_event(
            self.Cancelled,
            effective_on=on,
            actor=actor,
            reason=reason,
            document=document,
        )

    def mark_overdue(self, *, as_of: date, actor: str) -> bool:
        """Record that the deadline in force lapsed; once per deadline.

        The day after a lapsed deadline is at most ``as_of``, so checking
        ``as_of`` keeps the event's date within the accepted range."""
        as_of = checked_date(as_of, "as-of date")
        actor = checked_actor(actor)
        due = lapsed_deadline(self.facts, as_of)
        if due is None:
            return False
        self.trigger_event(
            self.MarkedOverdue,
            effective_on=due + timedelta(days=1),
            actor=actor,
            due_on=due,
        )
        return True

    def correct(
        self, *, field: str, value: str, reason: str, actor: str, today: date
    ) -> None:
        """Correct a field logged wrongly; the old value stays in the ledger."""
        reason = cleaned_text(reason, "reason for the correction", NOTE_LENGTH)
        actor = checked_actor(actor)
        today = checked_date(today, "correction date")  # the event's own date
        old_value, new_value = corrected_values(self.facts, field, value, today)
        self.trigger_event(
            self.Corrected,
            effective_on=today,
            actor=actor,
            field=field,
            old_value=old_value,
            new_value=new_value,
            reason=reason,
        )
