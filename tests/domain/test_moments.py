"""Recording moments for "as known at" and "since"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from domain.dates import DateParseError, parse_moment

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2023, 6, 20)


def test_day_first_with_time_is_vietnam_time() -> None:
    moment = parse_moment("15/06/2023 09:00", TODAY, VIETNAM)
    assert moment.astimezone(UTC) == datetime(2023, 6, 15, 2, 0, tzinfo=UTC)


def test_a_date_alone_is_the_end_of_that_day_or_its_start() -> None:
    end = parse_moment("15/06/2023", TODAY, VIETNAM)
    assert (end.hour, end.minute, end.second) == (23, 59, 59)
    start = parse_moment("15/06/2023", TODAY, VIETNAM, date_alone="start")
    assert (start.hour, start.minute) == (0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-15T09:00:30", datetime(2023, 6, 15, 9, 0, 30, tzinfo=VIETNAM)),
        ("2023-06-15 02:00Z", datetime(2023, 6, 15, 2, 0, tzinfo=UTC)),
        (
            "2023-06-15T09:00+07:00",
            datetime(2023, 6, 15, 9, 0, tzinfo=timezone(timedelta(hours=7))),
        ),
        ("15/6/23 9h30", datetime(2023, 6, 15, 9, 30, tzinfo=VIETNAM)),
        (
            "2026-11-23T08:30:39.269899+00:00",
            datetime(2026, 11, 23, 8, 30, 39, 269899, tzinfo=UTC),
        ),
    ],
)
def test_iso_and_offsets(text: str, expected: datetime) -> None:
    assert parse_moment(text, TODAY, VIETNAM) == expected


@pytest.mark.parametrize("text", ["15/06/2023 25:00", "31/02/2023 09:00", "soon"])
def test_bad_moments(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_moment(text, TODAY, VIETNAM)
