"""A task's follow-up rows: its reminders, its confirmed completions and its
reassignments, one row each, made from its facts by pure code.

Reports ask of these "as of a date" (how many reminders by then, whether the
completion standing then was confirmed, whether the task moved that week),
so each row carries the dates that answer it, and the overdue list reads a
reminder's row as a JSON fragment ready to splice into its entry
(``projections.json_text``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.facts import TaskFacts
from domain.rules import reminders_as_of
from domain.text import fold
from projections.json_text import reminder_summary

Row = tuple[Any, ...]

REMINDER_COLUMNS = ("task_id", "number", "reminded_on", "document", "summary")
CONFIRMATION_COLUMNS = (
    "task_id",
    "number",
    "completed_on",
    "reopened_on",
    "confirmed_on",
)
REASSIGNMENT_COLUMNS = (
    "task_id",
    "number",
    "reassigned_on",
    "from_agency",
    "from_agency_key",
)
# Open spans' ends, as stored (the dates no task can reach): a completion
# never reopened stands until the end, as spans do (``task_rows``).
BEGINNING = date(1, 1, 1)
END = date(9999, 12, 31)
NEVER = END.isoformat()


def reminder_rows(key: str, facts: TaskFacts) -> list[Row]:
    """Numbered by date (a reminder may be recorded after a later one), so
    that the row of the last reminder sent by a date holds the count by
    then."""
    if not facts.reminders:
        return []
    return [
        (
            key,
            number,
            reminder.reminded_on.isoformat(),
            reminder.document,
            reminder_summary(number, reminder.reminded_on, reminder.document),
        )
        for number, reminder in enumerate(reminders_as_of(facts, date.max), 1)
    ]


def confirmation_rows(key: str, facts: TaskFacts) -> list[Row]:
    """One row per confirmed completion, with the days it stood: a report
    as of a date finds the completion standing then by them."""
    return [
        (
            key,
            number,
            completion.completed_on.isoformat(),
            completion.reopened_on.isoformat() if completion.reopened_on else NEVER,
            completion.confirmed_on.isoformat(),
        )
        for number, completion in enumerate(facts.completions, 1)
        if completion.confirmed_on is not None
    ]


def reassignment_rows(key: str, facts: TaskFacts) -> list[Row]:
    return [
        (key, number, on.isoformat(), agency, fold(agency))
        for number, (on, agency) in enumerate(facts.reassignments, 1)
    ]
