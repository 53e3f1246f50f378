"""The read model's table names, importable without SQLAlchemy."""

TASKS = "tasks_view"  # one row per task: its current facts as columns
TASK_FACTS = "task_facts"  # one row per task: its facts as JSON
SPANS = "task_status_spans"  # one row per task and status span
OVERDUE = "overdue_entries"  # one row per span in which a task is overdue
READ_MODEL_TABLES = (TASKS, TASK_FACTS, SPANS, OVERDUE)
