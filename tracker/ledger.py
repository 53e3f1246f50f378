"""The application: use cases over the event-sourced task ledger.

Use cases take and return plain values. Each change loads one task (never the
whole ledger), lets the aggregate check its rules, and saves; when another
writer changed the task in between, the save conflicts, and the use case
reloads, re-checks and retries. After every write the read models are caught
up from the log, unless a batch is open, in which case the batch catches up
once after it commits.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Mapper

from domain.errors import (
    ConcurrentChange,
    DatabaseBusy,
    DuplicateTask,
    IntegrityFailure,
    TaskRuleError,
    TrackerError,
    UnknownTask,
)
from domain.facts import TaskFacts
from domain.limits import checked_code
from domain.task import Task, normalise_code, task_id
from projections.runner import CatchUp
from projections.tasks import TaskReadModel
from tracker.archive import Archive
from tracker.audit import Audit
from tracker.bulk_work import fewer_collections
from tracker.names import READ_MODELS_NAME
from tracker.queries import ReadSide
from tracker.store import DateAsISO
from tracker.topics import KnownEventsMapper, event_topics

CHANGE_RETRIES = 12
logger = logging.getLogger(__name__)


class TaskLedger(ReadSide, Audit, Archive, Application):
    """The tracker's event-sourced application (tables ``tracker_*``)."""

    name = "tracker"
    env = {"PERSISTENCE_MODULE": "tracker.store:LedgerFactory"}

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        today: Callable[[], date],
    ) -> None:
        super().__init__(env)
        self.today = today
        self.datastore = self.recorder.datastore  # type: ignore[attr-defined]
        self.tasks = TaskReadModel()
        missing = self.datastore.missing_tables(self.tasks.tables)
        self.catch_up = CatchUp(
            name=READ_MODELS_NAME,
            recorder=self.recorder,
            mapper=self.mapper,
            tracking_table=self.recorder.tracking_table,  # type: ignore[attr-defined]
            read_models=[self.tasks],
        )
        self._batch_depth = 0
        self.recorder.install_append_path(  # type: ignore[attr-defined]
            *(sorted(topics) for topics in event_topics())
        )
        # Whether this role writes the read models: on a hardened PostgreSQL
        # a clerk may only append, and a projector keeps them current.
        self.projects = self.recorder.may_write(  # type: ignore[attr-defined]
            self.recorder.tracking_table  # type: ignore[attr-defined]
        )
        self._warned = False
        if missing and self.catch_up.position() > 0 and self.projects:
            # A read-model table that this version adds (or that was dropped)
            # would be empty while the tracking says the log is applied: make
            # them all again from the log, created in the same transaction.
            # Logged, so a clerk who waits for it knows why (the CLI shows
            # the tracker's warnings as lines on stderr).
            logger.warning(
                "The read models have no %s table (new in this version): "
                "rebuilding them from the log, once.",
                ", ".join(missing),
            )
            self.rebuild_read_models()
        elif missing and self.projects:
            self.datastore.ensure_tables(self.tasks.tables)

    def construct_mapper(self) -> Mapper[Any]:
        return KnownEventsMapper(transcoder=self.construct_transcoder())

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    # -- writing --------------------------------------------------------------

    def save(self, *objs: Any, **kwargs: Any) -> list[Any]:
        """Record the events, their chain rows and their read-model rows in
        one transaction: all of it, or nothing.

        The read-model rows are written through from the events in memory
        when the read models stand right before them; otherwise (another
        writer's events are still to apply) they are caught up from the log
        once the events are committed, at once or when the open batch ends.
        """
        with self.recorder.transaction(commit=True):  # type: ignore[attr-defined]
            recordings = super().save(*objs, **kwargs)
            current = self._write_through(
                [recording.domain_event for recording in recordings],
                [recording.notification.id for recording in recordings],
            )
        if not current and self._batch_depth == 0:
            self.refresh_read_models()
        return recordings

    def _notify(self, recordings: list[Any]) -> None:
        """Nothing: ``save`` writes the read models in its own transaction."""

    def _write_through(self, events: list[Any], positions: list[int]) -> bool:
        """Apply events just recorded, in the recording transaction; ``False``
        when the read models must catch up from the log instead. A role that
        does not write the read models leaves them to the projector."""
        return not self.projects or self.catch_up.apply_recorded(events, positions)

    def refresh_read_models(self) -> None:
        """Catch the read models up with the log after a commit, if this
        role writes them.

        What was recorded is committed by now, so a failure here is not a
        refusal: it is said on stderr, the command goes on, and reports
        answer from the read models as they stand and say how far behind
        they are.
        """
        if not self.projects:
            return
        try:
            self.catch_up.run(blocking=False)
        except DatabaseBusy:
            return  # another process is applying them
        except Exception as error:
            self._read_models_failed(error)

    def _read_models_failed(self, error: Exception) -> None:
        if self._warned:
            return
        self._warned = True
        logger.warning(
            "Everything recorded is kept, but the read models could not be "
            "brought up to date (%s: %s); reports say how far behind they are. "
            "Run 'tracker projections rebuild'.",
            type(error).__name__,
            error,
        )

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Record everything inside atomically: all of it, or none of it.

        The append lock is taken first: a batch reads before it writes, and two
        batches that both read and then both waited for the lock would deadlock.
        """
        with self.recorder.transaction(commit=True) as sql:  # type: ignore[attr-defined]
            if self._batch_depth == 0:
                self.recorder.lock_appends(sql)  # type: ignore[attr-defined]
            self._batch_depth += 1
            try:
                yield
            finally:
                self._batch_depth -= 1
        if self._batch_depth == 0:
            self.refresh_read_models()

    def _load(self, code: str) -> Task:
        code = checked_code(code)  # so that a refusal never echoes a control
        try:
            return self.repository.get(task_id(code))  # type: ignore[return-value]
        except AggregateNotFoundError:
            raise UnknownTask(code) from None

    def exists(self, code: str) -> bool:
        return bool(self.existing_codes([code]))

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

    def assign_task(self, *, actor: str, **fields: Any) -> TaskFacts:
        code = checked_code(fields["code"])
        if self.exists(code):
            raise DuplicateTask(code)
        task = Task.assign(actor=actor, today=self.today(), **fields)
        try:
            self.save(task)
        except IntegrityError:
            raise DuplicateTask(task.facts.code) from None
        return task.facts

    def record_new_tasks(
        self,
        tasks: list[Task],
        chunk_size: int = 2000,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Save many new tasks (built and checked in memory) in few transactions.

        All or nothing: one transaction for the whole list; a code already in
        the ledger (or twice in the list) refuses all of it.
        """
        from tracker.importing import prepare_task

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
                    raise DuplicateTask(sorted(taken)[0])
                self.record_prepared([prepare_task(task, encode) for task in chunk])
                if progress is not None:
                    progress(len(chunk))
        return len(tasks)

    def record_prepared(self, tasks: list[Any]) -> None:
        """Record prepared new tasks (``importing.PreparedTask``): their
        events, and their read-model rows written through.

        The event store itself, as ``save`` would, without its per-aggregate
        protocol checks (a tenth of an import); the events table's unique
        index still refuses a code recorded meanwhile.
        """
        from projections.tasks import TaskRows

        if not tasks:
            return
        try:
            positions = self.recorder.insert_encoded(  # type: ignore[attr-defined]
                [event for task in tasks for event in task.events]
            )
        except IntegrityError:
            raise DuplicateTask(tasks[0].code) from None
        rows = TaskRows()
        recorded = 0
        for task in tasks:
            recorded += len(task.events)
            task_row = (*task.rows.task[:-1], positions[recorded - 1])
            rows.add_rows(task.rows._replace(task=task_row))
        # The prepared rows are the task read model's: the only one kept.
        assert list(self.catch_up.read_models) == [self.tasks]
        written = not self.projects or self.catch_up.write_through(
            positions, rows.insert
        )
        if not written and self._batch_depth == 0:
            self.refresh_read_models()

    def import_task_list(
        self,
        rows: Iterable[Any],
        actor: str,
        *,
        skip_invalid: bool = False,
        progress: Callable[[int], None] | None = None,
        chunk_size: int = 1000,
        in_helper: bool | None = None,
    ) -> Any:
        """Check every row and record the new tasks (see ``importing``), in one
        transaction: a single bad row refuses the whole file unless
        ``skip_invalid``, and every bad row is still reported.

        Rows are prepared a chunk at a time, by a helper process when there
        is a second core (``in_helper=None``; see ``forked_helper``), and
        recorded by this one inside that transaction, so only a chunk or two
        of new tasks is ever in memory.
        """
        from tracker.forked_helper import helper_available, prepared_chunks
        from tracker.importing import (
            ImportPlan,
            ImportRefused,
            plan_import,
            prepare_rows,
        )

        result = ImportPlan()
        seen: dict[str, int] = {}
        today = self.today()
        encode = self.mapper.to_stored_event
        total = 0
        with (
            fewer_collections(),
            prepared_chunks(
                rows,
                lambda chunk: prepare_rows(chunk, actor, today, encode),
                chunk_size,
                in_helper=helper_available() if in_helper is None else in_helper,
            ) as chunks,
            self.batch(),
        ):
            for chunk in chunks:
                total += len(chunk)
                plan = plan_import(chunk, self.facts_by_code, seen)
                result.rejected += plan.rejected
                result.unchanged += plan.unchanged
                if skip_invalid or not result.rejected:
                    self.record_prepared(plan.new)
                    result.recorded += len(plan.new)
                if progress is not None:
                    progress(len(chunk))
            if result.rejected and not skip_invalid:
                raise ImportRefused(result.rejected, total)
        return result

    def existing_codes(self, codes: list[str]) -> set[str]:
        """Which of these task codes the ledger already holds."""
        ids = {task_id(code): normalise_code(code) for code in codes}
        first = self.recorder.select_first_events(ids)  # type: ignore[attr-defined]
        return {ids[originator_id] for originator_id, _ in first}

    def extend_deadline(self, code: str, **fields: Any) -> TaskFacts:
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

    def cancel_task(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.cancel(today=self.today(), **fields)
        )

    def correct_task(self, code: str, **fields: Any) -> TaskFacts:
        return self._change(
            code, lambda task: task.correct(today=self.today(), **fields)
        )

    def sweep_overdue(self, as_of: date, actor: str) -> int:
        """Record ``MarkedOverdue`` once per lapsed deadline of each open task.

        Candidates come from the read model (overdue on ``as_of``); each is then
        re-checked on its own aggregate, so a second sweep records nothing.
        """
        if as_of > self.today():
            raise TaskRuleError(
                f"Cannot sweep as of {as_of:%d/%m/%Y}: it is in the future."
            )
        marked: set[str] = set()

        def mark(task: Task) -> None:
            if task.mark_overdue(as_of=as_of, actor=actor):
                marked.add(task.facts.code)

        with self.batch():
            for code in self.overdue_codes(as_of):
                self._change(code, mark)
        return len(marked)

    def restore_lines(
        self, lines: Iterable[str], progress: Callable[[int], None] | None = None
    ) -> int:
        """Load an export (``Archive.restore_lines``) and build the read models
        from it in the same transaction: a file whose events the read models
        cannot take is refused whole, like a broken chain, and nothing is kept.
        """
        with self.recorder.transaction(commit=True) as sql:  # type: ignore[attr-defined]
            self.recorder.lock_appends(sql)  # type: ignore[attr-defined]
            count = super().restore_lines(lines, progress)
            try:
                # The helper could not see these rows before they commit.
                self.rebuild_read_models(in_helper=False)
            except TrackerError:
                raise
            except Exception as error:
                raise IntegrityFailure(
                    "The file's events cannot be applied to the read models "
                    f"({type(error).__name__}: {error}); nothing was restored."
                ) from None
        return count

    # -- reading the ledger itself ----------------------------------------------

    def task_facts(self, code: str) -> TaskFacts:
        """A task's facts from its own events (the ledger, not a read model)."""
        return self._load(code).facts

    def task_events(self, code: str) -> list[Any]:
        """Every event of one task, oldest first."""
        self._load(code)
        return list(self.events.get(task_id(code)))
