"""The periods of a periodic task and their deadlines, worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from domain.codes import HIGHEST_SCHEDULE_ID, LOWEST_SCHEDULE_ID, task_id
from domain.schedule import (
    Recurrence,
    ScheduleError,
    checked_recurrence,
    due_date,
    period_end,
    period_label,
    period_start,
    schedule_id,
)


@pytest.mark.parametrize(
    ("every", "day", "start", "end", "label"),
    [
        ("month", date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("quarter", date(2024, 3, 31), date(2024, 1, 1), date(2024, 3, 31), "2024-Q1"),
        ("quarter", date(2024, 4, 1), date(2024, 4, 1), date(2024, 6, 30), "2024-Q2"),
        ("quarter", date(2024, 12, 31), date(2024, 10, 1), date(2024, 12, 31),
         "2024-Q4"),
        ("half", date(2024, 6, 30), date(2024, 1, 1), date(2024, 6, 30), "2024-H1"),
        ("half", date(2024, 7, 1), date(2024, 7, 1), date(2024, 12, 31), "2024-H2"),
        ("year", date(2024, 8, 8), date(2024, 1, 1), date(2024, 12, 31), "2024"),
    ],
)  # fmt: skip
def test_periods_begin_and_end_on_calendar_boundaries(
    every: str, day: date, start: date, end: date, label: str
) -> None:
    assert period_start(every, day) == start
    assert period_end(every, start) == end
    assert period_label(every, start) == label


@pytest.mark.parametrize(
    ("every", "start", "due_day", "due_in", "due"),
    [
        # "trước ngày 15 của tháng cuối quý": Q1 by 15 March
        ("quarter", date(2024, 1, 1), 15, "last-month", date(2024, 3, 15)),
        ("quarter", date(2024, 1, 1), 15, "next-month", date(2024, 4, 15)),
        ("quarter", date(2024, 1, 1), 15, "same-month", date(2024, 1, 15)),
        # Q4's next month is January of the next year
        ("quarter", date(2024, 10, 1), 10, "next-month", date(2025, 1, 10)),
        # 31 in a month without one: its last day
        ("month", date(2024, 2, 1), 31, "last-month", date(2024, 2, 29)),
        ("month", date(2023, 2, 1), 31, "same-month", date(2023, 2, 28)),
        ("month", date(2024, 4, 1), 31, "last-month", date(2024, 4, 30)),
        ("month", date(2024, 3, 1), 31, "next-month", date(2024, 4, 30)),
        ("month", date(2024, 1, 1), 30, "next-month", date(2024, 2, 29)),
        ("half", date(2024, 1, 1), 20, "last-month", date(2024, 6, 20)),
        ("half", date(2024, 7, 1), 31, "next-month", date(2025, 1, 31)),
        ("year", date(2024, 1, 1), 31, "last-month", date(2024, 12, 31)),
        ("year", date(2024, 1, 1), 15, "next-month", date(2025, 1, 15)),
    ],
)
def test_the_deadline_falls_in_the_month_the_schedule_names(
    every: str, start: date, due_day: int, due_in: str, due: date
) -> None:
    assert due_date(every, start, due_day, due_in) == due


def quarterly(starts_on: date = date(2024, 1, 1), **more: object) -> Recurrence:
    return Recurrence("quarter", 15, "last-month", starts_on, **more)  # type: ignore[arg-type]


def test_the_periods_begun_by_a_date_have_occurrences_and_no_later_one() -> None:
    found = quarterly().occurrences(date(2024, 7, 20))
    assert [o.label for o in found] == ["2024-Q1", "2024-Q2", "2024-Q3"]
    assert [o.assigned_on for o in found] == [
        date(2024, 1, 1), date(2024, 4, 1), date(2024, 7, 1)
    ]  # fmt: skip
    assert [o.due_on for o in found] == [
        date(2024, 3, 15), date(2024, 6, 15), date(2024, 9, 15)
    ]  # fmt: skip


def test_a_period_begins_on_its_first_day() -> None:
    assert [o.label for o in quarterly().occurrences(date(2024, 3, 31))] == ["2024-Q1"]
    assert len(quarterly().occurrences(date(2024, 4, 1))) == 2
    assert quarterly().occurrences(date(2023, 12, 31)) == []


def test_the_first_occurrence_is_assigned_on_the_first_date_not_before() -> None:
    first = quarterly(date(2024, 2, 10)).occurrences(date(2024, 2, 10))
    assert [(o.label, o.assigned_on) for o in first] == [("2024-Q1", date(2024, 2, 10))]


def test_a_period_whose_deadline_is_before_the_first_date_has_none() -> None:
    found = quarterly(date(2024, 3, 20)).occurrences(date(2024, 4, 1))
    assert [o.label for o in found] == ["2024-Q2"]


def test_until_and_a_cancellation_stop_the_periods_beginning_after_them() -> None:
    assert [o.label for o in quarterly(until=date(2024, 4, 1)).occurrences(
        date(2025, 1, 1))] == ["2024-Q1", "2024-Q2"]  # fmt: skip
    cancelled = quarterly(stops_after=date(2024, 9, 30))
    assert [o.label for o in cancelled.occurrences(date(2025, 6, 1))] == [
        "2024-Q1", "2024-Q2", "2024-Q3"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("every", "day", "due_in", "until", "refusal"),
    [
        ("weekly", 15, "last-month", None, "not a period"),
        ("quarter", 0, "last-month", None, "not a day of a month"),
        ("quarter", 32, "last-month", None, "not a day of a month"),
        ("quarter", 15, "first-month", None, "not a month of the period"),
        ("quarter", 15, "last-month", date(2023, 12, 31), "before its first date"),
    ],
)
def test_a_recurrence_the_rules_refuse_says_why(
    every: str, day: int, due_in: str, until: date | None, refusal: str
) -> None:
    with pytest.raises(ScheduleError, match=refusal):
        checked_recurrence(every, day, due_in, date(2024, 1, 1), until)


def test_a_schedules_id_is_never_its_codes_task_id_and_lies_in_its_range() -> None:
    for code in ("BC-QUY", "bc-quy ", "NV-2024-0001", "X"):
        assert schedule_id(code) != task_id(code)
        assert LOWEST_SCHEDULE_ID <= schedule_id(code) <= HIGHEST_SCHEDULE_ID
        assert not LOWEST_SCHEDULE_ID <= task_id(code) <= HIGHEST_SCHEDULE_ID
    assert schedule_id("bc-quy ") == schedule_id("BC-QUY")
