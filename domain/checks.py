"""The rules the aggregate's commands check, as pure functions of a task's
facts, and small checks shared with corrections.

Each raises ``TaskRuleError`` with a sentence that names the task, the date
and why it is refused.
"""

from __future__ import annotations

from datetime import date

from domain.dates import show_date
from domain.errors import TaskRuleError
from domain.facts import TaskFacts
from domain.limits import checked_text
from domain.rules import completion_as_of
from domain.text import fold


def require(condition: bool, message: str) -> None:
    if not condition:
        raise TaskRuleError(message)


# The checks below build their message only when they refuse: a bulk import
# runs them for every row, and most rows are fine.


def not_in_future(code: str, what: str, on: date, today: date) -> None:
    if on > today:
        raise TaskRuleError(
            f"Task {code}: the {what} date {show_date(on)} is in the future "
            f"(today is {show_date(today)})."
        )


def not_before_assignment(facts: TaskFacts, what: str, on: date) -> None:
    if on < facts.assigned_on:
        raise TaskRuleError(
            f"Task {facts.code}: the {what} date {show_date(on)} is before the "
            f"assignment date {show_date(facts.assigned_on)}."
        )


def cleaned_text(value: str, what: str, limit: int) -> str:
    """A text that must be given, as stored, within ``limit`` characters and
    free of control characters (``domain.limits``)."""
    return checked_text(value, what, limit)


def check_assignment(
    code: str, assigned_on: date, due_on: date | None, today: date
) -> None:
    """A deadline comes on or after the assignment, which is not in the
    future."""
    if due_on is not None and due_on < assigned_on:
        raise TaskRuleError(
            f"Task {code}: the due date {show_date(due_on)} is before the "
            f"assignment date {show_date(assigned_on)}."
        )
    not_in_future(code, "assignment", assigned_on, today)


def check_open(facts: TaskFacts, action: str) -> None:
    """Only an open task can be extended, completed, cancelled or reminded."""
    require(
        not facts.is_cancelled,
        f"Task {facts.code} was cancelled on {show_date(facts.cancelled_on)}; "
        f"it cannot be {action}.",
    )
    require(
        facts.current_completion is None,
        f"Task {facts.code} was completed on {show_date(facts.completed_on)}; "
        f"it cannot be {action} (reopen it first).",
    )


def check_reassignment(facts: TaskFacts, agency: str) -> None:
    """A cancelled task stays with its agency; a move goes somewhere else."""
    require(
        not facts.is_cancelled,
        f"Task {facts.code} was cancelled on {show_date(facts.cancelled_on)}; "
        "it cannot be reassigned.",
    )
    require(
        fold(agency) != fold(facts.lead_agency),
        f"Task {facts.code} is already led by {agency}.",
    )


def check_completion(facts: TaskFacts, on: date) -> None:
    """A completion after a reopening comes on or after the reopening."""
    if facts.completions:
        reopened_on = facts.completions[-1].reopened_on
        assert reopened_on is not None
        require(
            on >= reopened_on,
            f"Task {facts.code}: the completion date {show_date(on)} is before "
            f"it was reopened on {show_date(reopened_on)}.",
        )


def check_extension(facts: TaskFacts, to: date, on: date) -> None:
    """An extension moves the deadline later, from after it was last set."""
    latest = facts.deadlines[-1]
    require(
        latest.due_on is not None,
        f"Task {facts.code} has no deadline to extend; set one with "
        "'correct CODE due_on DATE'.",
    )
    assert latest.due_on is not None
    require(
        to > latest.due_on,
        f"Task {facts.code}: the new due date {show_date(to)} does not move "
        f"the deadline {show_date(latest.due_on)} later.",
    )
    require(
        on >= latest.set_on,
        f"Task {facts.code}: the extension date {show_date(on)} is before the "
        f"previous deadline was set ({show_date(latest.set_on)}).",
    )


def check_reopening(facts: TaskFacts, on: date) -> None:
    """Only a standing completion is sent back, on or after it was reported."""
    completion = facts.current_completion
    require(
        completion is not None,
        f"Task {facts.code} is not completed; only a completion can be reopened.",
    )
    assert completion is not None
    require(
        on >= completion.completed_on,
        f"Task {facts.code}: the reopening date {show_date(on)} is before the "
        f"completion date {show_date(completion.completed_on)}.",
    )


def check_confirmation(facts: TaskFacts, on: date) -> None:
    """Only a standing completion is confirmed, once, on or after the date
    it was reported."""
    completion = facts.current_completion
    require(
        completion is not None,
        f"Task {facts.code} is not completed; only a reported completion "
        "can be confirmed.",
    )
    assert completion is not None
    require(
        completion.confirmed_on is None,
        f"Task {facts.code}: its completion was already confirmed on "
        f"{show_date(completion.confirmed_on)}.",
    )
    require(
        on >= completion.completed_on,
        f"Task {facts.code}: the confirmation date {show_date(on)} is before "
        f"the completion date {show_date(completion.completed_on)}.",
    )


def check_reminder(facts: TaskFacts, on: date, document: str) -> None:
    """A reminder chases a task open on its date: one completed since may
    still have been chased then (the letter is logged after the report came).
    One letter reminds a task once: recording it twice would count two
    reminders where the agency received one."""
    if facts.cancelled_on is not None and facts.cancelled_on <= on:
        raise TaskRuleError(
            f"Task {facts.code} was cancelled on {show_date(facts.cancelled_on)}; "
            f"it cannot be reminded on {show_date(on)}."
        )
    done = completion_as_of(facts, on)
    if done is not None:
        raise TaskRuleError(
            f"Task {facts.code} was completed on {show_date(done.completed_on)}; "
            f"it cannot be reminded on {show_date(on)}."
        )
    for earlier in facts.reminders:
        require(
            fold(earlier.document) != fold(document),
            f"Task {facts.code} was already reminded by {earlier.document} on "
            f"{show_date(earlier.reminded_on)}.",
        )
