"""The read models' tables by name, importable without SQLAlchemy; their
definitions are in ``projections.table_definitions``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TASKS = "tasks_view"  # one row per task: its current facts as columns
TASK_FACTS = "task_facts"  # one row per task: its facts as JSON
SPANS = "task_status_spans"  # one row per task and status span
OVERDUE = "overdue_entries"  # one row per span in which a task is overdue
REMINDERS = "task_reminders"  # one row per reminder sent about a task
CONFIRMATIONS = "task_confirmations"  # one row per confirmed completion
REASSIGNMENTS = "task_reassignments"  # one row per reassignment
READ_MODEL_TABLES = (  # the task read model's
    TASKS,
    TASK_FACTS,
    SPANS,
    OVERDUE,
    REMINDERS,
    CONFIRMATIONS,
    REASSIGNMENTS,
)
DIRECTORY = "directory_names"  # one row per name the Office filed
DIRECTORY_TABLES = (DIRECTORY,)
CALENDAR = "calendar_days"  # one row per correction the Office recorded
CALENDAR_TABLES = (CALENDAR,)
ALL_READ_MODEL_TABLES = (*READ_MODEL_TABLES, *DIRECTORY_TABLES, *CALENDAR_TABLES)
READ_MODELS_NAME = "read_models"  # their row in the tracking table


def covering(table: str, moment: str = "as_of") -> str:
    """The condition on ``table``'s spans (status spans, overdue entries)
    that keeps, of each task, the one span covering the date ``:moment``."""
    return f"{table}.valid_from <= :{moment} AND {table}.valid_until > :{moment}"


COVERING = covering("s")  # the status span ``s`` on the date asked
# Whether the completion standing on ``:as_of`` was confirmed by then.
CONFIRMED = (
    f"EXISTS (SELECT 1 FROM {CONFIRMATIONS} c WHERE c.task_id = s.task_id"
    " AND c.completed_on <= :as_of AND c.reopened_on > :as_of"
    " AND c.confirmed_on <= :as_of)"
)


def definitions() -> Mapping[str, Any]:
    """The tables' SQLAlchemy definitions (importing SQLAlchemy)."""
    from projections.table_definitions import metadata

    return metadata.tables
