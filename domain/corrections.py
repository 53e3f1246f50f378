"""Corrections: a field logged wrongly, replaced by an event, never an edit.

The old and new values are stored as text on the ``Corrected`` event (dates as
ISO, lists comma-separated); after a correction the task must still obey
every dated rule, or the correction is refused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from domain.checks import (
    cleaned_text,
    not_before_assignment,
    not_in_future,
    require,
)
from domain.citation import checked_citation, parse_citation
from domain.dates import DateParseError, parse_date, show_date
from domain.facts import Deadline, TaskFacts
from domain.limits import (
    NOTE_LENGTH,
    TITLE_LENGTH,
    ValueRefused,
    checked_co_agencies,
    checked_name,
    checked_text,
    text_of,
)

CORRECTABLE_FIELDS = (
    "title",
    "assigner",
    "agency",
    "co_agencies",
    "doc",
    "assigned_on",
    "due_on",
    "completed_on",
)

# Correction field -> TaskFacts attribute, for the plain text fields.
TEXT_FIELDS = {
    "title": "title",
    "assigner": "assigner",
    "agency": "lead_agency",
}
_DATE_FIELDS = ("assigned_on", "due_on", "completed_on")
_NO_DATE = ("", "none", "-", "khong", "không")
# What a refusal calls each field, as the commands that set it do.
FIELD_LABELS = {
    "title": "title",
    "assigner": "assigner",
    "agency": "lead agency",
    "co_agencies": "co-agency",
    "doc": "document citation",
    "assigned_on": "assignment date",
    "due_on": "due date",
    "completed_on": "completion date",
}


def canonical_value(field: str, value: str, today: date) -> str:
    """Corrections store text; dates as ISO, lists comma-separated. The new
    value is held to the limits of the field it corrects."""
    label = FIELD_LABELS[field]
    if field in _DATE_FIELDS:
        text = checked_text(value, label, NOTE_LENGTH, required=False)
        if field == "due_on" and text.casefold() in _NO_DATE:
            return ""
        try:
            return parse_date(text, today).isoformat()
        except DateParseError as exc:
            raise ValueRefused(label, f"{label.capitalize()}: {exc}") from None
    if field == "co_agencies":
        names = [name for name in text_of(value, label).split(",") if name.strip()]
        return ", ".join(checked_co_agencies(names))
    if field == "doc":
        return checked_citation(value).text
    if field == "title":
        return cleaned_text(value, label, TITLE_LENGTH)
    return checked_name(value, label)


def current_value(facts: TaskFacts, field: str) -> str:
    if field in TEXT_FIELDS:
        return str(getattr(facts, TEXT_FIELDS[field]))
    if field == "co_agencies":
        return ", ".join(facts.co_agencies)
    if field == "doc":
        return facts.document
    if field == "assigned_on":
        return facts.assigned_on.isoformat()
    if field == "due_on":
        due = facts.original_due_on
        return due.isoformat() if due else ""
    completed = facts.completed_on
    return completed.isoformat() if completed else ""


def apply_correction(facts: TaskFacts, field: str, value: str) -> TaskFacts:
    """``facts`` with ``field`` corrected to ``value`` as ``correct`` wrote
    it. A correction no command writes (a field no command corrects, a date
    that is none, a completion date for a task never completed) changes
    nothing: raw SQL on PostgreSQL can append one, and replaying must never
    fail on an event the log holds."""
    try:
        return _corrected(facts, field, value)
    except ValueError:
        return facts


def _corrected(facts: TaskFacts, field: str, value: str) -> TaskFacts:
    if field in TEXT_FIELDS:
        return facts.evolve(**{TEXT_FIELDS[field]: value})
    if field == "co_agencies":
        return facts.evolve(
            co_agencies=tuple(a.strip() for a in value.split(",") if a.strip())
        )
    if field == "doc":
        citation = parse_citation(value)
        return facts.evolve(
            document=citation.text,
            document_number=citation.number,
            document_date=citation.issued_on,
        )
    if field == "assigned_on":
        new = date.fromisoformat(value)
        first = facts.deadlines[0]
        deadlines = (Deadline(new, first.due_on), *facts.deadlines[1:])
        return facts.evolve(assigned_on=new, deadlines=deadlines)
    if field == "due_on":
        first = facts.deadlines[0]
        due = date.fromisoformat(value) if value else None
        return facts.evolve(
            deadlines=(Deadline(first.set_on, due), *facts.deadlines[1:])
        )
    if field != "completed_on" or facts.current_completion is None:
        return facts
    # The Office's confirmation stays: a report's date typed wrongly is still
    # the report it confirmed (``check_consistent`` keeps it after the date).
    last = facts.completions[-1]
    corrected = replace(last, completed_on=date.fromisoformat(value))
    return facts.evolve(completions=(*facts.completions[:-1], corrected))


def check_consistent(facts: TaskFacts, today: date) -> None:
    """After a correction the task must still obey every dated rule."""
    code = facts.code
    not_in_future(code, "assignment", facts.assigned_on, today)
    first, *extensions = facts.deadlines
    require(
        first.due_on is None or first.due_on >= facts.assigned_on,
        f"Task {code}: the due date {show_date(first.due_on)} would be before the "
        f"assignment date {show_date(facts.assigned_on)}.",
    )
    require(
        first.due_on is not None or not extensions,
        f"Task {code}: the deadline was extended, so it cannot be removed.",
    )
    previous = first
    for extension in extensions:
        assert extension.due_on is not None and previous.due_on is not None
        require(
            extension.set_on >= facts.assigned_on,
            f"Task {code}: an extension dated {show_date(extension.set_on)} would "
            f"be before the assignment date {show_date(facts.assigned_on)}.",
        )
        require(
            extension.due_on > previous.due_on,
            f"Task {code}: the deadline {show_date(previous.due_on)} would no longer "
            f"be earlier than its extension to {show_date(extension.due_on)}.",
        )
        previous = extension
    for completion in facts.completions:
        not_before_assignment(facts, "completion", completion.completed_on)
        not_in_future(code, "completion", completion.completed_on, today)
        confirmed = completion.confirmed_on
        require(
            confirmed is None or confirmed >= completion.completed_on,
            f"Task {code}: the completion date would be after its confirmation "
            f"on {show_date(confirmed)}.",
        )
    if facts.cancelled_on is not None:
        not_before_assignment(facts, "cancellation", facts.cancelled_on)
    current_reopen = [c.reopened_on for c in facts.completions[:-1]]
    if facts.completions and current_reopen and current_reopen[-1] is not None:
        require(
            facts.completions[-1].completed_on >= current_reopen[-1],
            f"Task {code}: the completion date would be before it was reopened.",
        )


def corrected_values(
    facts: TaskFacts, field: str, value: str, today: date
) -> tuple[str, str]:
    """The old and new text of a correction of ``field`` to ``value``, once
    the task with the new value is known to obey every dated rule."""
    require(
        field in CORRECTABLE_FIELDS,
        f"{field!r} cannot be corrected; choose one of "
        f"{', '.join(CORRECTABLE_FIELDS)}.",
    )
    require(
        field != "completed_on" or facts.current_completion is not None,
        f"Task {facts.code} is not completed; there is no completion date to correct.",
    )
    new_value = canonical_value(field, value, today)
    old_value = current_value(facts, field)
    require(
        new_value != old_value,
        f"Task {facts.code}: {field} is already {value!r}.",
    )
    check_consistent(apply_correction(facts, field, new_value), today)
    return old_value, new_value
