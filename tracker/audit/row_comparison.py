"""Comparing the stored read-model rows of some tasks with the rows their
events make, and counting each table's rows, naming the first task that
differs (``tracker.audit.read_model_check`` replays the log)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from database.plain_sql import PlainSQL, chunks, in_list
from domain.errors import IntegrityFailure
from projections.calendar import CALENDAR_COLUMNS
from projections.directory import DIRECTORY_COLUMNS
from projections.tables import CALENDAR, DIRECTORY, OVERDUE, TASK_FACTS, TASKS
from projections.task_rows import ROW_TABLES, TaskRows
from tracker.audit.stored_values import code_in_state, shown, stored_rows

IDS_PER_QUERY = 500  # tasks per ``IN (...)`` query
TABLES = ROW_TABLES
REBUILD = "run 'tracker projections rebuild'"


def compare_batch(
    sql: PlainSQL, rows: TaskRows, totals: list[int], seen: set[str]
) -> None:
    """Compare the stored rows of a batch's tasks with the expected ``rows``
    (a ``TaskRows``), table by table."""
    ids = [row[0] for row in rows.tasks]
    seen.update(ids)
    codes = {row[0]: row[1] for row in rows.tasks}
    expected_tables = rows.by_table()
    for number, ((table, columns), expected) in enumerate(
        zip(TABLES, expected_tables, strict=True)
    ):
        totals[number] += len(expected)
        stored = rows_of_tasks(sql, table, columns, ids)
        if len(stored) != len(expected) or set(stored) != set(expected):
            raise _difference(table, columns, expected, stored, codes)


def rows_of_tasks(
    sql: PlainSQL, table: str, columns: Sequence[str], ids: Sequence[str]
) -> list[tuple[Any, ...]]:
    """The rows of these tasks in ``table``, values as the projection makes
    them (dates as ISO text)."""
    found: list[tuple[Any, ...]] = []
    for chunk in chunks(ids, IDS_PER_QUERY):
        listed, keys = in_list("id", chunk)
        rows = stored_rows(
            sql, columns, f"FROM {table} WHERE task_id IN ({listed})", **keys
        )
        found += rows if sql.is_sqlite else [_iso_dates(row) for row in rows]
    return found


def _iso_dates(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """PostgreSQL returns ``date`` where SQLite and the projection have ISO
    text."""
    return tuple(
        value.isoformat() if isinstance(value, date) else value for value in row
    )


def _difference(
    table: str,
    columns: Sequence[str],
    expected: Sequence[tuple[Any, ...]],
    stored: Sequence[tuple[Any, ...]],
    codes: dict[str, str],
) -> IntegrityFailure:
    """The first task (in the batch's order) whose rows in ``table`` differ."""
    key = columns.index("task_id")
    wanted, found = Counter(expected), Counter(stored)
    missing = {row[key] for row in (wanted - found)}
    extra = {row[key] for row in (found - wanted)}
    task = next(task for task in codes if task in missing | extra)
    if task not in extra:
        what = "lacks a row its events make"
    elif task not in missing:
        what = "has a row its events do not make"
    else:
        what = "has a row that differs from what its events make"
    return IntegrityFailure(
        f"The read models differ from the log: task {codes[task]} {what} in "
        f"{table}; {REBUILD}."
    )


def compare_counts(
    sql: PlainSQL, totals: list[int], seen: set[str], *, whole: bool = True
) -> None:
    """Every table holds exactly the rows the replay made: a row of a task
    the log does not hold is caught here, and that task named (``whole``:
    the replay was of the whole log, not of the part the read models
    reached)."""
    for (table, _), total in zip(TABLES, totals, strict=True):
        count = int(sql.scalar(f"SELECT count(*) FROM {table}") or 0)
        if count == total:
            continue
        stranger = _stranger(sql, table, seen)
        if stranger is None:
            raise IntegrityFailure(
                f"The read models differ from the log: {table} holds {count} rows "
                f"where its events make {total}; {REBUILD}."
            )
        holder = "the ledger does not have" if whole else "their position's log lacks"
        raise IntegrityFailure(
            f"The read models hold rows of a task {holder}: {stranger} in {table}; "
            f"{REBUILD}."
        )


def _stranger(sql: PlainSQL, table: str, seen: set[str]) -> str | None:
    """A task with rows in ``table`` that the replay did not meet, named by
    its code where the read models give one."""
    ids = [
        row[0]
        for row in stored_rows(sql, ["task_id"], f"FROM {table} GROUP BY task_id")
    ]
    strangers = sorted(
        value if isinstance(value, str) else repr(value)
        for value in ids
        if not isinstance(value, str) or value not in seen
    )
    if not strangers:
        return None
    stranger = strangers[0]
    code = _code_in_read_models(sql, stranger)
    if code:
        return f"task {code}"
    return f"a task with ID {shown(stranger) or '(that cannot be shown)'}"


def _code_in_read_models(sql: PlainSQL, task: str) -> str | None:
    """The code the read models give a task: its row in ``tasks_view`` or
    ``overdue_entries``, or its facts."""
    for query in (
        f"SELECT code FROM {TASKS} WHERE task_id = :task",
        f"SELECT code FROM {OVERDUE} WHERE task_id = :task",
    ):
        rows = sql.utf8_rows(query, task=task)
        for (code,) in rows:
            text = code.decode("utf-8", "replace") if isinstance(code, bytes) else code
            if shown(text):
                return text
    for (facts,) in sql.utf8_rows(
        f"SELECT facts FROM {TASK_FACTS} WHERE task_id = :task", task=task
    ):
        code = code_in_state(facts)
        if code:
            return code
    return None


def compare_directory(sql: PlainSQL, expected: Sequence[tuple[Any, ...]]) -> None:
    """``directory_names`` holds exactly the rows the directory's events make
    (a few rows: compared whole), naming the first position that differs."""
    _compare_whole(sql, DIRECTORY, DIRECTORY_COLUMNS, expected, "directory")


def compare_calendar(sql: PlainSQL, expected: Sequence[tuple[Any, ...]]) -> None:
    """``calendar_days``, likewise, with the calendar's events."""
    _compare_whole(sql, CALENDAR, CALENDAR_COLUMNS, expected, "calendar")


def _compare_whole(
    sql: PlainSQL,
    table: str,
    columns: Sequence[str],
    expected: Sequence[tuple[Any, ...]],
    whose: str,
) -> None:
    """``table`` (keyed by log position) holds exactly ``expected``."""
    stored = stored_rows(sql, columns, f"FROM {table}")
    if not sql.is_sqlite:
        stored = [_iso_dates(row) for row in stored]
    wanted, found = Counter(expected), Counter(stored)
    if wanted == found:
        return
    differing = [row[0] for row in (wanted - found) + (found - wanted)]
    positions = sorted(value for value in differing if isinstance(value, int))
    where = f" (position {positions[0]})" if positions else ""
    raise IntegrityFailure(
        f"The read models differ from the log: {table} has a row{where} that "
        f"the {whose}'s events do not make; {REBUILD}."
    )
