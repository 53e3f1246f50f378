"""The one read path: from current read models on a connection of its own,
exactly as the ledger would answer, or else through the ledger."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from projections import reports
from tests.conftest import ASSIGNMENT, TODAY
from tracker.reading import Reading, current_answer
from tracker.wiring import make_tracker

ASSIGN = ASSIGNMENT
H1 = (date(2023, 1, 1), date(2023, 6, 30), date(2023, 6, 30))


def quick_report(url: str, by: str | None = None) -> Any:
    """The period report from current read models alone, or ``None``."""
    return current_answer(url, lambda sql: reports.period_report(sql, *H1, by))


def quick_overdue(url: str, due_within: int | None) -> Any:
    return current_answer(
        url, lambda sql: reports.overdue_answer(sql, H1[2], due_within, None)
    )


def test_current_read_models_give_the_ledgers_answer_with_its_fingerprint(
    ledger: Any, db_url: str
) -> None:
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    ledger.assign_task(actor="t", code="NV-2", **ASSIGN)
    ledger.complete_task("NV-1", on=date(2023, 3, 20), document="", actor="t")
    quick = quick_report(db_url, "agency")
    assert quick is not None
    full = ledger.read_models.consistent(
        lambda sql: reports.period_report(sql, *H1, "agency")
    )
    assert (quick.answer.totals, quick.answer.groups, quick.ledger) == (
        full.answer.totals,
        full.answer.groups,
        full.ledger,
    )
    assert quick_overdue(db_url, 7) == ledger.read_models.consistent(
        lambda sql: reports.overdue_answer(sql, H1[2], 7, None)
    )
    answered = Reading(db_url, lambda: ledger).period_report(*H1, "agency")
    assert (answered.totals, answered.ledger) == (full.answer.totals, full.ledger)


def test_read_models_behind_are_caught_up_by_the_ledger(db_url: str) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    ledger.read_models.projects = False  # events written, not projected
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    assert quick_report(db_url) is None
    assert quick_overdue(db_url, None) is None
    ledger.read_models.projects = True
    opened: list[Any] = []

    def open_ledger() -> Any:
        opened.append(ledger)
        return ledger

    reading = Reading(db_url, open_ledger)
    assert reading.period_report(*H1).totals.assigned == 1  # the ledger catches up
    assert opened == [ledger]
    ledger.close()


def test_a_missing_or_empty_database_is_left_to_the_ledger(sqlite_url: str) -> None:
    path = sqlite_url.removeprefix("sqlite:///")
    assert quick_report(sqlite_url) is None  # and it did not create the file
    assert not Path(path).exists()
    sqlite3.connect(path).close()  # a file without the tracker's tables
    assert quick_report(sqlite_url) is None


def test_a_current_report_loads_neither_sqlalchemy_nor_the_event_store(
    sqlite_url: str,
) -> None:
    ledger = make_tracker(sqlite_url, today=lambda: TODAY)
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    ledger.close()
    probe = (
        "import sys; from cli.main import main\n"
        "try:\n"
        f"    main(['--db', {sqlite_url!r}, 'report', '--period', '2023-H1',"
        " '--format', 'json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('eventsourcing' in sys.modules or 'sqlalchemy' in sys.modules,"
        " file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert '"assigned": 1' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False"
