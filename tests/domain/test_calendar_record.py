"""The Office's corrections to the working-day calendar: what the aggregate
records, what it refuses and why, and that its state is its events'."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.calendar_record import CALENDAR_ID, CalendarError, CalendarRecord
from domain.errors import TrackerError
from domain.limits import CITATION_LENGTH, NOTE_LENGTH
from domain.working_days import Correction, OutsideCalendar, vietnam_calendar

TODAY = date(2024, 1, 20)
DOC = "Quyết định 123/QĐ-UBND"


def opened() -> CalendarRecord:
    return CalendarRecord.open(actor="chuyên viên A", today=TODAY)


def day_off(
    record: CalendarRecord, on: date, reason: str = "Nghỉ bù", **kw: Any
) -> Any:
    values = {"document": DOC, "actor": "a", "today": TODAY, **kw}
    return record.add_day_off(on=on, reason=reason, **values)


def workday(record: CalendarRecord, on: date, reason: str = "Làm bù", **kw: Any) -> Any:
    values = {"document": DOC, "actor": "a", "today": TODAY, **kw}
    return record.add_workday(on=on, reason=reason, **values)


def replayed(record: CalendarRecord) -> CalendarRecord:
    """The aggregate made again from the events it recorded."""
    again = None
    for event in record.collect_events():
        again = event.mutate(again)
    assert isinstance(again, CalendarRecord)
    return again


def test_a_day_off_and_a_workday_are_recorded_as_events_with_their_document() -> None:
    record = opened()
    off = day_off(record, date(2024, 2, 16), "Nghỉ bù Tết")  # a Friday
    worked = workday(record, date(2024, 2, 24), "Làm bù Tết", document="")  # Saturday
    events = record.collect_events()
    assert [type(e).__name__ for e in events] == [
        "Opened",
        "DayOffAdded",
        "WorkdayAdded",
    ]
    assert {e.originator_id for e in events} == {CALENDAR_ID}
    assert (events[1].on, events[1].reason, events[1].document) == (
        date(2024, 2, 16),
        "Nghỉ bù Tết",
        DOC,
    )
    assert events[2].document == "" and worked.cited == "Làm bù Tết"
    assert off.correction == Correction(date(2024, 2, 16), False, "Nghỉ bù Tết")
    assert not record.calendar.is_working_day(date(2024, 2, 16))
    assert record.calendar.is_working_day(date(2024, 2, 24))


def test_the_state_is_what_the_events_make() -> None:
    record = opened()
    day_off(record, date(2024, 2, 16))
    workday(record, date(2024, 2, 24))
    again = replayed(record)
    assert again.days == record.days and again.id == CALENDAR_ID


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (day_off, day_off, "16/02/2024 is already recorded as a day off (Quyết định "
         "123/QĐ-UBND)."),
        (None, workday, "16/02/2024 is a working day already."),
    ],
)  # fmt: skip
def test_a_day_recorded_twice_is_refused_naming_the_first(
    first: Any, second: Any, message: str
) -> None:
    record = opened()
    if first is not None:
        first(record, date(2024, 2, 16))
    with pytest.raises(CalendarError) as refused:
        second(record, date(2024, 2, 16))
    assert str(refused.value) == message


def test_a_workday_recorded_twice_cites_its_reason_without_a_document() -> None:
    record = opened()
    workday(record, date(2024, 3, 2), "Làm bù giỗ Tổ", document="")
    with pytest.raises(CalendarError) as refused:
        workday(record, date(2024, 3, 2))
    assert str(refused.value) == (
        "02/03/2024 is already recorded as a working day (Làm bù giỗ Tổ)."
    )


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (date(2024, 2, 11), "11/02/2024 is a Sunday, a day off already."),
        (date(2024, 3, 2), "02/03/2024 is a Saturday, a day off already."),
        (
            date(2024, 2, 12),
            "12/02/2024 is a day off already (Mùng ba Tết Nguyên Đán).",
        ),
        (date(2024, 9, 2), "02/09/2024 is a day off already (Quốc khánh)."),
    ],
)
def test_a_day_off_the_calendar_has_already_is_refused_saying_why(
    on: date, message: str
) -> None:
    record = opened()
    with pytest.raises(CalendarError) as refused:
        day_off(record, on)
    assert str(refused.value) == message
    assert record.days == ()


def test_a_workday_the_package_lists_is_refused_naming_it() -> None:
    with pytest.raises(CalendarError) as refused:
        workday(opened(), date(2024, 5, 4))  # the package's make-up Saturday
    assert str(refused.value) == (
        "04/05/2024 is a working day already (Ngày làm bù (cho ngày nghỉ 29/04/2024))."
    )


def test_the_office_may_overrule_the_package_and_change_its_mind() -> None:
    record = opened()
    workday(record, date(2024, 4, 29), "Không nghỉ bù")  # the package's moved day
    workday(record, date(2024, 3, 2), "Làm bù")  # a plain Saturday worked...
    day_off(record, date(2024, 3, 2), "Nghỉ")  # ...no: off after all
    workday(record, date(2024, 3, 2), "Làm bù lại")  # worked again
    calendar = record.calendar
    assert calendar.is_working_day(date(2024, 4, 29))
    assert calendar.is_working_day(date(2024, 3, 2))
    assert [d.name_vi for d in calendar.exceptions_in(2024) if d.on.month == 3] == [
        "Làm bù lại"
    ]


@pytest.mark.parametrize("on", [date(1999, 12, 31), date(2031, 1, 1)])
def test_a_date_outside_the_known_years_is_refused_naming_them(on: date) -> None:
    for command in (day_off, workday):
        with pytest.raises(OutsideCalendar) as refused:
            command(opened(), on)
        assert "knows the years 2000 to 2030" in str(refused.value)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"reason": ""}, "The reason must not be empty."),
        ({"reason": "   "}, "The reason must not be empty."),
        ({"reason": "Nghỉ\u0007bù"}, "control character U+0007"),
        ({"reason": "x" * (NOTE_LENGTH + 1)}, "reason is 2,001 characters long"),
        ({"document": "123\u202e"}, "bidirectional"),
        ({"document": "x" * (CITATION_LENGTH + 1)}, "document is 501 characters"),
        ({"actor": ""}, "actor must not be empty"),
        ({"on": date(1800, 1, 1)}, "date 01/01/1800 is outside"),
    ],
)
def test_bad_values_are_refused_before_anything_is_recorded(
    changes: dict[str, Any], fragment: str
) -> None:
    record = opened()
    record.collect_events()
    values = {"on": date(2024, 2, 16), "reason": "Nghỉ bù", **changes}
    with pytest.raises(TrackerError) as refused:
        day_off(record, values.pop("on"), values.pop("reason"), **values)
    assert fragment in str(refused.value)
    assert record.collect_events() == [] and record.days == ()


# Two months of 2024: Tết, weekends and plain weekdays, often the same day.
DAYS = st.integers(0, 59).map(lambda n: date(2024, 1, 20) + timedelta(days=n))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(DAYS, st.booleans()), max_size=25))
def test_any_sequence_is_refused_exactly_when_it_would_change_nothing(
    asked: list[tuple[date, bool]],
) -> None:
    """Whatever the Office asks, in any order: a correction is recorded when
    it changes the day, refused when the day is already so, and the calendar
    then says of each day what the last recorded correction said, else what
    the package says."""
    package = vietnam_calendar()
    record = opened()
    latest: dict[date, bool] = {}
    accepted = 0
    for on, working in asked:
        now = latest.get(on, package.is_working_day(on))
        command = workday if working else day_off
        if now == working:
            with pytest.raises(CalendarError):
                command(record, on)
        else:
            command(record, on)
            latest[on] = working
            accepted += 1
    assert len(record.days) == accepted
    calendar = replayed(record).calendar
    for on, _ in asked:
        assert calendar.is_working_day(on) == latest.get(on, package.is_working_day(on))
