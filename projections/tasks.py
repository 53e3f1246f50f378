"""The task read model: one row per task and its status timeline.

``tasks_view`` holds each task's current facts as columns; ``task_facts``
holds the facts themselves as JSON (kept apart so that report queries never
page through the blobs), so the next event is applied without replaying the
task; ``task_status_spans`` holds ``status_spans`` of those facts with the
columns reports group by, so "status as of D" is one indexed range scan;
``overdue_entries`` holds the spans in which a task is overdue, as the weekly
list shows them (``projections.schema``). Overdue is never stored as a flag:
it is the span that covers the date asked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple
from uuid import UUID

from domain.facts import TaskFacts, facts_from_dict, facts_to_dict
from domain.rules import Status, status_spans
from domain.text import fold
from projections.names import OVERDUE, READ_MODEL_TABLES, SPANS, TASK_FACTS, TASKS
from projections.plain_sql import (
    LIKE_ESCAPE,
    PlainSQL,
    as_date,
    chunks,
    contains_pattern,
    in_list,
)
from projections.reports import COVERING, overdue_entry, to_json

BEGINNING = date(1, 1, 1)
END = date(9999, 12, 31)
CONTAINS = f" LIKE :{{}} ESCAPE '{LIKE_ESCAPE}'"


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
    """One task's rows: in ``tasks_view``, in ``task_facts``, in the spans and
    in the overdue list (tuples in the order of the ``*_COLUMNS``)."""

    task: Row
    facts: Row
    spans: list[Row]
    overdue: list[Row]


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

    def add(self, key: str, facts: TaskFacts, version: int, position: int) -> None:
        """``key`` is the task ID's text (made once: a UUID's text is slow)."""
        self.add_rows(rows_of(key, facts, version, position))

    def add_rows(self, rows: TaskRowSet) -> None:
        self.tasks.append(rows.task)
        self.facts.append(rows.facts)
        self.spans.extend(rows.spans)
        self.overdue.extend(rows.overdue)

    def insert(self, sql: PlainSQL) -> None:
        """Insert every row (the tasks must have no rows yet)."""
        sql.insert_many(TASKS, TASK_COLUMNS, self.tasks)
        sql.insert_many(TASK_FACTS, FACT_COLUMNS, self.facts)
        sql.insert_many(SPANS, SPAN_COLUMNS, self.spans)
        sql.insert_many(OVERDUE, ENTRY_COLUMNS, self.overdue)


class TaskReadModel:
    """Applies batches of task events; answers task listings."""

    tables = READ_MODEL_TABLES

    def apply(
        self, sql: PlainSQL, events: Sequence[Any], positions: Sequence[int]
    ) -> None:
        """Apply events in log order; ``positions`` are their log positions.

        Each task touched is read once and written once per batch, whatever the
        number of its events in the batch; a task assigned within the batch has
        no rows yet, so it is neither read nor deleted.
        """
        first_versions: dict[UUID, int] = {}
        for event in events:
            first_versions.setdefault(event.originator_id, event.originator_version)
        existing = [task_id for task_id, v in first_versions.items() if v > 1]
        facts: dict[UUID, TaskFacts | None] = dict(self._load(sql, existing))
        for chunk in chunks([str(task_id) for task_id in existing]):
            listed, keys = in_list("id", chunk)
            for table in self.tables:
                sql.execute(f"DELETE FROM {table} WHERE task_id IN ({listed})", **keys)
        self._rows(events, positions, facts).insert(sql)

    def rows_from_histories(
        self, events: Sequence[Any], positions: Sequence[int]
    ) -> TaskRows:
        """The rows of tasks whose whole histories these events are (pure:
        nothing is read back, so a helper process can make them)."""
        return self._rows(events, positions, {})

    @staticmethod
    def _rows(
        events: Sequence[Any],
        positions: Sequence[int],
        facts: dict[UUID, TaskFacts | None],
    ) -> TaskRows:
        """Each task's rows after these events, from ``facts`` before them."""
        versions: dict[UUID, tuple[int, int]] = {}
        for event, position in zip(events, positions, strict=True):
            facts[event.originator_id] = event.evolve(facts.get(event.originator_id))
            versions[event.originator_id] = (event.originator_version, position)
        rows = TaskRows()
        for task_id, (version, position) in versions.items():
            current = facts[task_id]
            assert current is not None
            rows.add(str(task_id), current, version, position)
        return rows

    @staticmethod
    def _load(
        sql: PlainSQL, task_ids: Sequence[UUID]
    ) -> Iterable[tuple[UUID, TaskFacts]]:
        for chunk in chunks([str(task_id) for task_id in task_ids]):
            listed, keys = in_list("id", chunk)
            rows = sql.rows(
                f"SELECT task_id, facts FROM {TASK_FACTS} WHERE task_id IN ({listed})",
                **keys,
            )
            for task_id, data in rows:
                yield UUID(task_id), facts_from_dict(json.loads(data))

    # -- queries --------------------------------------------------------------

    @staticmethod
    def facts_of(sql: PlainSQL, code: str) -> TaskFacts | None:
        data = sql.scalar(
            f"SELECT f.facts FROM {TASK_FACTS} f"
            f" JOIN {TASKS} v ON v.task_id = f.task_id WHERE v.code = :code",
            code=code,
        )
        return facts_from_dict(json.loads(data)) if data else None

    @staticmethod
    def listing(
        sql: PlainSQL,
        as_of: date,
        *,
        statuses: Sequence[str] = (),
        agency: str | None = None,
        assigner: str | None = None,
        search: str | None = None,
        document: str | None = None,
    ) -> list[TaskView]:
        """Tasks with their status as of ``as_of``, filtered as a clerk asks.

        Text filters match anywhere, ignoring case and Vietnamese diacritics.
        """
        conditions: list[str] = []
        parameters: dict[str, Any] = {"as_of": as_of}
        if statuses:
            listed, named = in_list("status", statuses)
            conditions.append(f"s.status IN ({listed})")
            parameters.update(named)
        for column, text in (
            ("agency_key", agency),
            ("assigner_key", assigner),
            ("search_key", search),
        ):
            if text:
                conditions.append("v." + column + CONTAINS.format(column))
                parameters[column] = contains_pattern(fold(text))
        if document:
            conditions.append(
                "(v.document_number = :document OR v.search_key"
                + CONTAINS.format("document_pattern")
                + ")"
            )
            parameters["document"] = document
            parameters["document_pattern"] = contains_pattern(fold(document))
        where = "".join(" AND " + condition for condition in conditions)
        rows = sql.rows(
            "SELECT v.code, v.title, v.lead_agency, v.assigner, v.document,"
            " v.assigned_on, s.status, s.due_on, s.completed_on, v.co_agencies"
            f" FROM {TASKS} v JOIN {SPANS} s ON s.task_id = v.task_id"
            f" WHERE {COVERING}{where} ORDER BY v.assigned_on, v.code",
            **parameters,
        )
        return [
            TaskView(
                code=code,
                title=title,
                agency=agency_name,
                assigner=assigned_by,
                document=document_text,
                assigned_on=as_date(assigned_on),  # type: ignore[arg-type]
                due_on=as_date(due_on),
                completed_on=as_date(completed_on),
                status=Status(status),
                co_agencies=tuple(json.loads(co_agencies)),
            )
            for (
                code,
                title,
                agency_name,
                assigned_by,
                document_text,
                assigned_on,
                status,
                due_on,
                completed_on,
                co_agencies,
            ) in rows
        ]
