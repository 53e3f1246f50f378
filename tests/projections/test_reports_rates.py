"""The rates a report prints: each figure's share of the tasks assigned, to
two decimals, the four parts adding up to exactly 100%."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from projections.figures import PARTS, rates_of


def _figures(
    on_time: int, late: int, overdue: int, in_progress: int, no_deadline: int
) -> dict[str, int]:
    return {
        "assigned": on_time + late + overdue + in_progress,
        "on_time": on_time,
        "late": late,
        "overdue": overdue,
        "in_progress": in_progress,
        "no_deadline": min(no_deadline, in_progress),
        "cancelled": 0,
    }


def _hundredths(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_the_seed_half_year_rates() -> None:
    rates = rates_of(_figures(27, 1, 0, 90, 8))
    assert rates == {
        "on_time": 22.88,
        "late": 0.85,
        "overdue": 0.0,
        "in_progress": 76.27,
        "no_deadline": 6.78,
        "on_time_of_completed": 96.43,
    }


def test_thirds_are_rounded_to_add_up_the_first_taking_the_spare_hundredth() -> None:
    rates = rates_of(_figures(1, 1, 1, 0, 0))
    assert [rates[key] for key in PARTS] == [33.34, 33.33, 33.33, 0.0]


def test_plain_rounding_would_miss_100_largest_remainder_does_not() -> None:
    # 1, 1, 1 and 3 of 6: plain rounding prints 16.67 * 3 + 50.00 = 100.01.
    rates = rates_of(_figures(1, 1, 1, 3, 0))
    assert sum(_hundredths(rates[key]) for key in PARTS) == Decimal("100.00")
    assert sorted(rates[key] for key in PARTS[:3]) == [16.66, 16.67, 16.67]


def test_nothing_assigned_rates_nothing() -> None:
    rates = rates_of(_figures(0, 0, 0, 0, 0))
    assert set(rates.values()) == {0.0}


@given(
    st.integers(0, 5000),
    st.integers(0, 5000),
    st.integers(0, 5000),
    st.integers(0, 5000),
    st.integers(0, 5000),
)
def test_rates_add_up_and_stay_within_their_figures(
    on_time: int, late: int, overdue: int, in_progress: int, no_deadline: int
) -> None:
    figures = _figures(on_time, late, overdue, in_progress, no_deadline)
    rates = rates_of(figures)
    parts = [_hundredths(rates[key]) for key in PARTS]
    for key, part in zip(PARTS, parts, strict=True):
        assert Decimal(str(rates[key])) == part  # two decimals, no float noise
    if figures["assigned"]:
        assert sum(parts) == Decimal("100.00")
        for key in PARTS:
            exact = Decimal(figures[key] * 100) / figures["assigned"]
            assert abs(Decimal(str(rates[key])) - exact) < Decimal("0.01")
    assert rates["no_deadline"] <= rates["in_progress"]
    assert 0 <= rates["on_time_of_completed"] <= 100
    if on_time + late:
        exact = Decimal(on_time * 100) / (on_time + late)
        assert abs(Decimal(str(rates["on_time_of_completed"])) - exact) <= Decimal(
            "0.005"
        )
