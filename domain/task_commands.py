"""The Task aggregate's commands (``domain.task``), kept apart from its events.

Each command first holds every value it was given to ``domain.limits``
(values come from the command line, from spreadsheet cells and from Python
callers alike), then checks the rules with a sentence a clerk can read
(``domain.checks``), and only then triggers its event. ``Task`` inherits
them: the events' classes are ``Task``'s own, since their names are stored.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timedelta
from typing import Any

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
from domain.corrections import corrected_values
from domain.due_rules import checked_rule
from domain.errors import DuplicateTask
from domain.facts import TaskFacts
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
from domain.voiding import checked_undo

# The bookkeeping of an event, which a copied event does not copy.
BOOKKEEPING = ("originator_id", "originator_version", "timestamp")


def assignment_fields(task: Any) -> tuple[str, ...]:
    """What a voided code's new assignment copies from the ``Assigned`` it
    was checked as."""
    return tuple(
        f.name for f in fields(task.AssignedAgain) if f.name not in BOOKKEEPING
    )


class TaskCommands:
    """The commands of ``domain.task.Task``: its whole state is ``facts``,
    and ``recorded`` its events so far."""

    facts: TaskFacts
    recorded: list[Any]
    trigger_event: Any
    pending_events: Any
    Assigned: Any
    AssignedAgain: Any
    Voided: Any
    DeadlineExtended: Any
    Reassigned: Any
    ProgressNoted: Any
    Completed: Any
    Reopened: Any
    CompletionConfirmed: Any
    Reminded: Any
    Cancelled: Any
    MarkedOverdue: Any
    Corrected: Any

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
    ) -> Any:
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

    def assign_again(self, fresh: Any) -> None:
        """Record ``fresh``, a checked new assignment under this task's
        code, on this task, whose assignment was voided."""
        if self.facts is not None:
            raise DuplicateTask(fresh.facts.code)
        assigned = fresh.pending_events[0]
        self.trigger_event(
            self.AssignedAgain,
            **{name: getattr(assigned, name) for name in assignment_fields(self)},
        )

    def void(
        self,
        *,
        version: int,
        reason: str,
        actor: str,
        now: datetime,
        window: timedelta,
        today: date,
    ) -> str:
        """Void event ``version``, the task's latest that counts, recorded
        by ``actor`` within ``window`` (``domain.voiding``); the voided
        event's kind."""
        undo = checked_undo(
            self.recorded,
            code=self.recorded[0].code,
            version=version,
            actor=actor,
            reason=reason,
            now=now,
            window=window,
        )
        self.trigger_event(
            self.Voided,
            effective_on=today,
            actor=undo.actor,
            voided_version=undo.version,
            voided_type=undo.kind,
            reason=undo.reason,
        )
        return undo.kind

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
