"""The directory read model: its rows come from the directory's events alone,
the task read model ignores those events, and ``load_directory`` gives the
directory they make."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from database import ddl
from database.connect import Location, connect
from database.plain_sql import PlainSQL
from domain.directory import Directory
from domain.directory_record import DirectoryRecord
from domain.task import Task
from projections.directory import (
    DirectoryReadModel,
    directory_rows,
    insert_rows,
    load_directory,
)
from projections.tasks import TaskReadModel

TODAY = date(2026, 11, 23)


@pytest.fixture
def sql() -> Iterator[PlainSQL]:
    memory = connect(Location("sqlite", None))
    try:
        plain = PlainSQL(memory)
        model = DirectoryReadModel()
        ddl.create_missing(plain, model.tables, model.definitions)
        yield plain
    finally:
        memory.close()


def directory_events() -> list[Any]:
    record = DirectoryRecord.open(actor="a", today=TODAY)
    record.add_name(kind="agency", name="Sở Y tế", source=None, actor="a", today=TODAY)
    record.add_alias(kind="agency", name="so y te", alias="SYT", actor="a", today=TODAY)
    record.add_name(
        kind="assigner", name="Bộ Y tế", source="other", actor="a", today=TODAY
    )
    return list(record.collect_events())


def task_events() -> list[Any]:
    task = Task.assign(
        code="NV-1",
        title="Rà soát",
        assigner="Bộ Y tế",
        lead_agency="SYT",
        assigned_on=date(2023, 2, 14),
        due_on=None,
        document="",
        co_agencies=[],
        actor="a",
        today=TODAY,
    )
    return list(task.collect_events())


def test_each_model_takes_only_its_own_events() -> None:
    events = [*task_events(), *directory_events()]
    positions = list(range(1, len(events) + 1))
    rows = TaskReadModel().rows_from_histories(events, positions)
    assert [row[1] for row in rows.tasks] == ["NV-1"]
    names = directory_rows(events, positions)
    assert [(row[0], row[3], row[4]) for row in names] == [
        (3, "Sở Y tế", "Sở Y tế"),  # the opening (position 2) makes no row
        (4, "SYT", "Sở Y tế"),
        (5, "Bộ Y tế", "Bộ Y tế"),
    ]
    assert names[1][2] == "syt" and names[2][5] == "other"


def test_the_directory_loaded_is_the_one_the_events_make(sql: PlainSQL) -> None:
    assert load_directory(sql).entries("agency") == Directory.builtin().entries(
        "agency"
    )
    events = directory_events()
    DirectoryReadModel().apply(sql, events, list(range(1, len(events) + 1)))
    loaded = load_directory(sql)
    assert loaded.official("agency", "syt") == "Sở Y tế"
    assert loaded.source_of("bo y te") == "other"


def test_a_row_the_directory_refuses_is_passed_over(sql: PlainSQL) -> None:
    # Two names for one entity, as only an event written outside the tool
    # could make: the first stands, and reading does not fail.
    insert_rows(
        sql,
        [
            (1, "agency", "so y te", "Sở Y tế", "Sở Y tế", None),
            (2, "agency", "so y te", "SỞ Y TẾ", "SỞ Y TẾ", None),
            (3, "agency", "x", "X", "Nowhere", None),
        ],
    )
    loaded = load_directory(sql)
    assert loaded.official("agency", "SO Y TE") == "Sở Y tế"
    assert not loaded.knows("agency", "X")
