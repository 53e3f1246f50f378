"""The read-only report path answers exactly as the ledger, or declines."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from tests.conftest import ASSIGNMENT, TODAY
from tracker.reader import Reader
from tracker.wiring import make_tracker

ASSIGN = ASSIGNMENT
H1 = (date(2023, 1, 1), date(2023, 6, 30), date(2023, 6, 30))


def test_reader_gives_the_ledgers_answer_with_its_fingerprint(
    ledger: Any, db_url: str
) -> None:
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    ledger.assign_task(actor="t", code="NV-2", **ASSIGN)
    ledger.complete_task("NV-1", on=date(2023, 3, 20), document="", actor="t")
    reader = Reader.open(db_url)
    assert reader is not None
    quick = reader.period_report(*H1, "agency")
    full = ledger.period_report(*H1, "agency")
    assert quick is not None
    assert (quick.totals, quick.groups, quick.ledger) == (
        full.totals,
        full.groups,
        full.ledger,
    )
    assert reader.overdue_report(date(2023, 6, 30), 7, None) == (
        ledger.overdue_report(date(2023, 6, 30), 7, None)
    )
    reader.close()


def test_reader_declines_when_read_models_are_behind(db_url: str) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    ledger.projects = False  # events written, not projected
    ledger.assign_task(actor="t", code="NV-1", **ASSIGN)
    reader = Reader.open(db_url)
    assert reader is not None
    assert reader.period_report(*H1) is None
    assert reader.overdue_report(date(2023, 6, 30), None, None) is None
    reader.close()
    ledger.projects = True
    assert ledger.period_report(*H1).totals.assigned == 1  # the ledger catches up
    ledger.close()


def test_reader_declines_a_missing_or_empty_database(sqlite_url: str) -> None:
    path = sqlite_url.removeprefix("sqlite:///")
    assert Reader.open(sqlite_url) is None  # and it did not create the file
    assert not Path(path).exists()
    sqlite3.connect(path).close()  # a file without the tracker's tables
    reader = Reader.open(sqlite_url)
    assert reader is not None and reader.period_report(*H1) is None
    reader.close()


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
