"""Deadline rules as clerks type them, and the dates they give.

Expected dates are counted by hand on the weeks written in the comments
(``*`` a weekday off), not asked of the calendar.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.due_rules import (
    CALENDAR,
    MAX_COUNT,
    WORKING,
    DueRule,
    DueRuleRefused,
    parse_due_rule,
    resolve,
)
from domain.limits import DateOutOfRange
from domain.working_days import OutsideCalendar, vietnam_calendar

WORKING_DAYS = vietnam_calendar()


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("10wd", 10),
        ("10WD", 10),
        (" 10 wd ", 10),
        ("+10wd", 10),
        ("10 ngày làm việc", 10),
        ("10 Ngày Làm Việc", 10),
        ("10  ngày   làm  việc", 10),
        ("10ngàylàmviệc", 10),
        ("10 ngay lam viec", 10),
        ("10 NGAY LAM VIEC", 10),
        ("03 ngày làm việc", 3),  # as documents write small numbers
        ("10 nga\u0300y la\u0300m vie\u0323\u0302c", 10),  # decomposed accents
        (f"{MAX_COUNT}wd", MAX_COUNT),
    ],
)
def test_working_day_rules_are_read_however_typed(text: str, count: int) -> None:
    stored = " ".join(unicodedata.normalize("NFC", text).split())
    assert parse_due_rule(text) == DueRule(WORKING, count, stored)


@pytest.mark.parametrize(
    ("text", "count"),
    [("+10d", 10), ("10d", 10), ("10D", 10), ("10 ngày", 10), ("10 ngay", 10)],
)
def test_calendar_day_rules_are_read(text: str, count: int) -> None:
    rule = parse_due_rule(text)
    assert rule is not None
    assert (rule.kind, rule.count, rule.text) == (CALENDAR, count, text)


def test_the_rule_keeps_the_text_as_typed_in_stored_form() -> None:
    rule = parse_due_rule("  10   ngày làm việc ")
    assert rule is not None and rule.text == "10 ngày làm việc"
    decomposed = parse_due_rule("10 nga\u0300y")
    assert decomposed is not None and decomposed.text == "10 ngày"


@pytest.mark.parametrize(
    "text",
    [
        "14/02/2023",
        "2023-02-14",
        "ngày 14 tháng 02 năm 2023",
        "today",
        "hôm nay",
        "eom",
        "+2w",
        "+1m",
        "",
        "10",
        "wd",
        "10 wd x",
        "10 ngày làm",
        "1O wd",
    ],
)
def test_plain_dates_and_other_text_are_not_rules(text: str) -> None:
    assert parse_due_rule(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0wd", "The due date '0wd' counts no days; a deadline comes at least "
         "one day after the date it counts from."),
        ("000 ngày làm việc", "The due date '000 ngày làm việc' counts no days; "
         "a deadline comes at least one day after the date it counts from."),
        ("0d", "The due date '0d' counts no days; a deadline comes at least one "
         "day after the date it counts from."),
        ("-3wd", "The due date '-3wd' counts backwards; a deadline comes after "
         "the date it counts from (write it like 10wd)."),
        ("-3d", "The due date '-3d' counts backwards; a deadline comes after the "
         "date it counts from (write it like 10wd)."),
        ("-0wd", "The due date '-0wd' counts backwards; a deadline comes after "
         "the date it counts from (write it like 10wd)."),
        ("3661wd", "The due date '3661wd' counts more than 3,660 working days; "
         "check the number."),
        ("3661 ngày", "The due date '3661 ngày' counts more than 3,660 days; "
         "check the number."),
        ("9" * 5000 + "wd", f"The due date '{'9' * 5000}wd' counts more than "
         "3,660 working days; check the number."),
    ],
)  # fmt: skip
def test_wrong_rules_are_refused_with_one_sentence(text: str, message: str) -> None:
    with pytest.raises(DueRuleRefused) as refused:
        parse_due_rule(text)
    assert str(refused.value) == message
    assert refused.value.exit_code == 1
    assert refused.value.field == "due date"


def test_the_refusal_names_the_field_it_was_given() -> None:
    with pytest.raises(DueRuleRefused, match=r"^The new due date '0wd' ") as refused:
        parse_due_rule("0wd", field="new due date")
    assert refused.value.field == "new due date"


# Tết 2024:
#   Mon Tue Wed Thu Fri Sat Sun
#    5   6   7   8*  9* 10  11
#   12* 13* 14* 15  16  17  18
#   19  20  21  22  23  24  25
#   26  27
# Ten working days after Monday 05/02: 6, 7, 15, 16, 19, 20, 21, 22, 23, 26.
# Tết 2025:
#   Mon Tue Wed Thu Fri Sat Sun
#   20  21  22  23  24  25  26
#   27* 28* 29* 30* 31*  1   2
#    3   4   5   6   7   8   9
#   10  11  12
# Ten working days after Wednesday 22/01: 23, 24, 3, 4, 5, 6, 7, 10, 11, 12.
@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("10wd", date(2024, 2, 5), date(2024, 2, 26)),
        ("10 ngày làm việc", date(2024, 2, 5), date(2024, 2, 26)),
        ("10 ngay lam viec", date(2025, 1, 22), date(2025, 2, 12)),
        ("1wd", date(2025, 1, 24), date(2025, 2, 3)),
        # calendar days count every day, holidays included
        ("10d", date(2024, 2, 5), date(2024, 2, 15)),
        ("+10d", date(2023, 5, 2), date(2023, 5, 12)),
        ("30 ngày", date(2023, 12, 15), date(2024, 1, 14)),
    ],
)
def test_a_rule_counts_from_its_start_date(
    text: str, start: date, expected: date
) -> None:
    rule = parse_due_rule(text)
    assert rule is not None
    assert resolve(rule, start, WORKING_DAYS) == expected


def test_a_working_day_rule_outside_the_known_years_is_refused() -> None:
    rule = parse_due_rule("10wd")
    assert rule is not None
    with pytest.raises(OutsideCalendar, match="knows the years 2000 to 2030"):
        resolve(rule, date(2045, 2, 14), WORKING_DAYS)


def test_a_calendar_day_rule_needs_no_known_year() -> None:
    rule = parse_due_rule("10d")
    assert rule is not None
    assert resolve(rule, date(2045, 2, 14), WORKING_DAYS) == date(2045, 2, 24)


def test_a_calendar_day_rule_past_the_accepted_dates_is_refused() -> None:
    rule = parse_due_rule("10d")
    assert rule is not None
    with pytest.raises(DateOutOfRange, match="outside the dates the tracker"):
        resolve(rule, date(2199, 12, 25), WORKING_DAYS)


def test_a_rule_does_not_move_a_deadline_off_a_day_off() -> None:
    # Saturday 10/02/2024 is five days after Monday 05/02, in Tết: it stays.
    rule = parse_due_rule("5d")
    assert rule is not None
    assert resolve(rule, date(2024, 2, 5), WORKING_DAYS) == date(2024, 2, 10)


@given(st.text(alphabet="0123456789+- dwngàylmviệc", max_size=20))
def test_a_rule_read_always_counts_at_least_one_day_and_at_most_the_limit(
    text: str,
) -> None:
    try:
        rule = parse_due_rule(text)
    except DueRuleRefused:
        return
    if rule is not None:
        assert 1 <= rule.count <= MAX_COUNT
        assert rule.kind in (WORKING, CALENDAR)
