"""Each task's read-model rows, made from its facts by pure code.

A task has one row in ``tasks_view`` (its current facts as columns), one in
``task_facts`` (the facts themselves, as JSON), one per status span in
``task_status_spans``, and one per span in which it is overdue in
``overdue_entries`` (as the weekly list shows it). The projection, the
import's helper and the rebuild all make them here, so they cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from database.plain_sql import PlainSQL
from domain.facts import TaskFacts, facts_to_dict
from domain.rules import Status, status_spans
from domain.text import fold
from projections.follow_up_rows import (
    BEGINNING,
    CONFIRMATION_COLUMNS,
    END,
    REASSIGNMENT_COLUMNS,
    REMINDER_COLUMNS,
    confirmation_rows,
    reassignment_rows,
    reminder_rows,
)
from projections.json_text import overdue_entry, to_json
from projections.tables import (
    CONFIRMATIONS,
    OVERDUE,
    REASSIGNMENTS,
    REMINDERS,
    SPANS,
    TASK_FACTS,
    TASKS,
)


@dataclass(frozen=True)
class TaskView:
    """A task as listings show it, classified as of one date."""

    code: str
    title: str
    agency: str
    assigner: str
    document: str
    assigned_on: date
    due_on: date | None
    completed_on: date | None
    status: Status
    co_agencies: tuple[str, ...]
    confirmed_on: date | None = None
    reminders: int = 0
    last_reminded_on: date | None = None
    # As of the date asked, in calendar and in working days: days overdue
    # of an overdue task, days left of one in progress with a deadline.
    days_overdue: int | None = None
    working_days_overdue: int | None = None
    days_left: int | None = None
    working_days_left: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "agency": self.agency,
            "co_agencies": list(self.co_agencies),
            "assigner": self.assigner,
            "document": self.document,
            "assigned_on": self.assigned_on.isoformat(),
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "completed_on": (
                self.completed_on.isoformat() if self.completed_on else None
            ),
            "status": str(self.status),
            "confirmed_on": _iso(self.confirmed_on),
            "reminders": self.reminders,
            "last_reminded_on": _iso(self.last_reminded_on),
            "days_overdue": self.days_overdue,
            "working_days_overdue": self.working_days_overdue,
            "days_left": self.days_left,
            "working_days_left": self.working_days_left,
        }


TASK_COLUMNS = (
    "task_id",
    "code",
    "title",
    "search_key",
    "lead_agency",
    "co_agencies",
    "agency_key",
    "assigner",
    "assigner_key",
    "document",
    "document_number",
    "assigned_on",
    "due_on",
    "completed_on",
    "cancelled_on",
    "version",
    "position",  # last: an import fills it in once its events are recorded
)
FACT_COLUMNS = ("task_id", "facts")
SPAN_COLUMNS = (
    "task_id",
    "valid_from",
    "valid_until",
    "status",
    "due_on",
    "completed_on",
    "assigned_on",
    "lead_agency",
    "agency_key",
    "assigner",
)

Row = tuple[Any, ...]


def _iso(day: date | None) -> str | None:
    """Dates go into rows as ISO text: what SQLite stores, what PostgreSQL
    casts to ``date``, and cheaper to bind and to pickle than ``date``s."""
    return None if day is None else day.isoformat()


def _task_row(key: str, facts: TaskFacts, version: int, position: int) -> Row:
    return (
        key,
        facts.code,
        facts.title,
        fold(" ".join((facts.code, facts.title, facts.document))),
        facts.lead_agency,
        to_json(list(facts.co_agencies)) if facts.co_agencies else "[]",
        fold(facts.lead_agency),
        facts.assigner,
        fold(facts.assigner),
        facts.document,
        facts.document_number,
        _iso(facts.assigned_on),
        _iso(facts.due_on),
        _iso(facts.completed_on),
        _iso(facts.cancelled_on),
        version,
        position,
    )


ENTRY_COLUMNS = (
    "lead_agency",
    "due_day",
    "code",
    "valid_from",
    "valid_until",
    "task_id",
    "agency_key",
    "entry",
)


class TaskRowSet(NamedTuple):
    """One task's rows: in ``tasks_view``, in ``task_facts``, in the spans, in
    the overdue list and in its follow-up's tables (tuples in the order of
    the ``*_COLUMNS``)."""

    task: Row
    facts: Row
    spans: list[Row]
    overdue: list[Row]
    reminders: list[Row]
    confirmations: list[Row]
    reassignments: list[Row]


# Every table a task has rows in, with its columns, in ``TaskRowSet``'s order.
ROW_TABLES = (
    (TASKS, TASK_COLUMNS),
    (TASK_FACTS, FACT_COLUMNS),
    (SPANS, SPAN_COLUMNS),
    (OVERDUE, ENTRY_COLUMNS),
    (REMINDERS, REMINDER_COLUMNS),
    (CONFIRMATIONS, CONFIRMATION_COLUMNS),
    (REASSIGNMENTS, REASSIGNMENT_COLUMNS),
)


def _timeline_rows(key: str, facts: TaskFacts) -> tuple[list[Row], list[Row]]:
    """The task's status spans, and those of them in which it is overdue."""
    agency_key = fold(facts.lead_agency)
    assigned_on = _iso(facts.assigned_on)
    spans: list[Row] = []
    overdue: list[Row] = []
    for span in status_spans(facts):
        valid_from = _iso(span.valid_from or BEGINNING)
        valid_until = _iso(span.valid_until or END)
        spans.append(
            (
                key,
                valid_from,
                valid_until,
                str(span.status),
                _iso(span.due_on),
                _iso(span.completed_on),
                assigned_on,
                facts.lead_agency,
                agency_key,
                facts.assigner,
            )
        )
        if span.status is Status.OVERDUE and span.due_on is not None:
            entry = overdue_entry(
                facts.code,
                facts.title,
                facts.lead_agency,
                facts.assigner,
                facts.document,
                span.due_on,
            )
            overdue.append(
                (
                    facts.lead_agency,
                    span.due_on.toordinal(),
                    facts.code,
                    valid_from,
                    valid_until,
                    key,
                    agency_key,
                    entry,
                )
            )
    return spans, overdue


def rows_of(key: str, facts: TaskFacts, version: int, position: int) -> TaskRowSet:
    """One task's rows, made from its facts."""
    spans, overdue = _timeline_rows(key, facts)
    return TaskRowSet(
        _task_row(key, facts, version, position),
        (key, to_json(facts_to_dict(facts))),
        spans,
        overdue,
        reminder_rows(key, facts),
        confirmation_rows(key, facts),
        reassignment_rows(key, facts),
    )


@dataclass
class TaskRows:
    """The read-model rows of some tasks, made from their facts and ready to
    insert (by the projection, or by an import that prepared them in a helper
    process)."""

    tasks: list[Row] = field(default_factory=list)
    facts: list[Row] = field(default_factory=list)
    spans: list[Row] = field(default_factory=list)
    overdue: list[Row] = field(default_factory=list)
    reminders: list[Row] = field(default_factory=list)
    confirmations: list[Row] = field(default_factory=list)
    reassignments: list[Row] = field(default_factory=list)

    def add(self, key: str, facts: TaskFacts, version: int, position: int) -> None:
        """``key`` is the task ID's text (made once: a UUID's text is slow)."""
        self.add_rows(rows_of(key, facts, version, position))

    def add_rows(self, rows: TaskRowSet) -> None:
        self.tasks.append(rows.task)
        self.facts.append(rows.facts)
        self.spans.extend(rows.spans)
        self.overdue.extend(rows.overdue)
        if rows.reminders:
            self.reminders.extend(rows.reminders)
        if rows.confirmations:
            self.confirmations.extend(rows.confirmations)
        if rows.reassignments:
            self.reassignments.extend(rows.reassignments)

    def by_table(self) -> tuple[list[Row], ...]:
        """The rows of each of ``ROW_TABLES``, in its order."""
        return (
            self.tasks,
            self.facts,
            self.spans,
            self.overdue,
            self.reminders,
            self.confirmations,
            self.reassignments,
        )

    def insert(self, sql: PlainSQL) -> None:
        """Insert every row (the tasks must have no rows yet)."""
        for (table, columns), rows in zip(ROW_TABLES, self.by_table(), strict=True):
            if rows:
                sql.insert_many(table, columns, rows)
