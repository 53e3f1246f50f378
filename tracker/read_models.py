"""Keeping the read models current, and reading them at one log position.

The application writes a command's read-model rows in the transaction that
records its events (``write_through``); when that is not possible (another
writer's events still to apply) they catch up from the log after the commit
(``refresh``), and a failure there refuses nothing, since the events are
kept: it is said once, and answers say how far behind the read models are.
On a hardened PostgreSQL a clerk's role writes no read model at all: the
projector does (``tracker.projector``), and a clerk's report gives it
``READ_WAIT_SECONDS`` to reach the end of the log.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.persistence import Mapper

from database import ddl
from database.connect import Location, connect
from database.notices import notice
from database.plain_sql import PlainSQL
from domain.errors import DatabaseBusy, IntegrityFailure
from domain.facts import TaskFacts
from projections.calendar import CalendarReadModel
from projections.catch_up import CatchUp, replay
from projections.directory import DirectoryReadModel
from projections.tables import READ_MODELS_NAME
from projections.tasks import TaskReadModel
from tracker.bulk.collector import fewer_collections
from tracker.eventstore.recorder import LedgerRecorder
from tracker.views import Consistent, from_read_models

READ_WAIT_SECONDS = 2.0
READ_POLL_SECONDS = 0.05
REBUILD_BATCH = 5_000  # events per batch (``bench/README.md``)
Answer = TypeVar("Answer")


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    position: int
    head: int

    @property
    def behind(self) -> int:
        return max(self.head - self.position, 0)


class ReadModels:
    """The read models of one ledger (the tasks', the directory's and the
    calendar's, under one tracking row, so that all stand at one position),
    and their upkeep."""

    def __init__(self, store: LedgerRecorder, mapper: Mapper[Any]) -> None:
        self.store = store
        self.mapper = mapper
        self.tasks = TaskReadModel(self.task_history)
        self.directory = DirectoryReadModel()
        self.calendar = CalendarReadModel()
        self.models = (self.tasks, self.directory, self.calendar)
        self.catch_up = CatchUp(
            name=READ_MODELS_NAME,
            recorder=store,
            mapper=mapper,
            tracking_table=store.tracking_table,
            read_models=self.models,
        )
        # Whether this role writes the read models: on a hardened PostgreSQL
        # a clerk may only append, and a projector keeps them current.
        self.projects = store.may_write(store.tracking_table)
        self.warned = False

    def task_history(self, task_id: UUID, version: int) -> list[Any]:
        """A task's events up to ``version``, from the log (read in the
        transaction at hand, which sees the events it recorded): a void is
        applied by refolding them (``domain.voiding``)."""
        stored = self.store.select_events(task_id, lte=version)
        return [self.mapper.to_domain_event(event) for event in stored]

    def open(self) -> None:
        """Make sure the tables exist. A table this version adds (or that
        was dropped) would be empty while the tracking says the log is
        applied: then every read model is made again from the log, saying
        so, since a clerk waits for it."""
        if not self.projects:
            return
        datastore = self.store.datastore
        missing = [
            name
            for model in self.models
            for name in datastore.missing_tables(model.tables)
        ]
        if missing and self.catch_up.position() > 0:
            notice(
                __name__,
                "The read models have no %s table (new in this version): "
                "rebuilding them from the log, once.",
                ", ".join(missing),
            )
            self.rebuild()
        elif missing:
            for model in self.models:
                datastore.ensure_tables(model.tables, model.definitions)

    # -- writing ------------------------------------------------------------

    def write_through(self, events: Sequence[Any], positions: Sequence[int]) -> bool:
        """Apply events just recorded, in the recording transaction; ``False``
        when they must catch up from the log instead. A role that does not
        write the read models leaves them to the projector."""
        return not self.projects or self.catch_up.apply_recorded(events, positions)

    def write_rows(self, positions: Sequence[int], rows: Any) -> bool:
        """``write_through`` for rows already made (an import's)."""
        return not self.projects or self.catch_up.write_through(positions, rows.insert)

    def refresh(self) -> None:
        """Catch up with the log after a commit, if this role writes them.
        What was recorded is committed by now: a failure is said, never
        raised."""
        if not self.projects:
            return
        try:
            self.catch_up.run(blocking=False)
        except DatabaseBusy:
            return  # another process is applying them
        except Exception as error:
            self.failed(error)

    def failed(self, error: Exception) -> None:
        if self.warned:
            return
        self.warned = True
        notice(
            __name__,
            "Everything recorded is kept, but the read models could not be "
            "brought up to date (%s: %s); reports say how far behind they are. "
            "Run 'tracker projections rebuild'.",
            type(error).__name__,
            error,
        )

    def rebuild(
        self,
        progress: Callable[[int], None] | None = None,
        batch_size: int = REBUILD_BATCH,
        in_helper: bool | None = None,
    ) -> int:
        """Empty the read models and replay the whole log into them, task by
        task (``tracker.bulk.rebuild``); how many events. One transaction:
        until it commits, readers keep the old read models, and a rebuild
        that fails half-way leaves them as they were."""
        from tracker.bulk.rebuild import rebuild

        with fewer_collections(), self.store.transaction(commit=True) as sql:
            applied, head = rebuild(
                sql,
                recorder=self.store,
                mapper=self.mapper,
                read_model=self.tasks,
                directory=self.directory,
                calendar=self.calendar,
                batch_size=batch_size,
                progress=progress,
                in_helper=in_helper,
            )
            self.catch_up.rebuilt(sql, head)
            return applied

    def status(self) -> ProjectionStatus:
        return ProjectionStatus(
            self.catch_up.name, self.catch_up.position(), self.catch_up.head()
        )

    # -- reading ------------------------------------------------------------

    def bring_up_to_date(self, *, in_batch: bool = False) -> None:
        """Before answering: catch up with the log when this role writes the
        read models, or give the projector a moment to do it (not for a
        batch's own reads: its events are not the projector's to see yet)."""
        if self.projects:
            try:
                self.catch_up.run()
            except DatabaseBusy:
                pass  # another process is applying them: answer as they stand
            except IntegrityFailure:
                raise  # tampered with: no figure is worth printing
            except Exception as error:
                self.failed(error)
            return
        if in_batch:
            return
        deadline = time.monotonic() + READ_WAIT_SECONDS
        while self.catch_up.lag() and time.monotonic() < deadline:
            time.sleep(READ_POLL_SECONDS)
        behind = self.catch_up.lag()
        if behind and not self.warned:
            self.warned = True
            notice(
                __name__,
                "The read models are %d event%s behind the ledger (is 'tracker "
                "projections follow' running?); answering from them as they stand.",
                behind,
                "" if behind == 1 else "s",
            )

    @contextmanager
    def reading(
        self, known_at: int | None = None, *, in_batch: bool = False
    ) -> Iterator[PlainSQL]:
        """A read-only connection on the read models: as current as they can
        be, or as they were when the log ended at position ``known_at``
        (replayed in memory from the events up to there, by the same
        projection code)."""
        if known_at is None or known_at >= self.catch_up.head():
            self.bring_up_to_date(in_batch=in_batch)
            with self.store.transaction(commit=False) as sql:
                yield sql
            return
        memory = connect(Location("sqlite", None))
        try:
            sql = PlainSQL(memory)
            sql.execute("BEGIN")  # one transaction: faster, and never committed
            for model in self.models:
                ddl.create_missing(sql, model.tables, model.definitions)
            replay(
                sql,
                recorder=self.store,
                mapper=self.mapper,
                read_models=self.models,
                stop=known_at,
            )
            yield sql
        finally:
            memory.close()

    def consistent(
        self, query: Callable[[PlainSQL], Answer], known_at: int | None = None
    ) -> Consistent:
        """``query``'s answer with the log position it reflects.

        Under READ COMMITTED (PostgreSQL) another clerk may commit between two
        statements, so the position is read before and after: a moved position
        means the answer may mix two states, and it is asked again.
        """
        while True:
            with self.reading(known_at) as sql:
                if known_at is not None and known_at < self.catch_up.head():
                    answer = from_read_models(query, sql)
                    return Consistent(answer, self.store.fingerprint(known_at), 0)
                before = self.catch_up.position(sql)
                answer = from_read_models(query, sql)
                if self.catch_up.position(sql) == before:
                    behind = max(self.catch_up.head() - before, 0)
                    return Consistent(answer, self.store.fingerprint(before), behind)

    def facts_by_code(
        self, codes: list[str], *, in_batch: bool = False
    ) -> dict[str, TaskFacts]:
        """The recorded facts of those of ``codes`` the ledger holds."""
        with self.reading(in_batch=in_batch) as sql:
            return from_read_models(lambda s: self.tasks.facts_by_code(s, codes), sql)

    def unmarked_overdue(self, as_of: date, *, in_batch: bool = False) -> list[str]:
        """Open tasks overdue on ``as_of`` whose lapsed deadline is unmarked."""
        with self.reading(in_batch=in_batch) as sql:
            return from_read_models(
                lambda s: self.tasks.unmarked_overdue(s, as_of), sql
            )
