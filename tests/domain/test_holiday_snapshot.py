"""The holidays kept beside the code are the pinned package's own answer."""

from __future__ import annotations

import json

from domain import holiday_snapshot, working_days


def test_the_snapshot_is_what_the_installed_package_computes() -> None:
    kept = json.loads(holiday_snapshot.SNAPSHOT.read_text(encoding="utf-8"))
    first, last = working_days.FIRST_YEAR, working_days.LAST_YEAR
    assert kept == holiday_snapshot.snapshot(first, last)
    assert kept["version"] == holiday_snapshot.PINNED


def test_a_calendar_from_the_snapshot_equals_one_from_the_package() -> None:
    first, last = 2023, 2026
    read = holiday_snapshot.read(first, last)
    assert read == working_days.computed_package_years(first, last)


def test_years_the_snapshot_does_not_hold_are_asked_of_the_package() -> None:
    assert holiday_snapshot.read(1990, 2030) is None
    calendar = working_days.vietnam_calendar(first_year=1995, last_year=1996)
    assert calendar.known_years == range(1995, 1997)
