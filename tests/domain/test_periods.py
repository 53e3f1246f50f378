"""Each period kind under each cut-off convention."""

from __future__ import annotations

from datetime import date

import pytest

from domain.periods import PeriodParseError, explicit_period, parse_period

CASES = [
    ("2023", "calendar", date(2023, 1, 1), date(2023, 12, 31)),
    ("2023", "decree09", date(2022, 12, 15), date(2023, 12, 14)),
    ("2023-H1", "calendar", date(2023, 1, 1), date(2023, 6, 30)),
    ("2023-H1", "decree09", date(2022, 12, 15), date(2023, 6, 14)),
    ("2023-H2", "calendar", date(2023, 7, 1), date(2023, 12, 31)),
    ("2023-H2", "decree09", date(2023, 6, 15), date(2023, 12, 14)),
    ("2023-Q1", "calendar", date(2023, 1, 1), date(2023, 3, 31)),
    ("2023-Q1", "decree09", date(2022, 12, 15), date(2023, 3, 14)),
    ("2023-Q2", "calendar", date(2023, 4, 1), date(2023, 6, 30)),
    ("2023-Q2", "decree09", date(2023, 3, 15), date(2023, 6, 14)),
    ("2023-Q4", "decree09", date(2023, 9, 15), date(2023, 12, 14)),
    ("2023-06", "calendar", date(2023, 6, 1), date(2023, 6, 30)),
    ("2023-06", "decree09", date(2023, 5, 15), date(2023, 6, 14)),
    ("2024-02", "calendar", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023-01", "decree09", date(2022, 12, 15), date(2023, 1, 14)),
    ("2023-h1", "calendar", date(2023, 1, 1), date(2023, 6, 30)),
]


@pytest.mark.parametrize(("text", "cutoff", "start", "end"), CASES)
def test_period_boundaries(text: str, cutoff: str, start: date, end: date) -> None:
    period = parse_period(text, cutoff)
    assert (period.start, period.end) == (start, end)
    assert start in period and end in period


@pytest.mark.parametrize("text", ["2023-H3", "2023-Q5", "2023-13", "23", "H1", ""])
def test_unknown_periods_are_refused(text: str) -> None:
    with pytest.raises(PeriodParseError):
        parse_period(text)


def test_explicit_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(PeriodParseError, match="before it starts"):
        explicit_period(date(2023, 6, 30), date(2023, 1, 1))
