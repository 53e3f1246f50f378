"""The read side of the application: listings and reports from read models.

Every query first catches the read models up with the log, so a ledger
written by another process (another clerk, a shared PostgreSQL) is current
before it is answered.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.errors import UnknownTask
from domain.facts import TaskFacts, facts_from_dict
from domain.task import normalise_code
from projections import reports
from projections.tasks import metadata as read_model_metadata
from projections.tasks import task_facts, task_status_spans


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
    catch_up: Any
    tasks: Any

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session on read models that are up to date."""
        self.catch_up.run()
        with self.recorder.transaction(commit=False) as session:
            yield session

    def list_tasks(self, as_of: date, **filters: Any) -> list[Any]:
        """Tasks with their status on ``as_of`` (see ``TaskReadModel.listing``)."""
        with self.reading() as session:
            return self.tasks.listing(session, as_of, **filters)

    def show_task(self, code: str) -> TaskFacts:
        """One task's current facts, from the read model kept by the log."""
        with self.reading() as session:
            facts = self.tasks.facts_of(session, normalise_code(code))
        if facts is None:
            raise UnknownTask(normalise_code(code))
        return facts

    def period_report(
        self, start: date, end: date, as_of: date, by: str | None = None
    ) -> reports.PeriodReport:
        with self.reading() as session:
            return reports.period_report(session, start, end, as_of, by)

    def overdue_report(
        self, as_of: date, due_within: int | None = None, agency: str | None = None
    ) -> dict[str, Any]:
        with self.reading() as session:
            overdue = reports.overdue_tasks(session, as_of, agency)
            soon = (
                reports.due_soon(session, as_of, due_within, agency)
                if due_within is not None
                else []
            )
        return {
            "as_of": as_of.isoformat(),
            "overdue": overdue,
            "due_soon": soon,
            "summary": reports.age_summary(overdue),
        }

    def overdue_codes(self, as_of: date) -> list[str]:
        """Open tasks overdue on ``as_of`` whose lapsed deadline is unmarked."""
        query = (
            select(task_facts.c.facts, task_status_spans.c.due_on)
            .join(
                task_status_spans,
                task_status_spans.c.task_id == task_facts.c.task_id,
            )
            .where(
                task_status_spans.c.status == "overdue",
                task_status_spans.c.valid_from <= as_of,
                task_status_spans.c.valid_until > as_of,
            )
            .order_by(task_facts.c.task_id)
        )
        codes = []
        with self.reading() as session:
            for data, due_on in session.execute(query):
                facts = facts_from_dict(json.loads(data))
                if due_on not in facts.marked_overdue:
                    codes.append(facts.code)
        return codes

    def projection_status(self) -> ProjectionStatus:
        return ProjectionStatus(
            self.catch_up.name, self.catch_up.position(), self.catch_up.head()
        )

    def rebuild_read_models(self, progress: Callable[[int], None] | None = None) -> int:
        """Drop the read models and replay the whole log into them."""
        engine = self.recorder.datastore.engine
        read_model_metadata.drop_all(engine)
        read_model_metadata.create_all(engine)
        with self.recorder.transaction(commit=True) as session:
            self.catch_up.reset(session)
        return self.catch_up.run(progress=progress)
