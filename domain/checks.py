"""Small checks shared by the aggregate's commands and by corrections.

Each raises ``TaskRuleError`` with a sentence that names the task, the date
and why it is refused.
"""

from __future__ import annotations

from datetime import date

from domain.dates import show_date
from domain.errors import TaskRuleError
from domain.facts import TaskFacts
from domain.limits import checked_text


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
