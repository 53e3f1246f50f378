"""The plain SQL names what the table definitions define."""

from __future__ import annotations

from projections import reports
from projections.table_definitions import task_status_spans, tasks_view
from projections.tables import READ_MODELS_NAME
from tracker.eventstore.table_definitions import ledger_tables
from tracker.eventstore.tables import APPLICATION


def test_report_queries_name_the_defined_tables_and_columns() -> None:
    assert task_status_spans.name == reports.SPANS
    assert tasks_view.name == reports.TASKS
    assert {
        "task_id", "valid_from", "valid_until", "status", "due_on", "assigned_on",
        "lead_agency", "assigner", "agency_key",
    } <= set(task_status_spans.c.keys())  # fmt: skip
    assert {"task_id", "code", "title", "document"} <= set(tasks_view.c.keys())
    assert set(reports.GROUP_COLUMNS.values()) == {"s.lead_agency", "s.assigner"}


def test_the_reader_names_the_ledgers_tables() -> None:
    tables = ledger_tables()
    assert tables.events.name == f"{APPLICATION}_events"
    assert tables.tracking.name == f"{APPLICATION}_tracking"
    assert tables.chain.name == f"{APPLICATION}_chain"
    assert len(READ_MODELS_NAME) <= 32  # the tracking column's width
