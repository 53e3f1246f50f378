"""The task read model: applying events to its tables, and its listings.

``tasks_view`` holds each task's current facts as columns; ``task_facts``
holds the facts themselves as JSON (kept apart so that report queries never
page through the blobs), so the next event is applied without replaying the
task; ``task_status_spans`` holds ``status_spans`` of those facts with the
columns reports group by, so "status as of D" is one indexed range scan;
``overdue_entries`` holds the spans in which a task is overdue, as the weekly
list shows them. Overdue is never stored as a flag: it is the span that
covers the date asked. The rows themselves are made in
``projections.task_rows``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from database.plain_sql import (
    LIKE_ESCAPE,
    PlainSQL,
    as_date,
    chunks,
    contains_pattern,
    in_list,
)
from domain.directory import Directory
from domain.facts import TaskFacts, facts_from_dict
from domain.rules import Status
from domain.text import fold
from domain.voiding import evolved, facts_of, refolds
from projections.calendar import load_calendar
from projections.day_counts import WorkingDays
from projections.directory import load_directory
from projections.json_text import NO_REMINDER, reminded
from projections.tables import (
    CONFIRMATIONS,
    CONFIRMED,
    COVERING,
    OVERDUE,
    READ_MODEL_TABLES,
    REMINDERS,
    SPANS,
    TASK_FACTS,
    TASKS,
    covering,
    definitions,
)
from projections.task_rows import TaskRows, TaskView

# A task's events up to and including a version, oldest first.
History = Callable[[UUID, int], Sequence[Any]]
CONTAINS = f" LIKE :{{}} ESCAPE '{LIKE_ESCAPE}'"
AWAITING = "awaiting-confirmation"  # a status ``listing`` takes besides Status
AWAITING_CONFIRMATION = f"(s.status IN ('on_time', 'late') AND NOT {CONFIRMED})"
# When the completion standing on ``:as_of`` was confirmed, if by then.
CONFIRMED_ON = (
    f"(SELECT c.confirmed_on FROM {CONFIRMATIONS} c WHERE c.task_id = s.task_id"
    " AND c.completed_on <= :as_of AND c.reopened_on > :as_of"
    " AND c.confirmed_on <= :as_of)"
)
REMINDED_SINCE = (
    f"EXISTS (SELECT 1 FROM {REMINDERS} r WHERE r.task_id = v.task_id"
    " AND r.reminded_on >= :since AND r.reminded_on <= :as_of)"
)


def task_events(
    events: Sequence[Any], positions: Sequence[int]
) -> tuple[Sequence[Any], Sequence[int]]:
    """The tasks' events among ``events`` and their positions: those that
    ``evolve`` a task's facts. The directory's and the calendar's are their
    own read models' (``projections.directory``, ``projections.calendar``);
    the schedules of periodic tasks (``domain.schedule``) have none, their
    occurrences being tasks; they are told apart by that method, so that
    reading never imports the aggregates, nor eventsourcing with them."""
    if all(hasattr(event, "evolve") for event in events):
        return events, positions  # the usual case: nothing to copy
    kept = [
        (event, position)
        for event, position in zip(events, positions, strict=True)
        if hasattr(event, "evolve")
    ]
    return [event for event, _ in kept], [position for _, position in kept]


class TaskReadModel:
    """Applies batches of task events; answers task listings.

    ``history`` gives a task's events up to a version (from the log: the
    application sets it), which applying a void needs."""

    tables = READ_MODEL_TABLES
    definitions = staticmethod(definitions)

    def __init__(self, history: History | None = None) -> None:
        self.history = history

    def apply(
        self, sql: PlainSQL, events: Sequence[Any], positions: Sequence[int]
    ) -> None:
        """Apply events in log order; ``positions`` are their log positions.

        Each task touched is read once and written once per batch, whatever the
        number of its events in the batch; a task assigned within the batch has
        no rows yet, so it is neither read nor deleted.
        """
        events, positions = task_events(events, positions)
        first_versions: dict[UUID, int] = {}
        for event in events:
            first_versions.setdefault(event.originator_id, event.originator_version)
        existing = [task_id for task_id, v in first_versions.items() if v > 1]
        facts: dict[UUID, TaskFacts | None] = dict(self._load(sql, existing))
        for chunk in chunks([str(task_id) for task_id in existing]):
            listed, keys = in_list("id", chunk)
            for table in self.tables:
                sql.execute(f"DELETE FROM {table} WHERE task_id IN ({listed})", **keys)
        self._rows(events, positions, facts, self._history).insert(sql)

    def _history(self, task_id: UUID, version: int) -> Sequence[Any]:
        """``history``, which only a read model that applies voids needs."""
        if self.history is None:
            raise TypeError("A void is applied with the task's history at hand.")
        return self.history(task_id, version)

    def rows_from_histories(
        self, events: Sequence[Any], positions: Sequence[int]
    ) -> TaskRows:
        """The rows of tasks whose whole histories these events are (pure:
        nothing is read back, so a helper process can make them)."""
        histories: dict[UUID, list[Any]] = {}
        for event in events:
            histories.setdefault(event.originator_id, []).append(event)
        return self._rows(
            events,
            positions,
            {},
            lambda task_id, version: histories[task_id][:version],
        )

    @staticmethod
    def _rows(
        events: Sequence[Any],
        positions: Sequence[int],
        facts: dict[UUID, TaskFacts | None],
        history: History,
    ) -> TaskRows:
        """Each task's rows after these events, from ``facts`` before them; a
        void or an assignment again refolds the task's ``history``
        (``domain.voiding``), and a task whose assignment is void has no
        rows."""
        versions: dict[UUID, tuple[int, int]] = {}
        for event, position in zip(*task_events(events, positions), strict=True):
            task_id = event.originator_id
            if refolds(event):
                facts[task_id] = facts_of(history(task_id, event.originator_version))
            else:
                facts[task_id] = evolved(facts.get(task_id), event)
            versions[task_id] = (event.originator_version, position)
        rows = TaskRows()
        for task_id, (version, position) in versions.items():
            current = facts[task_id]
            if current is not None:
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
    def facts_by_code(sql: PlainSQL, codes: Sequence[str]) -> dict[str, TaskFacts]:
        """The facts of those of ``codes`` the read model holds."""
        found: dict[str, TaskFacts] = {}
        for chunk in chunks(list(codes)):
            listed, keys = in_list("code", chunk)
            rows = sql.rows(
                f"SELECT f.facts FROM {TASK_FACTS} f"
                f" JOIN {TASKS} v ON v.task_id = f.task_id"
                f" WHERE v.code IN ({listed})",
                **keys,
            )
            for (data,) in rows:
                facts = facts_from_dict(json.loads(data))
                found[facts.code] = facts
        return found

    @staticmethod
    def unmarked_overdue(sql: PlainSQL, as_of: date) -> list[str]:
        """Codes of the tasks overdue on ``as_of`` whose lapsed deadline has
        no ``MarkedOverdue`` yet."""
        rows = sql.rows(
            f"SELECT f.facts, o.due_day FROM {OVERDUE} o"
            f" JOIN {TASK_FACTS} f ON f.task_id = o.task_id"
            f" WHERE {covering('o')} ORDER BY f.task_id",
            as_of=as_of,
        )
        codes = []
        for data, due_day in rows:
            facts = facts_from_dict(json.loads(data))
            if date.fromordinal(due_day) not in facts.marked_overdue:
                codes.append(facts.code)
        return codes

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
        not_reminded_since: date | None = None,
        schedule: str | None = None,
    ) -> list[TaskView]:
        """Tasks with their status as of ``as_of``, filtered as a clerk asks.

        Text filters match anywhere, ignoring case and Vietnamese diacritics;
        an agency or assigner that names a directory entity (any of its names,
        any spelling) also matches each of that entity's names. Rows show the
        official names. The status ``awaiting-confirmation`` is a completion
        not confirmed by then; asked alone, those come oldest first.
        ``not_reminded_since``: only tasks without a reminder from that date
        to ``as_of``. ``schedule``: only that periodic task's occurrences
        (codes ``SCHEDULE/...``), in period order.
        """
        directory = load_directory(sql)
        where, parameters = _listing_filters(
            statuses,
            directory,
            agency=agency,
            assigner=assigner,
            search=search,
            document=document,
        )
        if not_reminded_since is not None:
            where += f" AND NOT {REMINDED_SINCE}"
            parameters["since"] = not_reminded_since
        order = "v.assigned_on, v.code"
        if schedule is not None:
            prefix = schedule + "/"
            where += " AND substr(v.code, 1, :prefix_length) = :prefix"
            parameters.update(prefix=prefix, prefix_length=len(prefix))
            order = "v.code"  # its periods' labels sort in period order
        elif tuple(statuses) == (AWAITING,):
            order = "s.completed_on, v.code"
        rows = sql.rows(
            "SELECT v.code, v.title, v.lead_agency, v.assigner, v.document,"
            " v.assigned_on, s.status, s.due_on, s.completed_on, v.co_agencies,"
            f" {CONFIRMED_ON}, {reminded('s')}"
            f" FROM {TASKS} v JOIN {SPANS} s ON s.task_id = v.task_id"
            f" WHERE {COVERING}{where} ORDER BY {order}",
            as_of=as_of,
            **parameters,
        )
        working = WorkingDays(load_calendar(sql), as_of)
        return [_with_days(_task_view(row, directory), working) for row in rows]


def _listing_filters(
    statuses: Sequence[str], directory: Directory, **texts: str | None
) -> tuple[str, dict[str, Any]]:
    """The listing's conditions (each after an ``AND``) and their parameters."""
    conditions: list[str] = []
    parameters: dict[str, Any] = {}
    plain = [status for status in statuses if status != AWAITING]
    if statuses:
        listed, named = in_list("status", plain or ["none"])
        condition = f"s.status IN ({listed})"
        if AWAITING in statuses:
            condition = f"({condition} OR {AWAITING_CONFIRMATION})"
        conditions.append(condition)
        parameters.update(named)
    for column, name in (
        ("agency_key", "agency"),
        ("assigner_key", "assigner"),
        ("search_key", "search"),
    ):
        text = texts[name]
        if not text:
            continue
        condition = "v." + column + CONTAINS.format(column)
        parameters[column] = contains_pattern(fold(text))
        entry = directory.entry(name, text) if name != "search" else None
        if entry is not None:
            keys = sorted({fold(each) for each in entry.names})
            listed, named = in_list(column, keys)
            condition = f"({condition} OR v.{column} IN ({listed}))"
            parameters.update(named)
        conditions.append(condition)
    document = texts["document"]
    if document:
        conditions.append(
            "(v.document_number = :document OR v.search_key"
            + CONTAINS.format("document_pattern")
            + ")"
        )
        parameters["document"] = document
        parameters["document_pattern"] = contains_pattern(fold(document))
    return "".join(" AND " + condition for condition in conditions), parameters


def _with_days(view: TaskView, working: WorkingDays) -> TaskView:
    """``view`` with its days overdue or left on the date asked."""
    due, as_of = view.due_on, working.as_of
    if due is None or view.status not in (Status.OVERDUE, Status.IN_PROGRESS):
        return view
    if view.status is Status.OVERDUE:
        return replace(
            view,
            days_overdue=(as_of - due).days,
            working_days_overdue=working.between(due, as_of),
        )
    return replace(
        view, days_left=(due - as_of).days, working_days_left=working.until(due)
    )


def _task_view(row: tuple[Any, ...], directory: Directory) -> TaskView:
    (code, title, agency, assigner, document, assigned_on, status, due_on,
     completed_on, co_agencies, confirmed_on, reminders) = row  # fmt: skip
    sent = {} if reminders == NO_REMINDER else json.loads("{" + reminders + "}")
    return TaskView(
        code=code,
        title=title,
        agency=directory.official("agency", agency),
        assigner=directory.official("assigner", assigner),
        document=document,
        assigned_on=as_date(assigned_on),  # type: ignore[arg-type]
        due_on=as_date(due_on),
        completed_on=as_date(completed_on),
        status=Status(status),
        co_agencies=tuple(
            directory.official("agency", name) for name in json.loads(co_agencies)
        ),
        confirmed_on=as_date(confirmed_on),
        reminders=sent.get("reminders", 0),
        last_reminded_on=as_date(sent.get("last_reminded_on")),
    )
