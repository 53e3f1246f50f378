"""The task read model: one row per task and its status timeline.

``tasks_view`` holds each task's current facts as columns; ``task_facts``
holds the facts themselves as JSON (kept apart so that report queries never
page through the blobs), so the next event is applied without replaying the
task; ``task_status_spans`` holds ``status_spans`` of those facts with the
columns reports group by, so "status as of D" is one indexed range scan.
Overdue is never stored as a flag: it is the span that covers the date asked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    delete,
    or_,
    select,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

from domain.facts import TaskFacts, facts_from_dict, facts_to_dict
from domain.rules import Status, status_spans
from domain.text import fold
from projections.bulk import insert_many

metadata = MetaData()

# One encoder for every row: ``json.dumps`` with options builds a new encoder
# per call, which a rebuild does hundreds of thousands of times.
to_json = json.JSONEncoder(ensure_ascii=False).encode

BEGINNING = date(1, 1, 1)
END = date(9999, 12, 31)

tasks_view = Table(
    "tasks_view",
    metadata,
    Column("task_id", String(36), primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("search_key", Text, nullable=False),
    Column("lead_agency", Text, nullable=False),
    Column("co_agencies", Text, nullable=False),
    # Searched with ``contains`` (LIKE '%...%'), which no index serves: indexes
    # here would only slow every insert down.
    Column("agency_key", String(255), nullable=False),
    Column("assigner", Text, nullable=False),
    Column("assigner_key", String(255), nullable=False),
    Column("document", Text, nullable=False),
    # Matched together with ``contains`` on ``search_key`` (an OR no index can
    # serve), so it has no index either.
    Column("document_number", String(128)),
    Column("assigned_on", Date, nullable=False, index=True),
    Column("due_on", Date),
    Column("completed_on", Date),
    Column("cancelled_on", Date),
    Column("version", Integer, nullable=False),
    Column("position", BigInteger().with_variant(Integer(), "sqlite"), nullable=False),
)

task_facts = Table(
    "task_facts",
    metadata,
    Column("task_id", String(36), primary_key=True),
    Column("facts", Text, nullable=False),
)

task_status_spans = Table(
    "task_status_spans",
    metadata,
    Column("task_id", String(36), primary_key=True),
    Column("valid_from", Date, primary_key=True),
    Column("valid_until", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("due_on", Date),
    Column("completed_on", Date),
    Column("assigned_on", Date, nullable=False),
    Column("lead_agency", Text, nullable=False),
    Column("agency_key", String(255), nullable=False),
    Column("assigner", Text, nullable=False),
    Index(
        "task_status_spans_by_assignment",
        "assigned_on",
        "valid_from",
        "valid_until",
        "status",
        "due_on",
    ),
    Index("task_status_spans_by_status", "status", "valid_until", "valid_from"),
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


def _task_row(
    task_id: UUID, facts: TaskFacts, version: int, position: int
) -> dict[str, Any]:
    return {
        "task_id": str(task_id),
        "code": facts.code,
        "title": facts.title,
        "search_key": fold(" ".join((facts.code, facts.title, facts.document))),
        "lead_agency": facts.lead_agency,
        "co_agencies": (
            to_json(list(facts.co_agencies)) if facts.co_agencies else "[]"
        ),
        "agency_key": fold(facts.lead_agency),
        "assigner": facts.assigner,
        "assigner_key": fold(facts.assigner),
        "document": facts.document,
        "document_number": facts.document_number,
        "assigned_on": facts.assigned_on,
        "due_on": facts.due_on,
        "completed_on": facts.completed_on,
        "cancelled_on": facts.cancelled_on,
        "version": version,
        "position": position,
    }


def _span_rows(task_id: UUID, facts: TaskFacts) -> list[dict[str, Any]]:
    agency_key = fold(facts.lead_agency)
    return [
        {
            "task_id": str(task_id),
            "valid_from": span.valid_from or BEGINNING,
            "valid_until": span.valid_until or END,
            "status": str(span.status),
            "due_on": span.due_on,
            "completed_on": span.completed_on,
            "assigned_on": facts.assigned_on,
            "lead_agency": facts.lead_agency,
            "agency_key": agency_key,
            "assigner": facts.assigner,
        }
        for span in status_spans(facts)
    ]


class TaskReadModel:
    """Applies batches of task events; answers task listings."""

    tables = (tasks_view, task_facts, task_status_spans)

    def apply(
        self, connection: Connection, events: Sequence[Any], positions: Sequence[int]
    ) -> None:
        """Apply events in log order; ``positions`` are their log positions.

        Each task touched is read once and written once per batch, whatever the
        number of its events in the batch; a task assigned within the batch has
        no rows yet, so it is neither read nor deleted.
        """
        first_versions: dict[UUID, int] = {}
        for event in events:
            first_versions.setdefault(event.originator_id, event.originator_version)
        touched = list(first_versions)
        existing = [task_id for task_id, v in first_versions.items() if v > 1]
        facts: dict[UUID, TaskFacts | None] = dict(self._load(connection, existing))
        versions: dict[UUID, tuple[int, int]] = {}
        for event, position in zip(events, positions, strict=True):
            facts[event.originator_id] = event.evolve(facts.get(event.originator_id))
            versions[event.originator_id] = (event.originator_version, position)
        keys = [str(task_id) for task_id in existing]
        for table in self.tables:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                connection.execute(delete(table).where(table.c.task_id.in_(chunk)))
        task_rows, fact_rows, span_rows = [], [], []
        for task_id in touched:
            current = facts[task_id]
            assert current is not None
            task_rows.append(_task_row(task_id, current, *versions[task_id]))
            fact_rows.append(
                {
                    "task_id": str(task_id),
                    "facts": to_json(facts_to_dict(current)),
                }
            )
            span_rows.extend(_span_rows(task_id, current))
        insert_many(connection, tasks_view, task_rows)
        insert_many(connection, task_facts, fact_rows)
        insert_many(connection, task_status_spans, span_rows)

    @staticmethod
    def _load(
        connection: Connection, task_ids: Iterable[UUID]
    ) -> Iterable[tuple[UUID, TaskFacts]]:
        keys = [str(task_id) for task_id in task_ids]
        for start in range(0, len(keys), 500):
            rows = connection.execute(
                select(task_facts.c.task_id, task_facts.c.facts).where(
                    task_facts.c.task_id.in_(keys[start : start + 500])
                )
            )
            for task_id, data in rows:
                yield UUID(task_id), facts_from_dict(json.loads(data))

    # -- queries --------------------------------------------------------------

    @staticmethod
    def facts_of(connection: Connection, code: str) -> TaskFacts | None:
        data = connection.execute(
            select(task_facts.c.facts)
            .join(tasks_view, tasks_view.c.task_id == task_facts.c.task_id)
            .where(tasks_view.c.code == code)
        ).scalar()
        return facts_from_dict(json.loads(data)) if data else None

    @staticmethod
    def listing(
        connection: Connection,
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
        spans = task_status_spans
        view = tasks_view.c
        query = (
            select(
                view.code,
                view.title,
                view.lead_agency,
                view.assigner,
                view.document,
                view.assigned_on,
                spans.c.status,
                spans.c.due_on,
                spans.c.completed_on,
            )
            .join(
                spans,
                and_(
                    spans.c.task_id == tasks_view.c.task_id,
                    spans.c.valid_from <= as_of,
                    spans.c.valid_until > as_of,
                ),
            )
            .order_by(tasks_view.c.assigned_on, tasks_view.c.code)
        )
        if statuses:
            query = query.where(spans.c.status.in_(list(statuses)))
        for column, text in (
            (tasks_view.c.agency_key, agency),
            (tasks_view.c.assigner_key, assigner),
            (tasks_view.c.search_key, search),
        ):
            if text:
                query = query.where(column.contains(fold(text), autoescape=True))
        if document:
            query = query.where(
                or_(
                    tasks_view.c.document_number == document,
                    tasks_view.c.search_key.contains(fold(document), autoescape=True),
                )
            )
        query = query.add_columns(view.co_agencies)
        return [
            TaskView(
                code=row.code,
                title=row.title,
                agency=row.lead_agency,
                assigner=row.assigner,
                document=row.document,
                assigned_on=row.assigned_on,
                due_on=row.due_on,
                completed_on=row.completed_on,
                status=Status(row.status),
                co_agencies=tuple(json.loads(row.co_agencies)),
            )
            for row in connection.execute(query)
        ]
