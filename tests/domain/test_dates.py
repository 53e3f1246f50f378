"""Dates as Vietnamese clerks and documents write them."""

from __future__ import annotations

from datetime import date

import pytest

from domain.dates import DateParseError, find_date, parse_date

TODAY = date(2023, 6, 15)


@pytest.mark.parametrize(
    "text",
    [
        "14/02/2023",
        "14/2/2023",
        "14/2/23",
        "14.02.2023",
        "14-02-2023",
        "2023-02-14",
        "ngày 14 tháng 02 năm 2023",
        "ngay 14 thang 2 nam 2023",
        "Ngày 14 tháng 2 năm 2023",
        "  14/02/2023 ",
    ],
)
def test_day_first_iso_and_written_forms(text: str) -> None:
    assert parse_date(text, TODAY) == date(2023, 2, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2023, 6, 15)),
        ("hôm nay", date(2023, 6, 15)),
        ("yesterday", date(2023, 6, 14)),
        ("+10d", date(2023, 6, 25)),
        ("-3d", date(2023, 6, 12)),
        ("+2w", date(2023, 6, 29)),
        ("+1m", date(2023, 7, 15)),
        ("eom", date(2023, 6, 30)),
        ("EOM", date(2023, 6, 30)),
    ],
)
def test_relative_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_two_digit_years_are_this_century() -> None:
    assert parse_date("1/1/99", TODAY) == date(1999, 1, 1)
    assert parse_date("1/1/05", TODAY) == date(2005, 1, 1)


@pytest.mark.parametrize(
    "text", ["31/02/2023", "29/02/2023", "00/01/2023", "14/13/2023"]
)
def test_impossible_dates_name_the_value(text: str) -> None:
    with pytest.raises(DateParseError, match=text.replace(".", r"\.")):
        parse_date(text, TODAY)


@pytest.mark.parametrize("text", ["", "tomorrow-ish", "14 Feb 2023", "2023/02/14x"])
def test_garbage_is_not_a_date(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text, TODAY)


def test_leap_day_is_a_date() -> None:
    assert parse_date("29/02/2024", TODAY) == date(2024, 2, 29)


def test_find_date_inside_a_citation() -> None:
    assert find_date("495/UBND-TTHC ngày 14/02/2023") == date(2023, 2, 14)
    assert find_date("Công văn số 1220/UBND-TTHC ngày 24 tháng 3 năm 2023") == date(
        2023, 3, 24
    )
    assert find_date("495/UBND-TTHC") is None
