"""The working-day calendar against the Government's decisions, counted by hand.

Each test writes out the weeks it counts over; ``*`` marks a day off that is
not a weekend (a holiday or a moved day), ``w`` a Saturday worked to make up
for a moved day. The expected dates are counted on those weeks, never asked
of the code under test.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.working_days import (
    FIRST_YEAR,
    LAST_YEAR,
    Correction,
    CountRunsOut,
    OutsideCalendar,
    WorkingCalendar,
    vietnam_calendar,
)

CALENDAR = vietnam_calendar()
# Far enough from the last known year that 400 working days never run out.
DAYS = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR - 2, 12, 31))
COUNTS = st.integers(min_value=1, max_value=400)
# An independent reference: the package's own answer, without corrections.
VIETNAM = holidays.country_holidays("VN", years=range(FIRST_YEAR, LAST_YEAR + 1))


def d(text: str) -> date:
    day, month, year = map(int, text.split("/"))
    return date(year, month, day)


# Tết Giáp Thìn 2024: off Thursday 08/02 to Wednesday 14/02.
#   Mon Tue Wed Thu Fri Sat Sun
#    5   6   7   8*  9* 10  11
#   12* 13* 14* 15  16  17  18
#   19  20  21  22  23  24  25
#   26  27  28  29
@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("07/02/2024", 1, "15/02/2024"),
        ("07/02/2024", 2, "16/02/2024"),
        # 6, 7, 15, 16, 19, 20, 21, 22, 23, 26
        ("05/02/2024", 10, "26/02/2024"),
        # the start is a day off: it does not count either way
        ("10/02/2024", 1, "15/02/2024"),
        ("08/02/2024", 3, "19/02/2024"),
    ],
)
def test_working_days_across_tet_2024(start: str, count: int, expected: str) -> None:
    assert CALENDAR.add_working_days(d(start), count) == d(expected)


def test_days_off_of_tet_2024_are_the_decision() -> None:
    off = [d(f"{day:02d}/02/2024") for day in range(8, 15)]
    assert not any(CALENDAR.is_working_day(day) for day in off)
    assert CALENDAR.is_working_day(d("07/02/2024"))
    assert CALENDAR.is_working_day(d("15/02/2024"))


def test_working_days_in_february_2024_around_tet() -> None:
    # (02/02, 29/02]: 5, 6, 7 | 15, 16 | 19-23 | 26-29 -> 3 + 2 + 5 + 4
    assert CALENDAR.working_days_between(d("02/02/2024"), d("29/02/2024")) == 14
    assert CALENDAR.working_days_between(d("07/02/2024"), d("15/02/2024")) == 1
    assert CALENDAR.working_days_between(d("15/02/2024"), d("07/02/2024")) == -1


# Tết Ất Tỵ 2025: off Saturday 25/01 to Sunday 02/02.
#   Mon Tue Wed Thu Fri Sat Sun
#   20  21  22  23  24  25  26
#   27* 28* 29* 30* 31*  1   2
#    3   4   5   6   7   8   9
#   10  11  12  13  14  15  16
@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("24/01/2025", 1, "03/02/2025"),
        # 23, 24, 3, 4, 5, 6, 7, 10, 11, 12
        ("22/01/2025", 10, "12/02/2025"),
        ("29/01/2025", 5, "07/02/2025"),
    ],
)
def test_working_days_across_tet_2025(start: str, count: int, expected: str) -> None:
    assert CALENDAR.add_working_days(d(start), count) == d(expected)


def test_tet_2025_in_working_days_left_and_overdue() -> None:
    # Friday 24/01 to Monday 03/02: one working day left, and the other way
    # round one working day overdue.
    assert CALENDAR.working_days_between(d("24/01/2025"), d("03/02/2025")) == 1
    assert CALENDAR.working_days_between(d("03/02/2025"), d("24/01/2025")) == -1
    # (20/01, 14/02]: 21-24 | 3-7 | 10-14 -> 4 + 5 + 5
    assert CALENDAR.working_days_between(d("20/01/2025"), d("14/02/2025")) == 14


# 30/4-1/5 of 2024: off Saturday 27/04 to Wednesday 01/05; Monday 29/04 is
# moved to Saturday 04/05, which is worked. Hùng Kings' day: Thursday 18/04.
#   Mon Tue Wed Thu Fri Sat Sun
#   15  16  17  18* 19  20  21
#   22  23  24  25  26  27  28
#   29* 30*  1*  2   3   4w  5
#    6   7   8   9  10  11  12
@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("26/04/2024", 1, "02/05/2024"),
        ("26/04/2024", 3, "04/05/2024"),
        # 2, 3, 4 (Saturday, worked), 6, 7
        ("26/04/2024", 5, "07/05/2024"),
        ("17/04/2024", 1, "19/04/2024"),
    ],
)
def test_working_days_across_30_april_2024(
    start: str, count: int, expected: str
) -> None:
    assert CALENDAR.add_working_days(d(start), count) == d(expected)


def test_make_up_saturday_2024_is_worked_and_moved_monday_is_off() -> None:
    assert CALENDAR.is_working_day(d("04/05/2024"))
    assert not CALENDAR.is_working_day(d("29/04/2024"))
    assert not CALENDAR.is_working_day(d("18/04/2024"))
    assert not CALENDAR.is_working_day(d("11/05/2024"))  # an ordinary Saturday
    # (26/04, 06/05]: 2, 3, 4, 6
    assert CALENDAR.working_days_between(d("26/04/2024"), d("06/05/2024")) == 4


# 2/9 of 2024: off Saturday 31/08 to Tuesday 03/09.
#   Mon Tue Wed Thu Fri Sat Sun
#   26  27  28  29  30  31   1
#    2*  3*  4   5   6   7   8
@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("30/08/2024", 1, "04/09/2024"),
        # 29, 30, 4, 5, 6
        ("28/08/2024", 5, "06/09/2024"),
    ],
)
def test_working_days_across_2_september_2024(
    start: str, count: int, expected: str
) -> None:
    assert CALENDAR.add_working_days(d(start), count) == d(expected)


# 30/4-1/5 of 2025: off Wednesday 30/04 to Sunday 04/05; Friday 02/05 is
# moved to Saturday 26/04, which is worked. Hùng Kings' day: Monday 07/04.
#   Mon Tue Wed Thu Fri Sat Sun
#    7*  8   9  10  11  12  13
#   21  22  23  24  25  26w 27
#   28  29  30*  1*  2*  3   4
#    5   6   7   8   9  10  11
@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("25/04/2025", 1, "26/04/2025"),
        # 26 (Saturday, worked), 28, 29, 5
        ("25/04/2025", 4, "05/05/2025"),
        ("29/04/2025", 1, "05/05/2025"),
        ("04/04/2025", 1, "08/04/2025"),
    ],
)
def test_working_days_across_30_april_2025(
    start: str, count: int, expected: str
) -> None:
    assert CALENDAR.add_working_days(d(start), count) == d(expected)


def test_make_up_saturday_2025_counts_in_days_left() -> None:
    assert CALENDAR.is_working_day(d("26/04/2025"))
    assert not CALENDAR.is_working_day(d("02/05/2025"))
    # (24/04, 06/05]: 25, 26, 28, 29, 5, 6
    assert CALENDAR.working_days_between(d("24/04/2025"), d("06/05/2025")) == 6
    assert CALENDAR.working_days_between(d("29/04/2025"), d("05/05/2025")) == 1


# 2/9 of 2025: off Saturday 30/08 to Tuesday 02/09.
#   Mon Tue Wed Thu Fri Sat Sun
#   25  26  27  28  29  30  31
#    1*  2*  3   4   5   6   7
@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("29/08/2025", 1, "03/09/2025"),
        # 28, 29, 3, 4
        ("27/08/2025", 4, "04/09/2025"),
    ],
)
def test_working_days_across_2_september_2025(
    start: str, count: int, expected: str
) -> None:
    assert CALENDAR.add_working_days(d(start), count) == d(expected)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("08/02/2024", "15/02/2024"),  # Tết 2024
        ("10/02/2024", "15/02/2024"),
        ("27/04/2024", "02/05/2024"),  # the Saturday before the moved Monday
        ("04/05/2024", "04/05/2024"),  # a worked Saturday is a working day
        ("31/08/2024", "04/09/2024"),
        ("25/01/2025", "03/02/2025"),  # Tết 2025
        ("26/04/2025", "26/04/2025"),
        ("30/04/2025", "05/05/2025"),
        ("01/09/2025", "03/09/2025"),
        ("01/07/2023", "03/07/2023"),  # an ordinary weekend
        ("04/07/2023", "04/07/2023"),
    ],
)
def test_time_limit_ending_on_a_day_off_ends_on_the_next_working_day(
    day: str, expected: str
) -> None:
    assert CALENDAR.next_working_day(d(day)) == d(expected)


def test_weekend_is_not_working_time() -> None:
    # Friday 30/06/2023 to Tuesday 04/07/2023: Monday and Tuesday only.
    assert CALENDAR.working_days_between(d("30/06/2023"), d("04/07/2023")) == 2
    assert CALENDAR.working_days_between(d("04/07/2023"), d("30/06/2023")) == -2
    assert CALENDAR.working_days_between(d("01/07/2023"), d("01/07/2023")) == 0


def test_a_correction_fixes_a_decision_the_package_does_not_know() -> None:
    # An example decision (not a real one) for 2027, a year whose moved days
    # the package does not list: Tuesday 04/05/2027 becomes a day off and
    # Saturday 08/05/2027 is worked instead. 30/04 (Friday) and Monday 03/05
    # (the observed day of 1/5, a Saturday) are the package's.
    #   Mon Tue Wed Thu Fri Sat Sun
    #   26  27  28  29  30*  1   2
    #    3*  4*  5   6   7   8w  9
    #   10  11
    corrections = [
        Correction(d("04/05/2027"), working=False, reason="Công văn 1/VPCP-KGVX"),
        Correction(d("08/05/2027"), working=True, reason="Công văn 1/VPCP-KGVX"),
    ]
    before = CALENDAR
    after = vietnam_calendar(corrections)
    # Before: after Thursday 29/04 come 4, 5, 6, 7 (3/5 is the observed day).
    assert before.add_working_days(d("29/04/2027"), 4) == d("07/05/2027")
    # After: 5, 6, 7, 8 (Saturday, worked).
    assert after.add_working_days(d("29/04/2027"), 4) == d("08/05/2027")
    assert not after.is_working_day(d("04/05/2027"))
    assert after.working_days_between(d("29/04/2027"), d("11/05/2027")) == 6
    source = after.source_of(2027)
    assert (source.package_moved_days, source.office_days_off) == (0, 1)
    assert source.office_working_days == 1


def test_a_correction_overrides_the_package() -> None:
    # The Office reads the 2024 swap as not applying to it: Monday 29/04 is
    # worked, Saturday 04/05 is not.
    corrections = [
        Correction(d("29/04/2024"), working=True, reason="Không áp dụng hoán đổi"),
        Correction(d("04/05/2024"), working=False, reason="Không áp dụng hoán đổi"),
    ]
    calendar = vietnam_calendar(corrections)
    assert calendar.is_working_day(d("29/04/2024"))
    assert not calendar.is_working_day(d("04/05/2024"))
    # (26/04, 06/05]: 29, 2, 3, 6
    assert calendar.working_days_between(d("26/04/2024"), d("06/05/2024")) == 4
    assert calendar.add_working_days(d("26/04/2024"), 1) == d("29/04/2024")
    office = [day for day in calendar.exceptions_in(2024) if day.source == "office"]
    assert [(day.on, day.working) for day in office] == [
        (d("29/04/2024"), True),
        (d("04/05/2024"), False),
    ]


def test_a_later_correction_of_the_same_date_replaces_the_earlier() -> None:
    corrections = [
        Correction(d("12/06/2024"), working=False, reason="Nghỉ"),
        Correction(d("12/06/2024"), working=True, reason="Hủy quyết định nghỉ"),
    ]
    calendar = vietnam_calendar(corrections)
    assert calendar.is_working_day(d("12/06/2024"))
    assert [c.reason for c in calendar.corrections] == ["Hủy quyết định nghỉ"]


def test_a_correction_outside_the_known_years_is_refused() -> None:
    with pytest.raises(OutsideCalendar):
        vietnam_calendar([Correction(d("01/06/2045"), working=False, reason="x")])


def test_a_date_outside_the_known_years_is_refused_naming_them() -> None:
    with pytest.raises(OutsideCalendar) as refused:
        CALENDAR.add_working_days(d("14/02/2045"), 10)
    assert str(refused.value) == (
        "The working-day calendar knows the years 2000 to 2030; "
        "14/02/2045 is outside them."
    )
    assert refused.value.exit_code == 1
    for ask in (
        lambda: CALENDAR.is_working_day(d("31/12/1999")),
        lambda: CALENDAR.working_days_between(d("01/01/2024"), d("01/01/2031")),
        lambda: CALENDAR.next_working_day(d("01/01/2031")),
        lambda: CALENDAR.source_of(2031),
    ):
        with pytest.raises(OutsideCalendar):
            ask()


def test_a_count_running_past_the_last_known_year_is_refused() -> None:
    # Tuesday 31/12/2030 is the last working day known.
    assert CALENDAR.add_working_days(d("30/12/2030"), 1) == d("31/12/2030")
    with pytest.raises(CountRunsOut) as refused:
        CALENDAR.add_working_days(d("30/12/2030"), 2)
    assert str(refused.value) == (
        "The working-day calendar knows the years up to 2030; "
        "2 working days after 30/12/2030 fall after them."
    )
    # Sunday 31/12/2023 on a calendar of 2023 alone: no working day follows.
    with pytest.raises(CountRunsOut):
        vietnam_calendar(first_year=2023, last_year=2023).next_working_day(
            d("31/12/2023")
        )


def test_known_years_and_their_sources() -> None:
    assert CALENDAR.known_years == range(2000, 2031)
    assert CALENDAR.covers(d("01/01/2000")) and CALENDAR.covers(d("31/12/2030"))
    assert not CALENDAR.covers(d("31/12/1999"))
    sources = CALENDAR.sources()
    assert [s.year for s in sources] == list(range(2000, 2031))
    assert {s.package for s in sources} == {f"holidays {holidays.__version__}"}
    # 2024 and 2025 each have one moved day and one make-up Saturday.
    assert CALENDAR.source_of(2024).package_moved_days == 2
    assert CALENDAR.source_of(2025).package_moved_days == 2
    assert CALENDAR.source_of(2023).package_moved_days == 0


def test_exceptions_name_the_moved_days_in_both_languages() -> None:
    days = {day.on: day for day in CALENDAR.exceptions_in(2024)}
    assert days[d("04/05/2024")].working
    assert days[d("04/05/2024")].name_en == (
        "Make-up working day (for the day off on 29/04/2024)"
    )
    assert days[d("29/04/2024")].name_en == "Day off (worked instead on 04/05/2024)"
    assert days[d("18/04/2024")].name_vi == "Ngày Giỗ Tổ Hùng Vương"
    assert d("10/02/2024") not in days  # Tết on a Saturday is a weekend anyway


def test_add_working_days_wants_a_positive_count() -> None:
    with pytest.raises(ValueError):
        CALENDAR.add_working_days(d("01/03/2024"), 0)


@given(DAYS)
def test_working_days_are_the_packages_without_corrections(day: date) -> None:
    assert CALENDAR.is_working_day(day) == VIETNAM.is_working_day(day)


@given(DAYS, COUNTS)
def test_added_working_days_land_on_a_working_day(day: date, count: int) -> None:
    assert CALENDAR.is_working_day(CALENDAR.add_working_days(day, count))


@given(DAYS, COUNTS)
def test_added_working_days_increase_with_the_count(day: date, count: int) -> None:
    earlier = CALENDAR.add_working_days(day, count)
    assert day < earlier < CALENDAR.add_working_days(day, count + 1)


@given(DAYS, COUNTS)
def test_counting_back_gives_the_count_added(day: date, count: int) -> None:
    assert (
        CALENDAR.working_days_between(day, CALENDAR.add_working_days(day, count))
        == count
    )


@given(DAYS, DAYS)
def test_between_is_antisymmetric_and_counts_day_by_day(start: date, end: date) -> None:
    forward = CALENDAR.working_days_between(start, end)
    assert CALENDAR.working_days_between(end, start) == -forward
    low, high = sorted((start, end))
    if (high - low).days <= 60:
        counted = sum(
            VIETNAM.is_working_day(low + timedelta(days=i))
            for i in range(1, (high - low).days + 1)
        )
        assert abs(forward) == counted


@given(DAYS)
def test_next_working_day_is_idempotent_and_never_before(day: date) -> None:
    following = CALENDAR.next_working_day(day)
    assert following >= day
    assert CALENDAR.is_working_day(following)
    assert CALENDAR.next_working_day(following) == following
    assert all(
        not CALENDAR.is_working_day(day + timedelta(days=i))
        for i in range((following - day).days)
    )


def test_the_calendar_is_frozen() -> None:
    with pytest.raises(AttributeError):
        CALENDAR.first_year = 1999  # type: ignore[misc]
    assert isinstance(CALENDAR, WorkingCalendar)
