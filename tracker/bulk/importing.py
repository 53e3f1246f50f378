"""Bulk import of a task list: validate every row first, then record.

Each row becomes a new ``Task`` built in memory through the aggregate's own
commands, so every domain rule is checked exactly as at the terminal. A code
already in the ledger is compared with it: the same facts are skipped (a
re-import records nothing), different facts are reported, never overwritten.

Building needs no database: ``prepare_rows`` turns rows into
``PreparedTask``s (the task's encoded events and its read-model rows, plain
data that pickles cheaply), which a helper process can do while this one
records (``tracker.bulk.forked_helper``). Only ``plan_import`` asks the ledger.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from domain.codes import normalise_code
from domain.dates import DateParseError, RelativeDue, is_relative
from domain.due_rules import deadline_from, parse_due_rule
from domain.errors import TaskRuleError
from domain.facts import TaskFacts, facts_from_dict
from domain.limits import printable
from domain.task import Task
from domain.text import normalise
from domain.working_days import WorkingCalendar, vietnam_calendar
from projections.task_rows import TaskRowSet, rows_of
from tracker.bulk.collector import fewer_collections
from tracker.bulk.forked_helper import helper_available, prepared_chunks
from tracker.bulk.spreadsheets import SheetRow, cell_date, cell_text
from tracker.eventstore.recorder import EncodedEvent

if TYPE_CHECKING:
    from tracker.ledger import TaskLedger

CANCEL_REASON = "Rút khỏi chương trình (theo bảng tính nhập vào)"
CHANGED = "already in the ledger with other facts:"  # then the differences


@dataclass(frozen=True)
class Rejected:
    row: int
    code: str
    reason: str
    values: dict[str, str] = field(default_factory=dict)
    # For a row whose code the ledger holds with other facts: each fact that
    # differs, one sentence apiece, which ``reason`` joins. Kept apart so that
    # each can be shown in the clerk's language before they are joined.
    differences: tuple[str, ...] = ()

    def __str__(self) -> str:
        code = f" ({printable(self.code)})" if self.code else ""
        return f"row {self.row}{code}: {self.reason}"


class PreparedTask(NamedTuple):
    """A new task ready to record, as plain data: its events encoded for the
    event store and its read-model rows (``position`` is filled in once the
    events have their log positions)."""

    row: int  # the spreadsheet row (0 outside an import)
    code: str
    values: dict[str, str]  # the row's cells, for the rejects file
    events: list[EncodedEvent]  # in version order
    rows: TaskRowSet  # ``position`` (the task row's last value) still 0

    @property
    def facts(self) -> TaskFacts:
        return facts_from_dict(json.loads(self.rows.facts[1]))


@dataclass
class PreparedChunk:
    """Some consecutive rows of a file, in order: each row's code (as typed,
    normalised) with its prepared task, or with why it cannot be one."""

    entries: list[tuple[str, PreparedTask | Rejected]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass
class ImportPlan:
    new: list[PreparedTask] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    recorded: int = 0


class ImportRefused(TaskRuleError):
    def __init__(self, rejected: Sequence[Rejected], total: int) -> None:
        super().__init__(
            f"{len(rejected)} of {total} rows cannot be imported; nothing was "
            "recorded (fix them, or use --skip-invalid to import the valid rows)."
        )
        self.rejected = list(rejected)


def build_task(
    row: SheetRow,
    actor: str,
    today: date,
    calendar: Callable[[], WorkingCalendar] = vietnam_calendar,
) -> Task:
    """The row's task as a new aggregate; raises a readable error if invalid.

    A "Hạn xử lý" cell may hold a rule (``10 ngày làm việc``, ``10wd``,
    ``+10d``), counted from the row's assignment date on ``calendar``, as
    ``assign --due`` counts it."""
    values = row.values

    def day(column: str, required: bool = False) -> date | None:
        try:
            parsed = cell_date(values.get(column), today)
        except DateParseError as exc:
            raise TaskRuleError(f"{column}: {exc}") from None
        if parsed is None and required:
            raise TaskRuleError(f"{column} is empty.")
        return parsed

    assigned = day("assigned", required=True)
    assert assigned is not None
    typed = _typed_due(values.get("due")) or day("due")
    try:
        due_on, due_rule = deadline_from(typed, assigned, calendar)
    except TaskRuleError as exc:
        raise TaskRuleError(f"due: {exc}") from None
    co_agencies = [
        part
        for part in cell_text(values.get("co_agencies")).replace(";", ",").split(",")
        if part.strip()
    ]
    task = Task.assign(
        code=cell_text(values.get("code")),
        title=cell_text(values.get("title")),
        assigner=cell_text(values.get("assigner")),
        lead_agency=cell_text(values.get("agency")),
        assigned_on=assigned,
        due_on=due_on,
        document=cell_text(values.get("doc")),
        co_agencies=co_agencies,
        actor=actor,
        today=today,
        due_rule=due_rule,
    )
    completed, cancelled = day("completed"), day("cancelled")
    if completed and cancelled:
        raise TaskRuleError("a task cannot be both completed and cancelled.")
    if completed:
        task.complete(on=completed, document="", actor=actor, today=today)
    if cancelled:
        task.cancel(
            on=cancelled, reason=CANCEL_REASON, document="", actor=actor, today=today
        )
    return task


def differences(mine: TaskFacts, ledger: TaskFacts) -> list[str]:
    """Which facts of an already recorded task the row would change."""

    def show(value: object) -> str:
        if isinstance(value, date):
            return f"{value:%d/%m/%Y}"
        return str(value) if value not in (None, "", ()) else "(empty)"

    pairs = {
        "title": (mine.title, ledger.title),
        "agency": (mine.lead_agency, ledger.lead_agency),
        "assigner": (mine.assigner, ledger.assigner),
        "assigned": (mine.assigned_on, ledger.assigned_on),
        "due": (mine.original_due_on, ledger.original_due_on),
        "doc": (mine.document, ledger.document),
        "completed": (mine.completed_on, ledger.completed_on),
        "cancelled": (mine.cancelled_on, ledger.cancelled_on),
    }
    return [
        f"{name} is {show(new)} in the file but {show(old)} in the ledger"
        for name, (new, old) in pairs.items()
        if (normalise(new) if isinstance(new, str) else new)
        != (normalise(old) if isinstance(old, str) else old)
    ]


def _typed_due(value: object) -> RelativeDue | None:
    """A due cell's text when it is a rule or a relative date, to count from
    the row's assignment date (a wrong rule is refused by ``deadline_from``
    with its own sentence); None for a date or an empty cell."""
    if not isinstance(value, str):
        return None
    text = cell_text(value)
    if not text:
        return None
    try:
        rule = parse_due_rule(text)
    except TaskRuleError:
        return RelativeDue(text)
    if rule is not None:
        return RelativeDue(rule.text)
    return RelativeDue(normalise(text)) if is_relative(text) else None


# A row with its code and its task, or the reason it cannot be one.
Built = tuple[SheetRow, str, Task | str]


def build_rows(
    rows: Sequence[SheetRow],
    actor: str,
    today: date,
    calendar: Callable[[], WorkingCalendar] = vietnam_calendar,
) -> list[Built]:
    """Build each row's task, or keep why it cannot be built (pure: only
    ``plan_import`` needs the ledger)."""
    built: list[Built] = []
    for row in rows:
        code = normalise_code(cell_text(row.values.get("code")))
        try:
            built.append((row, code, build_task(row, actor, today, calendar)))
        except TaskRuleError as exc:
            built.append((row, code, str(exc)))
    return built


def prepare_task(
    task: Task,
    encode: Callable[[Any], Any],
    row: int = 0,
    values: dict[str, str] | None = None,
) -> PreparedTask:
    """A new task's pending events, encoded by ``encode`` (the application's
    mapper), and its read-model rows. The rows are made from the aggregate's
    facts, which are exactly its events evolved in order: the projection's
    own ``evolve``."""
    key = str(task.id)
    events = [
        (key, stored.originator_version, stored.topic, stored.state)
        for stored in map(encode, task.collect_events())
    ]
    return PreparedTask(
        row,
        task.facts.code,
        values or {},
        events,
        rows_of(key, task.facts, task.version, 0),
    )


def prepare_rows(
    rows: Sequence[SheetRow],
    actor: str,
    today: date,
    encode: Callable[[Any], Any],
    calendar: Callable[[], WorkingCalendar] = vietnam_calendar,
) -> PreparedChunk:
    """Build and prepare each row's task, or keep why it cannot be built
    (pure: only ``plan_import`` needs the ledger, and the rows before)."""
    chunk = PreparedChunk()
    for row, code, task in build_rows(rows, actor, today, calendar):
        if isinstance(task, str):
            chunk.entries.append((code, Rejected(row.number, code, task, _texts(row))))
        else:
            prepared = prepare_task(task, encode, row.number, _texts(row))
            chunk.entries.append((code, prepared))
    return chunk


def plan_import(
    chunk: PreparedChunk,
    recorded: Callable[[list[str]], dict[str, TaskFacts]],
    seen: dict[str, int],
) -> ImportPlan:
    """Sort a prepared chunk into new, unchanged or rejected; record nothing.

    ``seen`` (code -> row number) carries the codes of the file's earlier
    rows, so a code used twice is caught across chunks too.
    """
    plan = ImportPlan()
    built: list[PreparedTask] = []
    for code, entry in chunk.entries:
        if code in seen:
            reason = f"the code is already used on row {seen[code]}."
            plan.rejected.append(Rejected(entry.row, code, reason, entry.values))
        elif isinstance(entry, Rejected):
            plan.rejected.append(entry)
        else:
            seen[code] = entry.row
            built.append(entry)
    in_ledger = recorded([task.code for task in built])
    for task in built:
        existing = in_ledger.get(task.code)
        if existing is None:
            plan.new.append(task)
            continue
        changed = differences(task.facts, existing)
        if changed:
            reason = f"{CHANGED} {'; '.join(changed)}"
            plan.rejected.append(
                Rejected(task.row, task.code, reason, task.values, tuple(changed))
            )
        else:
            plan.unchanged.append(task.code)
    plan.rejected.sort(key=lambda rejected: rejected.row)
    return plan


def _texts(row: SheetRow) -> dict[str, str]:
    return {column: cell_text(value) for column, value in row.values.items()}


def import_task_list(
    ledger: TaskLedger,
    rows: Iterable[SheetRow],
    actor: str,
    *,
    skip_invalid: bool = False,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 1000,
    in_helper: bool | None = None,
) -> ImportPlan:
    """Check every row and record the new tasks, in one transaction: a
    single bad row refuses the whole file unless ``skip_invalid``, and every
    bad row is still reported.

    Rows are prepared a chunk at a time, by a helper process when there is a
    second core (``in_helper=None``; ``tracker.bulk.forked_helper``), and
    recorded by this one inside that transaction, so only a chunk or two of
    new tasks is ever in memory.
    """
    result = ImportPlan()
    seen: dict[str, int] = {}
    today = ledger.today()
    encode = ledger.mapper.to_stored_event
    # Built here, before a helper is forked: the helper never reads the
    # ledger, and each row of working days counts on the same calendar.
    working = ledger.working_calendar()
    total = 0
    with (
        fewer_collections(),
        prepared_chunks(
            rows,
            lambda chunk: prepare_rows(chunk, actor, today, encode, lambda: working),
            chunk_size,
            in_helper=helper_available() if in_helper is None else in_helper,
        ) as chunks,
        ledger.batch(),
    ):
        for chunk in chunks:
            total += len(chunk)
            plan = plan_import(
                chunk,
                lambda codes: ledger.read_models.facts_by_code(codes, in_batch=True),
                seen,
            )
            plan.new = _without_voided(ledger, plan)
            result.rejected += plan.rejected
            result.unchanged += plan.unchanged
            if skip_invalid or not result.rejected:
                ledger.record_prepared(plan.new)
                result.recorded += len(plan.new)
            if progress is not None:
                progress(len(chunk))
        if result.rejected and not skip_invalid:
            raise ImportRefused(result.rejected, total)
    return result


def _without_voided(ledger: TaskLedger, plan: ImportPlan) -> list[PreparedTask]:
    """The plan's new tasks but those whose code is a task's whose
    assignment was undone (the read models hold no task of it): each such
    row rejected, since ``assign`` records it again, on its own task. (A
    code of a task that stands, recorded meanwhile, the events' unique
    index refuses.)"""
    from tracker.undo import is_voided

    found = ledger.existing_codes([task.code for task in plan.new])
    taken = {code for code in found if is_voided(ledger, code)}
    if not taken:
        return plan.new
    reason = "its assignment was undone; 'tracker assign' records it again."
    plan.rejected += [
        Rejected(task.row, task.code, reason, task.values)
        for task in plan.new
        if task.code in taken
    ]
    return [task for task in plan.new if task.code not in taken]
