"""The application: use cases over the event-sourced task ledger.

Use cases take and return plain values. Each change loads one task (never the
whole ledger), lets the aggregate check its rules, and saves; when another
writer changed the task in between, the save conflicts, and the use case
reloads, re-checks and retries. A save records the events, their chain rows
and their read-model rows in one transaction (``tracker.read_models``).

The application is composed here of the objects it is given or gives: its
event store (``store``), its read models (``read_models``), its audit
(``audit``) and archive (``archive``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Mapper

from domain.codes import normalise_code, task_id
from domain.due_rules import deadline_from
from domain.errors import ConcurrentChange, DuplicateTask, TaskRuleError, UnknownTask
from domain.facts import TaskFacts
from domain.limits import checked_code
from domain.task import Task
from projections.task_rows import TaskRows
from tracker.eventstore.factory import DateAsISO
from tracker.eventstore.recorder import EncodedEvent, LedgerRecorder
from tracker.eventstore.topics import KnownEventsMapper
from tracker.read_models import ReadModels
from tracker.record_changes import CHANGE_RETRIES

if TYPE_CHECKING:  # the directory, the calendar and the audit load when used
    from domain.working_days import WorkingCalendar
    from tracker.audit.archive import Archive
    from tracker.audit.verify import Audit


class TaskLedger(Application[Any]):
    """The tracker's event-sourced application (tables ``tracker_*``)."""

    name = "tracker"
    env = {"PERSISTENCE_MODULE": "tracker.eventstore.factory:LedgerFactory"}

    def __init__(
        self, env: dict[str, str] | None = None, *, today: Callable[[], date]
    ) -> None:
        super().__init__(env)
        self.today = today
        self.store = cast(LedgerRecorder, self.recorder)
        self.store.install_append_path()
        self.read_models = ReadModels(self.store, self.mapper)
        self.read_models.open()
        self._batch_depth = 0

    @cached_property
    def audit(self) -> Audit:
        """Verification of the chain and the read models (``verify``)."""
        from tracker.audit.verify import Audit

        return Audit(self.store, self.mapper, self.read_models)

    @cached_property
    def archive(self) -> Archive:
        """Export and restore of the whole ledger."""
        from tracker.audit.archive import Archive

        return Archive(self.store, self.audit, self.read_models)

    def construct_mapper(self) -> Mapper[Any]:
        return KnownEventsMapper(transcoder=self.construct_transcoder())

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    # -- recording ----------------------------------------------------------

    def save(self, *objs: Any, **kwargs: Any) -> list[Any]:
        """Record the events, their chain rows and their read-model rows in
        one transaction: all of it, or nothing. When the read models do not
        stand right before the events, they catch up from the log once the
        events are committed (at once, or when the open batch ends)."""
        with self.store.transaction(commit=True):
            recordings = super().save(*objs, **kwargs)
            current = self.read_models.write_through(
                [recording.domain_event for recording in recordings],
                [recording.notification.id for recording in recordings],
            )
        if not current and self._batch_depth == 0:
            self.read_models.refresh()
        return recordings

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Record everything inside atomically: all of it, or none of it.

        The append lock is taken first: a batch reads before it writes, and two
        batches that both read and then both waited for the lock would deadlock.
        """
        with self.store.transaction(commit=True) as sql:
            if self._batch_depth == 0:
                self.store.lock_appends(sql)
            self._batch_depth += 1
            try:
                yield
            finally:
                self._batch_depth -= 1
        if self._batch_depth == 0:
            self.read_models.refresh()

    @property
    def in_batch(self) -> bool:
        return self._batch_depth > 0

    def record_new_tasks(
        self,
        tasks: list[Task],
        chunk_size: int = 2000,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Save many new tasks (built and checked in memory) in one
        transaction; a code already in the ledger (or twice in the list)
        refuses all of it."""
        from tracker.bulk.importing import prepare_task

        seen: set[str] = set()
        for task in tasks:
            if task.facts.code in seen:
                raise DuplicateTask(task.facts.code)
            seen.add(task.facts.code)
        encode = self.mapper.to_stored_event
        with self.batch():
            for start in range(0, len(tasks), chunk_size):
                chunk = tasks[start : start + chunk_size]
                taken = self.existing_codes([task.facts.code for task in chunk])
                if taken:
                    from tracker.undo import taken_code

                    raise taken_code(self, sorted(taken)[0])
                self.record_prepared([prepare_task(task, encode) for task in chunk])
                if progress is not None:
                    progress(len(chunk))
        return len(tasks)

    def record_prepared(self, tasks: list[Any]) -> None:
        """Record new tasks prepared as plain data (``PreparedTask``: encoded
        events and read-model rows) through the event store itself, without
        the per-aggregate protocol checks of ``save``, which the new tasks
        have passed; the events table's unique index still refuses a code
        recorded meanwhile."""
        if not tasks:
            return
        events: list[EncodedEvent] = [event for task in tasks for event in task.events]
        try:
            positions = self.store.insert_encoded(events)
        except IntegrityError:
            raise DuplicateTask(tasks[0].code) from None
        rows = TaskRows()
        recorded = 0
        for task in tasks:
            recorded += len(task.events)
            task_row = (*task.rows.task[:-1], positions[recorded - 1])
            rows.add_rows(task.rows._replace(task=task_row))
        if not self.read_models.write_rows(positions, rows) and not self.in_batch:
            self.read_models.refresh()

    # -- use cases ------------------------------------------------------------

    def _load(self, code: str) -> Task:
        code = checked_code(code)  # so that a refusal never echoes a control
        try:
            task = cast(Task, self.repository.get(task_id(code)))
        except AggregateNotFoundError:
            raise self.unknown(code) from None
        if task.facts is None:  # its assignment was voided
            from tracker.undo import undone_assignment

            raise undone_assignment(code)
        return task

    def unknown(self, code: str) -> UnknownTask:
        """The refusal of a code no task has: one that names a schedule says
        where its periods are, since a clerk types the schedule's code for
        one of them."""
        from tracker.schedules import find_schedule

        if find_schedule(self, code) is not None:
            return UnknownTask(
                code,
                f"{code} is a periodic task's schedule, not a task; its periods "
                f"are listed by 'tracker list --schedule {code}'.",
            )
        return UnknownTask(code)

    def _change(self, code: str, command: Callable[[Task], Any]) -> TaskFacts:
        """Apply ``command`` to the task and save, retrying on conflicts."""
        for attempt in range(1, CHANGE_RETRIES + 1):
            task = self._load(code)
            command(task)
            if not task.pending_events:
                return task.facts
            try:
                self.save(task)
            except IntegrityError:
                if self._batch_depth:
                    break  # the batch's transaction is spoiled; refuse it whole
                time.sleep(random.uniform(0, 0.005) * attempt)  # let the winner go
                continue
            return task.facts
        raise ConcurrentChange(checked_code(code))

    def working_calendar(self) -> WorkingCalendar:
        """The calendar deadlines in working days are counted on: the
        package's, with the Office's corrections as its own events say
        (not a read model, which may lag behind)."""
        from tracker.calendar_cases import recorded_calendar

        return recorded_calendar(self)

    def assign_task(self, *, actor: str, **fields: Any) -> TaskFacts:
        """``due_on`` may be a ``RelativeDue`` (``10wd``, ``+10d``, ``eom``),
        counted from the assignment date, not from today."""
        from tracker.schedules import refuse_schedule_code
        from tracker.undo import voided_task

        code = checked_code(fields["code"])
        voided = voided_task(self, code) if self.existing_codes([code]) else None
        refuse_schedule_code(self, code)
        fields["due_on"], fields["due_rule"] = deadline_from(
            fields["due_on"], fields["assigned_on"], self.working_calendar
        )
        task = Task.assign(actor=actor, today=self.today(), **fields)
        if voided is not None:
            voided.assign_again(task)
        try:
            self.save(voided or task)
        except IntegrityError:
            raise DuplicateTask(task.facts.code) from None
        return task.facts

    def exists(self, code: str) -> bool:
        return bool(self.existing_codes([code]))

    def existing_codes(self, codes: list[str]) -> set[str]:
        """Which of these task codes the ledger already holds."""
        ids = {task_id(code): normalise_code(code) for code in codes}
        first = self.store.select_first_events(ids)
        return {ids[originator_id] for originator_id, _ in first}

    def extend_deadline(self, code: str, **fields: Any) -> TaskFacts:
        """``to`` may be a ``RelativeDue``, counted from the extension date
        (``on``), once: retrying a conflicting save keeps the date."""
        fields["to"], fields["due_rule"] = deadline_from(
            fields["to"],
            fields["on"],
            self.working_calendar,
            "new due date",
            "extension date",
        )
        return self._change(
            code, lambda task: task.extend_deadline(today=self.today(), **fields)
        )

    def reassign_task(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.reassign(today=self.today(), **fields)
        )

    def note_progress(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.note_progress(today=self.today(), **fields)
        )

    def complete_task(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.complete(today=self.today(), **fields)
        )

    def reopen_task(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.reopen(today=self.today(), **fields)
        )

    def confirm_completion(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.confirm(today=self.today(), **fields)
        )

    def remind_tasks(
        self, codes: Sequence[str], *, on: date, document: str, actor: str
    ) -> list[TaskFacts]:
        """Record one reminder on each task: all of them, or none (one
        letter chases them together, and a refused one refuses the letter)."""
        if not codes:
            raise TaskRuleError("No task to remind.")
        with self.batch():
            return [
                self._change(
                    code,
                    lambda task: task.remind(
                        on=on, document=document, actor=actor, today=self.today()
                    ),
                )
                for code in codes
            ]

    def cancel_task(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.cancel(today=self.today(), **fields)
        )

    def correct_task(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.correct(today=self.today(), **fields)
        )

    def sweep(self, as_of: date, actor: str) -> tuple[int, int]:
        """Record the periodic tasks' occurrences begun by ``as_of``, then
        mark lapsed deadlines (theirs too), in one batch: how many of each."""
        from tracker.schedules import record_due_occurrences

        refuse_future_sweep(as_of, self.today())
        with self.batch():
            recorded = record_due_occurrences(self, as_of, actor)
            return recorded, self.sweep_overdue(as_of, actor)

    def sweep_overdue(self, as_of: date, actor: str) -> int:
        """Record ``MarkedOverdue`` once per lapsed deadline of each open task.

        Candidates come from the read model (overdue on ``as_of``); each is then
        re-checked on its own aggregate, so a second sweep records nothing.
        ``sweep`` records the periodic tasks' occurrences first.
        """
        refuse_future_sweep(as_of, self.today())
        marked: set[str] = set()

        def mark(task: Task) -> None:
            if task.mark_overdue(as_of=as_of, actor=actor):
                marked.add(task.facts.code)

        with self.batch():
            for code in self.read_models.unmarked_overdue(as_of, in_batch=True):
                self._change(code, mark)
        return len(marked)

    # -- the ledger itself ----------------------------------------------------

    def task_facts(self, code: str) -> TaskFacts:
        """A task's facts from its own events (the ledger, not a read model)."""
        return self._load(code).facts

    def task_events(self, code: str) -> list[Any]:
        """Every event of one task, oldest first."""
        self._load(code)
        return list(self.events.get(task_id(code)))


def refuse_future_sweep(as_of: date, today: date) -> None:
    if as_of > today:
        raise TaskRuleError(
            f"Cannot sweep as of {as_of:%d/%m/%Y}: it is in the future."
        )
