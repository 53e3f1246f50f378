"""Deadlines as typed, counted from the task's own date (``deadline_from``).

Every expected date is counted by hand on the days written out in the
comment beside it (``*`` a weekday off, ``+`` a Saturday worked), never
asked of the calendar under test.
"""

from __future__ import annotations

from datetime import date

import pytest

from domain.dates import RelativeDue, is_relative
from domain.due_rules import DueRuleRefused, deadline_from
from domain.errors import TaskRuleError
from domain.working_days import OutsideCalendar, WorkingCalendar, vietnam_calendar

CALENDAR = vietnam_calendar()


def calendar() -> WorkingCalendar:
    return CALENDAR


def no_calendar() -> WorkingCalendar:
    raise AssertionError("a deadline in calendar days asked for the calendar")


@pytest.mark.parametrize(
    ("typed", "start", "due"),
    [
        # Tết 2024, Thu 08/02 - Wed 14/02 off. From Fri 02/02: Mon 05 (1),
        # Tue 06 (2), Wed 07 (3), *08 *09 *12 *13 *14, Thu 15 (4), Fri 16 (5),
        # Mon 19 (6), Tue 20 (7), Wed 21 (8), Thu 22 (9), Fri 23 (10).
        ("10wd", date(2024, 2, 2), date(2024, 2, 23)),
        ("10 ngày làm việc", date(2024, 2, 2), date(2024, 2, 23)),
        # Tết 2025, Mon 27/01 - Fri 31/01 off. From Fri 24/01: *27 *28 *29
        # *30 *31, Mon 03/02 (1) ... Fri 07 (5), Mon 10 (6) ... Fri 14 (10).
        ("10 ngay lam viec", date(2025, 1, 24), date(2025, 2, 14)),
        # 30/4-1/5 2025, with Fri 02/05 moved off for Sat 26/04. From Fri
        # 25/04: +Sat 26 (1), Mon 28 (2), Tue 29 (3), *30 *01 *02, Mon 05/05
        # (4), Tue 06/05 (5).
        ("5wd", date(2025, 4, 25), date(2025, 5, 6)),
        # 30/4-1/5 2024, with Mon 29/04 moved off for Sat 04/05. From Fri
        # 26/04: *29 *30 *01, Thu 02/05 (1), Fri 03 (2), +Sat 04 (3).
        ("3wd", date(2024, 4, 26), date(2024, 5, 4)),
        # 2/9 2025: Mon 01/09 and Tue 02/09 off. From Fri 29/08: *01 *02,
        # Wed 03 (1), Thu 04 (2), Fri 05 (3).
        ("3 WD", date(2025, 8, 29), date(2025, 9, 5)),
    ],
)
def test_working_days_count_from_the_start_across_holidays(
    typed: str, start: date, due: date
) -> None:
    rule = " ".join(typed.split())
    assert deadline_from(RelativeDue(typed), start, calendar) == (due, rule)


@pytest.mark.parametrize(
    ("typed", "start", "due"),
    [
        # The case: assigned 02/05/2023, +10d is 12/05/2023, not ten
        # days from the day it was typed.
        ("+10d", date(2023, 5, 2), date(2023, 5, 12)),
        ("10 ngày", date(2023, 5, 2), date(2023, 5, 12)),
        ("+2w", date(2023, 5, 2), date(2023, 5, 16)),
        ("+1m", date(2023, 1, 31), date(2023, 2, 28)),
        ("eom", date(2023, 5, 2), date(2023, 5, 31)),
        ("cuối năm", date(2023, 5, 2), date(2023, 12, 31)),
        ("today", date(2023, 5, 2), date(2023, 5, 2)),
        ("ngày mai", date(2023, 5, 2), date(2023, 5, 3)),
    ],
)
def test_calendar_days_and_relative_dates_count_from_the_start(
    typed: str, start: date, due: date
) -> None:
    assert deadline_from(RelativeDue(typed), start, no_calendar) == (due, typed)


def test_a_date_typed_as_one_keeps_no_rule_and_asks_no_calendar() -> None:
    due = date(2023, 3, 31)
    assert deadline_from(due, date(2023, 2, 14), no_calendar) == (due, "")
    assert deadline_from(None, date(2023, 2, 14), no_calendar) == (None, "")


@pytest.mark.parametrize("typed", ["0wd", "-3wd", "0 ngày làm việc", "99999wd"])
def test_a_wrong_rule_is_refused_naming_it(typed: str) -> None:
    with pytest.raises(DueRuleRefused, match="due date"):
        deadline_from(RelativeDue(typed), date(2024, 2, 2), calendar)


def test_working_days_from_outside_the_known_years_name_the_years() -> None:
    with pytest.raises(OutsideCalendar, match="2000 to 2030; 15/06/1999"):
        deadline_from(RelativeDue("10wd"), date(1999, 6, 15), calendar)


def test_a_relative_date_off_the_accepted_range_is_a_rule_refusal() -> None:
    with pytest.raises(TaskRuleError, match="new due date '\\+999999d'"):
        deadline_from(
            RelativeDue("+999999d"), date(2023, 5, 2), no_calendar, "new due date"
        )


def test_a_start_that_is_not_a_date_is_refused_by_its_name() -> None:
    with pytest.raises(TaskRuleError, match="extension date"):
        deadline_from(
            RelativeDue("10wd"),
            None,  # type: ignore[arg-type]
            calendar,
            "new due date",
            "extension date",
        )


@pytest.mark.parametrize(
    "text", ["+10d", "-1w", "eom", "EOY", "cuối tháng", "today", "Hôm nay", " +2m "]
)
def test_relative_forms_are_relative(text: str) -> None:
    assert is_relative(text)


@pytest.mark.parametrize(
    "text", ["31/03/2023", "2023-03-31", "ngày 14 tháng 02 năm 2023", "10wd", ""]
)
def test_dates_of_their_own_are_not_relative(text: str) -> None:
    assert not is_relative(text)
