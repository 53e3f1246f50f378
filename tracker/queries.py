"""The read side of the application: listings and reports from read models.

Every query first catches the read models up with the log, so a ledger
written by another process (another clerk, a shared PostgreSQL) is current
before it is answered.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.errors import DatabaseBusy, IntegrityFailure, UnknownTask
from domain.facts import TaskFacts, facts_from_dict
from domain.limits import checked_code
from projections import reports
from projections.names import OVERDUE, TASK_FACTS, TASKS
from projections.plain_sql import PlainSQL, chunks, in_list
from projections.runner import replay
from tracker import schema
from tracker.bulk_work import fewer_collections
from tracker.chain import Fingerprint
from tracker.connect import Location, connect

# How long a report waits for the projector to reach the end of the log
# (a clerk's role on a hardened PostgreSQL does not write the read models).
READ_WAIT_SECONDS = 2.0
READ_POLL_SECONDS = 0.05
logger = logging.getLogger(__name__)

# Events per rebuild batch: 5,000 (about 1,000 tasks) is as fast as 10,000
# and holds 30 MiB less in batches queued from the helper.
REBUILD_BATCH = 5_000


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    position: int
    head: int

    @property
    def behind(self) -> int:
        return max(self.head - self.position, 0)


class ReadSide:
    """Mixed into ``TaskLedger``; relies on its recorder and catch-up."""

    recorder: Any
    mapper: Any
    catch_up: Any
    tasks: Any
    projects: bool
    _warned: bool
    _batch_depth: int
    fingerprint: Callable[..., Fingerprint]
    _read_models_failed: Callable[[Exception], None]

    @contextmanager
    def reading(self, known_at: int | None = None) -> Iterator[PlainSQL]:
        """A read-only connection on the read models: up to date, or as they were
        when the log ended at position ``known_at`` (rebuilt in memory from
        the events up to there, with the same projection code)."""
        if known_at is None or known_at >= self.catch_up.head():
            self.bring_up_to_date()
            with self.recorder.transaction(commit=False) as sql:
                yield sql
            return
        memory = connect(Location("sqlite", None))
        try:
            sql = PlainSQL(memory)
            sql.execute("BEGIN")  # one transaction: faster, and never committed
            schema.create_missing(sql, self.tasks.tables)
            replay(
                sql,
                recorder=self.recorder,
                mapper=self.mapper,
                read_models=[self.tasks],
                stop=known_at,
            )
            yield sql
        finally:
            memory.close()

    def bring_up_to_date(self) -> None:
        """Before answering from the read models: catch them up with the log
        when this role writes them, or give the projector a moment
        (``READ_WAIT_SECONDS``) to do it. Either way the answer then comes from
        the read models as they stand, saying how far behind they are."""
        if self.projects:
            try:
                self.catch_up.run()
            except DatabaseBusy:
                pass  # another process is applying them: answer as they stand
            except IntegrityFailure:
                raise  # tampered with: no figure is worth printing
            except Exception as error:
                self._read_models_failed(error)
            return
        if self._batch_depth:
            return  # the events of the open batch are not the projector's yet
        deadline = time.monotonic() + READ_WAIT_SECONDS
        while self.catch_up.lag() and time.monotonic() < deadline:
            time.sleep(READ_POLL_SECONDS)
        behind = self.catch_up.lag()
        if behind and not self._warned:
            self._warned = True
            logger.warning(
                "The read models are %d events behind the ledger (is 'tracker "
                "projections follow' running?); answering from them as they stand.",
                behind,
            )

    def _consistent(
        self, known_at: int | None, query: Callable[[PlainSQL], Any]
    ) -> tuple[Any, Fingerprint, int]:
        """Run ``query``; name the log position its answer reflects, and how
        many events the log holds beyond it.

        Under READ COMMITTED (PostgreSQL) another clerk may commit between two
        statements, so the position is read before and after: a moved position
        means the answer may mix two states, and it is asked again.
        """
        while True:
            with self.reading(known_at) as sql:
                if known_at is not None and known_at < self.catch_up.head():
                    return query(sql), self.fingerprint(known_at), 0
                before = self.catch_up.position(sql)
                answer = query(sql)
                if self.catch_up.position(sql) == before:
                    behind = max(self.catch_up.head() - before, 0)
                    return answer, self.fingerprint(before), behind

    def list_tasks(
        self, as_of: date, known_at: int | None = None, **filters: Any
    ) -> list[Any]:
        """Tasks with their status on ``as_of`` (see ``TaskReadModel.listing``)."""
        with self.reading(known_at) as sql:
            return self.tasks.listing(sql, as_of, **filters)

    def show_task(self, code: str, known_at: int | None = None) -> TaskFacts:
        """One task's facts, from the read model kept by the log."""
        code = checked_code(code)
        with self.reading(known_at) as sql:
            facts = self.tasks.facts_of(sql, code)
        if facts is None:
            raise UnknownTask(code)
        return facts

    def facts_by_code(self, codes: list[str]) -> dict[str, TaskFacts]:
        """The recorded facts of those of ``codes`` the ledger holds."""
        found: dict[str, TaskFacts] = {}
        with self.reading() as sql:
            for chunk in chunks(codes):
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

    def period_report(
        self,
        start: date,
        end: date,
        as_of: date,
        by: str | None = None,
        known_at: int | None = None,
    ) -> reports.PeriodReport:
        result, fingerprint, behind = self._consistent(
            known_at,
            lambda sql: reports.period_report(sql, start, end, as_of, by),
        )
        result.ledger = fingerprint
        result.behind = behind
        return result

    def overdue_report(
        self,
        as_of: date,
        due_within: int | None = None,
        agency: str | None = None,
        known_at: int | None = None,
        *,
        encoded: bool = False,
    ) -> dict[str, Any]:
        answer, fingerprint, behind = self._consistent(
            known_at,
            lambda sql: reports.overdue_answer(
                sql, as_of, due_within, agency, encoded=encoded
            ),
        )
        return {**answer, "ledger": fingerprint.as_dict(), "behind": behind}

    def overdue_codes(self, as_of: date) -> list[str]:
        """Open tasks overdue on ``as_of`` whose lapsed deadline is unmarked."""
        codes = []
        with self.reading() as sql:
            rows = sql.rows(
                f"SELECT f.facts, o.due_day FROM {OVERDUE} o"
                f" JOIN {TASK_FACTS} f ON f.task_id = o.task_id"
                f" WHERE {reports.covering('o')} ORDER BY f.task_id",
                as_of=as_of,
            )
            for data, due_day in rows:
                facts = facts_from_dict(json.loads(data))
                if date.fromordinal(due_day) not in facts.marked_overdue:
                    codes.append(facts.code)
        return codes

    def projection_status(self) -> ProjectionStatus:
        return ProjectionStatus(
            self.catch_up.name, self.catch_up.position(), self.catch_up.head()
        )

    def rebuild_read_models(
        self,
        progress: Callable[[int], None] | None = None,
        batch_size: int = REBUILD_BATCH,
        in_helper: bool | None = None,
    ) -> int:
        """Drop the read models and replay the whole log into them, task by
        task (``tracker.rebuild``); how many events.

        One transaction: until it commits, readers keep the old read models,
        and a rebuild that fails half-way leaves them as they were. It is also
        faster: each index page is written once, not once per batch.
        """
        from tracker.rebuild import rebuild

        with fewer_collections(), self.recorder.transaction(commit=True) as sql:
            applied, head = rebuild(
                sql,
                recorder=self.recorder,
                mapper=self.mapper,
                read_model=self.tasks,
                batch_size=batch_size,
                progress=progress,
                in_helper=in_helper,
            )
            self.catch_up.rebuilt(sql, head)
            return applied
