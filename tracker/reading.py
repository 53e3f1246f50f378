"""The one read path: reports and listings at one consistent log position.

``Reading`` answers from the read models when they already reflect the whole
log, on a connection of its own that needs neither eventsourcing nor the
application, so that what the Office runs most starts quickly. Otherwise
(read models behind, an answer as known at a past moment, anything in
doubt) it opens the ledger, which catches them up, or gives the projector a
moment, and answers with how far behind they still are. Callers never
choose a path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from database.connect import open_existing
from database.plain_sql import PlainSQL
from domain.limits import checked_code
from domain.rules import Roll
from projections import reports
from projections.calendar import load_calendar
from projections.directory import load_directory
from projections.rolled_deadlines import roll_of, rolled_listing
from projections.tables import READ_MODELS_NAME
from tracker.eventstore.chain import GENESIS, Fingerprint
from tracker.eventstore.ids import IN_RANGE, schedule_range
from tracker.eventstore.tables import table_names
from tracker.settings import deadline_rolls
from tracker.views import Consistent, from_read_models

if TYPE_CHECKING:  # a report or the overdue list never loads the task listing
    from domain.directory import Directory
    from domain.facts import TaskFacts
    from domain.working_days import WorkingCalendar
    from projections.task_rows import TaskView
    from tracker.ledger import TaskLedger

Answer = TypeVar("Answer")


class Reading:
    """Answers at a consistent log position, on the database at ``url``."""

    def __init__(
        self,
        url: str,
        open_ledger: Callable[[], TaskLedger],
        ledger: TaskLedger | None = None,
    ) -> None:
        self.url = url
        self.open_ledger = open_ledger
        self.ledger = ledger

    @classmethod
    def of(cls, ledger: TaskLedger) -> Reading:
        """The read path of a ledger already open."""
        return cls(ledger.store.datastore.url, lambda: ledger, ledger)

    def answer(
        self, query: Callable[[PlainSQL], Answer], known_at: datetime | None = None
    ) -> Consistent:
        """``query`` on the read models as they are now, or as they were known
        at the moment ``known_at``."""
        if known_at is None and self.ledger is None:
            current = current_answer(self.url, query)
            if current is not None:
                return current
        if self.ledger is None:
            self.ledger = self.open_ledger()
        position = None
        if known_at is not None:
            position = self.ledger.store.position_known_at(known_at)
        return self.ledger.read_models.consistent(query, position)

    def directory(self, known_at: datetime | None = None) -> Directory:
        """The directory as the read models hold it (now, or as known at the
        moment ``known_at``)."""
        directory: Directory = self.answer(load_directory, known_at).answer
        return directory

    def has_schedules(self) -> bool:
        """Whether any periodic task is recorded: one probe of the events'
        index, so that a report opens the ledger to look for occurrences not
        recorded yet only when there can be some."""
        events, _, _ = table_names()

        def probe(sql: PlainSQL) -> bool:
            found = sql.scalar(
                f"SELECT 1 FROM {events} WHERE {IN_RANGE} LIMIT 1",
                **schedule_range(sql.is_sqlite),
            )
            return found is not None

        return bool(self.answer(probe).answer)

    def calendar(self, known_at: datetime | None = None) -> WorkingCalendar:
        """The working-day calendar as the read models hold it (now, or as
        known at the moment ``known_at``)."""
        calendar: WorkingCalendar = self.answer(load_calendar, known_at).answer
        return calendar

    def period_report(
        self,
        start: date,
        end: date,
        as_of: date,
        by: str | None = None,
        known_at: datetime | None = None,
        source: str = "all",
        rolls: bool | None = None,
    ) -> reports.PeriodReport:
        """The form's figures, of one source group or of all; names grouped
        as the directory held at the same position (``load_directory`` runs
        inside the query); ``rolls``: whether a deadline on a day off ends on
        the next working day (the Office's setting unless given)."""
        rolling = deadline_rolls() if rolls is None else rolls
        got = self.answer(
            lambda sql: reports.period_report(
                sql,
                start,
                end,
                as_of,
                by,
                source,
                load_directory(sql),
                _roll(sql, rolling),
            ),
            known_at,
        )
        result: reports.PeriodReport = got.answer
        result.ledger, result.behind = got.ledger, got.behind
        return result

    def overdue_report(
        self,
        as_of: date,
        due_within: int | None = None,
        agency: str | None = None,
        known_at: datetime | None = None,
        *,
        encoded: bool = False,
        since: date | None = None,
        age_in: str = "days",
        rolls: bool | None = None,
    ) -> dict[str, Any]:
        """The weekly list as the JSON contract has it; ``encoded``: the list
        itself as the database's bytes, for a JSON answer; ``since``: with
        the week's changes; ``age_in``: the summary's ages in ``days`` or
        ``working-days``; ``rolls``: as for ``period_report``."""
        rolling = deadline_rolls() if rolls is None else rolls
        got = self.answer(
            lambda sql: reports.overdue_answer(
                sql,
                as_of,
                due_within,
                agency,
                encoded=encoded,
                directory=load_directory(sql),
                since=since,
                age_in=age_in,
                roll=_roll(sql, rolling),
            ),
            known_at,
        )
        return {**got.answer, "ledger": got.ledger.as_dict(), "behind": got.behind}

    def list_tasks(
        self,
        as_of: date,
        known_at: datetime | None = None,
        *,
        rolls: bool | None = None,
        **filters: Any,
    ) -> list[TaskView]:
        """Tasks with their status on ``as_of`` (``TaskReadModel.listing``);
        ``rolls``: as for ``period_report``."""
        rolling = deadline_rolls() if rolls is None else rolls

        from projections.tasks import TaskReadModel

        def query(sql: PlainSQL) -> list[TaskView]:
            roll = _roll(sql, rolling)
            if roll is None:
                return TaskReadModel.listing(sql, as_of, **filters)
            listing = partial(TaskReadModel.listing, sql, as_of)
            return rolled_listing(listing, as_of, roll, **filters)

        return list(self.answer(query, known_at).answer)

    def show_task(self, code: str, known_at: datetime | None = None) -> TaskFacts:
        """One task's facts, from the read model kept by the log, under the
        official names of the directory held at the same position (as typed
        when it does not know them), as ``list`` shows them."""
        code = checked_code(code)
        facts = self.answer(lambda sql: _officially_named(sql, code), known_at).answer
        if facts is None:  # the ledger says why: a schedule's, or undone
            self.ledger = self.ledger or self.open_ledger()
            if self.ledger.exists(code):
                from tracker.undo import undone_assignment

                raise undone_assignment(code)
            raise self.ledger.unknown(code)
        return facts  # type: ignore[no-any-return]


def _roll(sql: PlainSQL, rolls: bool) -> Roll | None:
    """The Civil Code's roll (2015, art. 148) on the calendar the read models
    hold on ``sql``, when the Office applies it."""
    return roll_of(load_calendar(sql)) if rolls else None


def _officially_named(sql: PlainSQL, code: str) -> TaskFacts | None:
    from projections.tasks import TaskReadModel

    facts = TaskReadModel.facts_of(sql, code)
    if facts is None:
        return None
    directory = load_directory(sql)
    return replace(
        facts,
        assigner=directory.official("assigner", facts.assigner),
        lead_agency=directory.official("agency", facts.lead_agency),
        co_agencies=tuple(
            directory.official("agency", name) for name in facts.co_agencies
        ),
    )


def current_answer(url: str, query: Callable[[PlainSQL], Answer]) -> Consistent | None:
    """``query`` on read models that reflect the whole log, with the
    fingerprint of that log; ``None`` to decline (behind, missing, empty or
    unreadable: the ledger then answers, or says what is wrong)."""
    try:
        connection = open_existing(url)
    except Exception:
        return None
    if connection is None:
        return None
    sql = PlainSQL(connection)
    try:
        if sql.is_sqlite:
            sql.execute("BEGIN")  # one snapshot for all the statements
        position = _current_position(sql)
        if position is None:
            return None
        answer = from_read_models(query, sql)
        if _current_position(sql) != position:
            return None  # another clerk wrote meanwhile: ask the ledger
        _, chain, _ = table_names()
        digest = sql.scalar(
            f"SELECT hash FROM {chain} WHERE position = :position", position=position
        )
    except sql.driver_error:
        return None
    finally:
        connection.rollback()  # read only: end the snapshot
        connection.close()
    return Consistent(answer, Fingerprint(position, digest or GENESIS), 0)


def _current_position(sql: PlainSQL) -> int | None:
    """The log position the read models reflect, if that is the head."""
    events, _, tracking = table_names()
    head = sql.scalar(f"SELECT max(id) FROM {events}")
    tracked = sql.rows(
        f"SELECT notification_id FROM {tracking} WHERE application_name = :name",
        name=READ_MODELS_NAME,
    )
    if head is None or not tracked or tracked[0][0] != head:
        return None
    return int(head)
