"""The task read model's tables, as SQLAlchemy Core: their one definition.

Nothing at run time imports this module: projections write and read these
tables in plain SQL (``projections.tasks``, ``projections.reports``), and
the DDL is compiled from here only when a table has to be created
(``database.ddl``). ``tests/projections`` checks that the plain SQL names
what is defined here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from projections.tables import (
    CALENDAR,
    CONFIRMATIONS,
    DIRECTORY,
    OVERDUE,
    REASSIGNMENTS,
    REMINDERS,
    SPANS,
    TASK_FACTS,
    TASKS,
)

metadata = MetaData()

# Text ordered by code point, as Python orders it: SQLite's default; on
# PostgreSQL the "C" collation rather than the database's locale (which may
# put "Sở a" before "Sở B", or "NV1" before "NV-2"), so that lists come out
# in one order on both.
CODE_POINT_TEXT = Text().with_variant(Text(collation="C"), "postgresql")
CODE_POINT_CODE = String(64).with_variant(String(64, collation="C"), "postgresql")

tasks_view = Table(
    TASKS,
    metadata,
    Column("task_id", String(36), primary_key=True),
    Column("code", CODE_POINT_CODE, nullable=False, unique=True),
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
    Column("lead_agency", CODE_POINT_TEXT, nullable=False),
    Column("agency_key", String(255), nullable=False),
    Column("assigner", Text, nullable=False),
    # Period reports select by assignment date; the other queries on spans
    # (due soon, listings by status) scan this index, which holds every column
    # they filter on. An index by status would cost every import and rebuild
    # more than it saves those scans (its keys land all over the tree;
    # bench/README.md); the overdue list has its own table.
    Index(
        "task_status_spans_by_assignment",
        "assigned_on",
        "valid_from",
        "valid_until",
        "status",
        "due_on",
    ),
)

# The weekly overdue list, kept in its order. Each row is a span in which a
# task is overdue (``task_status_spans`` with status ``overdue``); the list on
# a date is the rows whose span covers it, read in key order: by agency, most
# overdue (earliest due) first, then by code. ``entry`` is the row as the
# JSON contract shows it, but for the days overdue, which depend on the date
# asked (``projections.reports``). The list of a province is then one ordered
# scan and a concatenation, where joining the spans to the tasks and encoding
# each row in Python took three times as long (bench/README.md).
overdue_entries = Table(
    OVERDUE,
    metadata,
    Column("lead_agency", CODE_POINT_TEXT, primary_key=True),
    Column("due_day", Integer, primary_key=True),  # the due date's ordinal
    Column("code", CODE_POINT_CODE, primary_key=True),
    Column("valid_from", Date, primary_key=True),
    Column("valid_until", Date, nullable=False),
    Column("task_id", String(36), nullable=False, index=True),
    Column("agency_key", String(255), nullable=False),
    Column("entry", Text, nullable=False),
    sqlite_with_rowid=False,  # the rows are stored in key order
)


# A task's follow-up (``projections.follow_up_rows``): rows only for the
# tasks that have one, each found by its task (the key's first column).
# ``summary`` is the overdue entry's reminder fields after this reminder.
def _follow_up(name: str, *columns: Column[Any]) -> Table:
    """A follow-up table: its rows numbered within their task."""
    return Table(
        name,
        metadata,
        Column("task_id", String(36), primary_key=True),
        Column("number", Integer, primary_key=True, autoincrement=False),
        *columns,
    )


task_reminders = _follow_up(
    REMINDERS,
    Column("reminded_on", Date, nullable=False),
    Column("document", Text, nullable=False),
    Column("summary", Text, nullable=False),
)
task_confirmations = _follow_up(
    CONFIRMATIONS,
    Column("completed_on", Date, nullable=False),
    Column("reopened_on", Date, nullable=False),
    Column("confirmed_on", Date, nullable=False),
)
task_reassignments = _follow_up(
    REASSIGNMENTS,
    Column("reassigned_on", Date, nullable=False),
    Column("from_agency", Text, nullable=False),
    Column("from_agency_key", String(255), nullable=False),
)

# The names the Office filed in the directory (``projections.directory``),
# one row per event, in log order: the built-in entries are in the code.
directory_names = Table(
    DIRECTORY,
    metadata,
    Column(
        "position",
        BigInteger().with_variant(Integer(), "sqlite"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("kind", String(16), nullable=False),
    Column("name_key", String(255), nullable=False),
    Column("name", Text, nullable=False),
    Column("official", Text, nullable=False),
    Column("source", String(16)),
)

# The Office's corrections to the working-day calendar
# (``projections.calendar``), one row per event, in log order: the package's
# holidays are in the code.
calendar_days = Table(
    CALENDAR,
    metadata,
    Column(
        "position",
        BigInteger().with_variant(Integer(), "sqlite"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("day", Date, nullable=False),
    Column("working", Boolean, nullable=False),
    Column("reason", Text, nullable=False),
    Column("document", Text, nullable=False),
)
