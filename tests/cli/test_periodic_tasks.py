"""Periodic tasks through the command line: a schedule, its occurrences
recorded by ``sweep``, each a task of its own, and the refusals.

The ledger's clock is the test's (``clock``): a schedule recorded before its
periods begin has no occurrence until a sweep finds them begun."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from tests.cli.helpers import as_json, event_count, ok, run

QUARTERLY = [
    "--lang", "en", "assign", "BC-QUY",
    "--title", "Báo cáo định kỳ hằng quý về cải cách hành chính",
    "--agency", "Sở Nội vụ", "--assigner", "UBND tỉnh",
    "--doc", "120/UBND-TH ngày 20/12/2023",
    "--every", "quarter", "--due-day", "15", "--due-in", "last-month",
    "--from", "01/01/2024",
]  # fmt: skip


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[date]]:
    """The ledger's today, which a test moves forward."""
    import tracker.wiring

    today = [date(2023, 12, 31)]
    make: Callable[..., Any] = tracker.wiring.make_tracker

    def made(url: str, *args: Any, **kwargs: Any) -> Any:
        return make(url, *args, **{**kwargs, "today": lambda: today[0]})

    monkeypatch.setattr(tracker.wiring, "make_tracker", made)
    yield today


def codes(db_url: str, *args: str) -> list[str]:
    rows = as_json(db_url, "list", *args)
    return [row["code"] for row in rows]


def test_sweep_records_each_begun_period_once(db_url: str, clock: list[date]) -> None:
    assert "recorded 0 occurrences" in ok(db_url, *QUARTERLY).stdout
    clock[0] = date(2024, 7, 25)
    swept = ok(db_url, "--lang", "en", "sweep", "--as-of", "20/07/2024").stdout
    assert "Recorded 3 occurrences of periodic tasks." in swept
    assert "Marked 2 tasks overdue" in swept  # Q1 and Q2 lapsed
    recorded = event_count(db_url)
    again = ok(db_url, "--lang", "en", "sweep", "--as-of", "20/07/2024").stdout
    assert "Recorded" not in again and event_count(db_url) == recorded
    rows = as_json(db_url, "list", "--schedule", "bc-quy", "--as-of", "20/07/2024")
    assert [(r["code"], r["assigned_on"], r["due_on"], r["status"]) for r in rows] == [
        ("BC-QUY/2024-Q1", "2024-01-01", "2024-03-15", "overdue"),
        ("BC-QUY/2024-Q2", "2024-04-01", "2024-06-15", "overdue"),
        ("BC-QUY/2024-Q3", "2024-07-01", "2024-09-15", "in_progress"),
    ]
    assert rows[0]["agency"] == "Sở Nội vụ"


def test_occurrences_are_tasks_reports_count(db_url: str, clock: list[date]) -> None:
    clock[0] = date(2024, 7, 25)
    assert "recorded 3 occurrences" in ok(db_url, *QUARTERLY).stdout
    ok(db_url, "complete", "BC-QUY/2024-Q2", "--on", "10/06/2024", "--doc", "88/SNV")
    report = as_json(db_url, "report", "--period", "2024", "--as-of", "20/07/2024")
    assert (report["assigned"], report["on_time"], report["overdue"]) == (3, 1, 1)
    assert report["in_progress"] == 1


def test_cancelling_the_schedule_stops_later_periods_only(
    db_url: str, clock: list[date]
) -> None:
    clock[0] = date(2024, 10, 5)
    ok(db_url, *QUARTERLY)  # Q1 to Q4
    cancelled = ok(
        db_url, "--lang", "en", "cancel", "BC-QUY", "--on", "05/10/2024",
        "--reason", "Thay bằng báo cáo 6 tháng",
    ).stdout  # fmt: skip
    assert "Cancelled schedule BC-QUY" in cancelled
    clock[0] = date(2025, 8, 1)
    ok(db_url, "sweep", "--as-of", "01/08/2025")
    assert codes(db_url, "--schedule", "BC-QUY", "--as-of", "01/08/2025") == [
        "BC-QUY/2024-Q1", "BC-QUY/2024-Q2", "BC-QUY/2024-Q3", "BC-QUY/2024-Q4"
    ]  # fmt: skip
    ok(db_url, "cancel", "BC-QUY/2024-Q4", "--on", "06/10/2024", "--reason", "Rút")
    rows = as_json(db_url, "list", "--schedule", "BC-QUY", "--as-of", "01/08/2025")
    assert rows[-1]["status"] == "cancelled"


def test_list_says_when_an_occurrence_is_not_recorded_yet(
    db_url: str, clock: list[date]
) -> None:
    ok(db_url, *QUARTERLY)
    clock[0] = date(2024, 4, 2)
    before = event_count(db_url)
    listed = ok(db_url, "--lang", "en", "list", "--as-of", "02/04/2024")
    assert "2 occurrences of periodic tasks are not recorded yet" in listed.stderr
    assert event_count(db_url) == before  # reading recorded nothing
    ok(db_url, "sweep", "--as-of", "02/04/2024")
    assert "not recorded" not in ok(db_url, "list", "--as-of", "02/04/2024").stderr


def test_a_code_is_a_tasks_or_a_schedules_never_both(
    db_url: str, clock: list[date]
) -> None:
    clock[0] = date(2024, 7, 25)
    ok(db_url, *QUARTERLY)
    recorded = event_count(db_url)
    task = run(
        db_url, "--lang", "en", "assign", "BC-QUY", "--title", "Khác",
        "--agency", "Sở Tư pháp", "--assigner", "UBND tỉnh", "--assigned", "01/02/2024",
    )  # fmt: skip
    assert task.exit_code == 1
    assert "BC-QUY is a schedule's code" in task.stderr
    again = run(db_url, *QUARTERLY)
    assert again.exit_code == 1 and "already recorded" in again.stderr
    ok(db_url, "assign", "NV-1", "--title", "x", "--agency", "Sở Tư pháp",
       "--assigner", "UBND tỉnh", "--assigned", "01/02/2024")  # fmt: skip
    recorded = event_count(db_url)
    schedule = run(db_url, *[("NV-1" if a == "BC-QUY" else a) for a in QUARTERLY])
    assert schedule.exit_code == 1 and "NV-1 is a task's code" in schedule.stderr
    assert event_count(db_url) == recorded


@pytest.mark.parametrize(
    ("change", "exit_code", "refusal"),
    [
        (["--until", "31/12/2023"], 1, "before its first date"),
        (["--due-day", "0"], 1, "not a day of a month"),
        (["--due-day", "32"], 1, "not a day of a month"),
        (["--due", "31/03/2024"], 2, "give --due-day, not --due"),
        (["--every", "weekly"], 2, "weekly"),
        (["--due-in", "first-month"], 2, "first-month"),
        (["--from", "31/02/2024"], 2, "31/02/2024"),
        (["--title", ""], 1, "title"),
    ],
)
def test_a_schedule_the_rules_refuse_records_nothing(
    db_url: str, clock: list[date], change: list[str], exit_code: int, refusal: str
) -> None:
    clock[0] = date(2024, 7, 25)
    args = list(QUARTERLY)
    for name, value in zip(change[::2], change[1::2], strict=True):
        if name in args:
            args[args.index(name) + 1] = value
        else:
            args += [name, value]
    result = run(db_url, *args)
    assert result.exit_code == exit_code, result.output
    assert refusal in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 or exit_code == 2
    assert event_count(db_url) == 0


def test_periodic_options_need_every(db_url: str) -> None:
    result = run(
        db_url, "--lang", "en", "assign", "NV-2", "--title", "x", "--agency", "a",
        "--assigner", "b", "--assigned", "01/02/2024", "--due-day", "15",
    )  # fmt: skip
    assert result.exit_code == 2 and "need --every" in result.stderr
    assert event_count(db_url) == 0


def test_a_task_cannot_stand_for_a_schedules_period(db_url: str) -> None:
    def assign(code: str, *extra: str) -> Any:
        return run(
            db_url, "--lang", "en", "assign", code, "--title", "Báo cáo",
            "--agency", "Sở Y tế", "--assigner", "UBND tỉnh", *extra,
        )  # fmt: skip

    made = assign("R1/2026-10", "--assigned", "01/10/2026", "--due", "20/10/2026")
    assert made.exit_code == 0, made.output
    before = event_count(db_url)
    taken = assign("R1", "--every", "month", "--due-day", "20", "--from", "01/09/2026")
    assert taken.exit_code == 1 and event_count(db_url) == before
    assert "R1/2026-10 is a task's code already" in taken.stderr
    ok_ = assign("P1", "--every", "quarter", "--due-day", "15", "--from", "01/01/2025")
    assert ok_.exit_code == 0, ok_.output
    before = event_count(db_url)
    early = assign("P1/2027-Q1", "--assigned", "01/01/2025", "--due", "15/03/2025")
    assert early.exit_code == 1 and event_count(db_url) == before
    assert "is the code of a period of the schedule P1" in early.stderr
    cancel = run(db_url, "--lang", "en", "cancel", "P1", "--on", "01/01/2020",
                 "--reason", "Thôi")  # fmt: skip
    assert cancel.exit_code == 1 and event_count(db_url) == before
    assert "before it began (01/01/2025)" in cancel.stderr


def test_report_and_overdue_say_when_occurrences_are_not_recorded(
    db_url: str, clock: list[date]
) -> None:
    ok(db_url, *QUARTERLY)
    quiet = ok(db_url, "--lang", "en", "report", "--period", "2024")
    assert "not recorded yet" not in quiet.stderr  # assign recorded them all
    clock[0] = date(2024, 4, 2)
    before = event_count(db_url)
    for args in (
        ("report", "--period", "2024", "--as-of", "02/04/2024"),
        ("overdue", "--as-of", "02/04/2024"),
    ):
        result = ok(db_url, "--lang", "en", *args)
        assert "occurrences of periodic tasks are not recorded yet" in result.stderr
    assert event_count(db_url) == before  # a report records nothing


def test_without_schedules_a_report_does_not_open_the_ledger_to_look(
    db_url: str,
) -> None:
    from tracker.reading import Reading

    ok(
        db_url, "assign", "NV-1", "--title", "Báo cáo", "--agency", "Sở Y tế",
        "--assigner", "UBND tỉnh", "--assigned", "01/02/2024",
    )  # fmt: skip
    reading = Reading(db_url, lambda: None, None)
    assert reading.has_schedules() is False
    assert reading.ledger is None


def test_a_schedules_code_typed_for_a_task_says_where_its_periods_are(
    db_url: str,
) -> None:
    ok(db_url, *QUARTERLY)
    hint = "is a periodic task's schedule, not a task; its periods are listed by"
    for args in (("show", "BC-QUY"), ("complete", "BC-QUY", "--on", "01/04/2024")):
        result = run(db_url, "--lang", "en", *args)
        assert result.exit_code == 1
        assert hint in result.stderr and "list --schedule BC-QUY" in result.stderr
    vi = run(db_url, "show", "BC-QUY")
    assert "là lịch của một nhiệm vụ định kỳ" in vi.stderr
    plain = run(db_url, "--lang", "en", "show", "NV-KHONG")
    assert "No task with code NV-KHONG." in plain.stderr
