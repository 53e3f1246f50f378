"""The task read model's tables, as SQLAlchemy Core: their one definition.

Nothing at run time imports this module: projections write and read these
tables in plain SQL (``projections.tasks``, ``projections.reports``), and
the DDL is compiled from here only when a table has to be created
(``tracker.schema``). ``tests/projections`` checks that the plain SQL names
what is defined here.
"""

from __future__ import annotations

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
)

from projections.names import SPANS, TASK_FACTS, TASKS

metadata = MetaData()

tasks_view = Table(
    TASKS,
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
    TASK_FACTS,
    metadata,
    Column("task_id", String(36), primary_key=True),
    Column("facts", Text, nullable=False),
)

task_status_spans = Table(
    SPANS,
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
