"""``tracker calendar``: the Office records its own days off and make-up
working days as events; ``calendar show`` lists the year as the package and
the Office make it; the calendar's read model is proven, rebuilt, exported
and known at a past moment like the rest."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from domain.calendar_record import CALENDAR_ID
from tests.cli.helpers import ASSIGN, as_json, event_count, execute, ok, run
from tests.cli.test_verify_read_models import forge_event
from tests.conftest import TODAY
from tracker.calendar_cases import record_day_off, record_workday, recorded_calendar
from tracker.reading import Reading
from tracker.wiring import make_tracker

EN = ("--lang", "en")
DOC = "Quyết định 123/QĐ-UBND"


def en(db_url: str, *args: str) -> Any:
    return ok(db_url, *EN, *args)


def shown(db_url: str, *args: str) -> dict[str, Any]:
    return as_json(db_url, "calendar", "show", "2024", *args)  # type: ignore[no-any-return]


def days(listing: dict[str, Any]) -> dict[str, tuple[bool, str, bool]]:
    """Each listed date: (working, Vietnamese name, recorded by the Office)."""
    return {
        d["date"]: (d["working"], d["name_vi"], d["office"]) for d in listing["days"]
    }


@pytest.fixture
def corrected(db_url: str) -> str:
    """A task, a day off and a make-up Saturday of the Office's."""
    ok(db_url, *ASSIGN)
    added = en(
        db_url, "calendar", "holiday", "16/02/2024", "--reason", "Nghỉ bù Tết",
        "--doc", DOC,
    )  # fmt: skip
    assert added.stdout == "Recorded 16/02/2024 as a day off: Nghỉ bù Tết.\n"
    worked = en(
        db_url, "calendar", "workday", "24/02/2024", "--reason", "Làm bù Tết",
        "--doc", DOC,
    )  # fmt: skip
    assert worked.stdout == "Recorded 24/02/2024 as a working day: Làm bù Tết.\n"
    return db_url


def test_show_lists_the_years_holidays_moved_days_and_the_offices_own(
    corrected: str,
) -> None:
    listed = days(shown(corrected))
    # Tết 2024: 8-14/02 (Thursday to Wednesday; 10-11/02 are a weekend).
    for day in ("2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"):
        assert listed[day][0] is False and listed[day][2] is False
    assert "2024-02-10" not in listed and "2024-02-15" not in listed
    # 30/4-1/5: Monday 29/04 off, moved from Saturday 04/05, which is worked.
    assert listed["2024-04-29"][:1] == (False,)
    assert listed["2024-04-30"] == (False, "Ngày Chiến thắng", False)
    assert listed["2024-05-01"] == (False, "Ngày Quốc tế Lao động", False)
    assert listed["2024-05-04"][0] is True
    assert listed["2024-09-02"] == (False, "Quốc khánh", False)
    assert listed["2024-09-03"] == (False, "Quốc khánh", False)
    assert listed["2024-02-16"] == (False, "Nghỉ bù Tết", True)
    assert listed["2024-02-24"] == (True, "Làm bù Tết", True)
    office = [d for d in shown(corrected)["days"] if d["office"]]
    assert {d["document"] for d in office} == {DOC}
    assert {d["source"] for d in office} == {"office"}


def test_the_table_marks_the_offices_days_and_says_where_each_year_comes_from(
    corrected: str,
) -> None:
    table = en(corrected, "calendar", "show", "2024").stdout
    assert "16/02/2024 (*)" in table and "Office: Quyết định 123/QĐ-UBND" in table
    assert "holidays 0.109 (Vietnam)" in table and "Lunar New Year" in table
    line = " ".join(table.split())
    assert "Sources: the years 2000–2030 from the holidays 0.109 package" in line
    assert "the Office's corrections: 2024." in line
    vietnamese = " ".join(ok(corrected, "calendar", "show", "2024").stdout.split())
    assert "Văn phòng: Quyết định 123/QĐ-UBND" in vietnamese
    assert "Mùng ba Tết Nguyên Đán" in vietnamese
    assert "điều chỉnh của Văn phòng: 2024." in vietnamese
    csv = en(corrected, "calendar", "show", "2024", "--format", "csv").stdout
    assert "2024-02-16,Friday,day off,Nghỉ bù Tết,Office: Quyết định" in csv


def test_a_year_without_corrections_says_so(corrected: str) -> None:
    listing = as_json(corrected, "calendar", "show", "2023")
    assert not any(d["office"] for d in listing["days"])
    assert listing["source"]["office_days_off"] == 0
    assert listing["office_years"] == [2024]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("holiday", "16/02/2024", "--reason", "x"),
         "16/02/2024 is already recorded as a day off (Quyết định 123/QĐ-UBND)."),
        (("workday", "24/02/2024", "--reason", "x"),
         "24/02/2024 is already recorded as a working day (Quyết định"),
        (("holiday", "11/02/2024", "--reason", "x"),
         "11/02/2024 is a Sunday, a day off already."),
        (("holiday", "12/02/2024", "--reason", "x"),
         "is a day off already (Mùng ba Tết Nguyên Đán)."),
        (("workday", "15/02/2024", "--reason", "x"),
         "15/02/2024 is a working day already."),
        (("workday", "04/05/2024", "--reason", "x"), "is a working day already ("),
        (("holiday", "15/02/2031", "--reason", "x"),
         "knows the years 2000 to 2030; 15/02/2031 is outside them."),
        (("holiday", "15/02/2024", "--reason", " "), "reason must not be empty"),
        (("holiday", "15/02/2024", "--reason", "a\u0007b"), "control character"),
        (("holiday", "15/02/2024", "--reason", "x", "--doc", "d" * 501),
         "document is 501 characters long"),
        (("show", "1999"), "knows the years 2000 to 2030"),
    ],
)  # fmt: skip
def test_refusals_are_one_line_and_record_nothing(
    corrected: str, args: tuple[str, ...], fragment: str
) -> None:
    before = event_count(corrected)
    result = run(corrected, *EN, "calendar", *args)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert event_count(corrected) == before


def test_a_bad_date_or_a_missing_reason_is_a_usage_error(corrected: str) -> None:
    before = event_count(corrected)
    for args in (("holiday", "31/02/2024", "--reason", "x"), ("workday", "2/3/2024")):
        assert run(corrected, *EN, "calendar", *args).exit_code == 2
    assert event_count(corrected) == before


def test_vietnamese_refusals(corrected: str) -> None:
    result = run(corrected, "calendar", "holiday", "16/02/2024", "--reason", "x")
    assert result.stderr.strip() == (
        "Lỗi: Ngày 16/02/2024 đã được ghi là ngày nghỉ (Quyết định 123/QĐ-UBND)."
    )


def last_recorded_at(db_url: str) -> str:
    return str(execute(db_url, "SELECT max(recorded_at) FROM tracker_chain")[0][0])


def test_the_calendar_as_known_before_a_correction_lacks_it(corrected: str) -> None:
    moment = last_recorded_at(corrected)
    en(corrected, "calendar", "holiday", "19/02/2024", "--reason", "Nghỉ thêm")
    assert "2024-02-19" in days(shown(corrected))
    then = shown(corrected, "--as-known-at", moment)
    assert "2024-02-19" not in days(then)
    assert days(then)["2024-02-16"] == (False, "Nghỉ bù Tết", True)
    first = str(execute(corrected, "SELECT min(recorded_at) FROM tracker_chain")[0][0])
    before_any = shown(corrected, "--as-known-at", first)  # the task alone
    assert not any(d["office"] for d in before_any["days"])


def calendar_rows(db_url: str) -> list[tuple[Any, ...]]:
    rows = execute(db_url, "SELECT position, day, working, reason FROM calendar_days")
    return sorted((p, str(d), bool(w), r) for p, d, w, r in rows)


def test_verify_proves_the_calendar_and_a_rebuild_restores_it(corrected: str) -> None:
    assert (
        "Read models match a replay" in en(corrected, "verify", "--read-models").stdout
    )
    rows = calendar_rows(corrected)
    assert [row[1:] for row in rows] == [
        ("2024-02-16", False, "Nghỉ bù Tết"),
        ("2024-02-24", True, "Làm bù Tết"),
    ]
    execute(corrected, "DELETE FROM calendar_days WHERE reason = 'Làm bù Tết'")
    result = run(corrected, *EN, "verify", "--read-models")
    assert result.exit_code == 4
    assert f"calendar_days has a row (position {rows[1][0]})" in result.stderr
    assert "Ledger intact" in en(corrected, "verify").stdout  # the events are whole
    en(corrected, "projections", "rebuild")
    assert calendar_rows(corrected) == rows
    en(corrected, "verify", "--read-models")
    execute(corrected, "UPDATE calendar_days SET working = NOT working")
    assert run(corrected, *EN, "verify", "--read-models").exit_code == 4
    en(corrected, "projections", "rebuild")
    execute(
        corrected,
        "INSERT INTO calendar_days (position, day, working, reason, document)"
        " VALUES (99, '2024-03-01', false, 'x', '')",
    )
    assert run(corrected, *EN, "verify", "--read-models").exit_code == 4


def test_a_ledger_without_the_table_rebuilds_it_once(corrected: str) -> None:
    rows = calendar_rows(corrected)
    execute(corrected, "DROP TABLE calendar_days")  # as a version before it
    # Reading it finds no table, so the ledger opens and makes it again.
    assert days(shown(corrected))["2024-02-16"] == (False, "Nghỉ bù Tết", True)
    assert calendar_rows(corrected) == rows
    en(corrected, "verify", "--read-models")


def test_export_and_restore_carry_the_calendar(corrected: str, tmp_path: Path) -> None:
    exported = tmp_path / "so-cai.jsonl"
    en(corrected, "export", str(exported))
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    en(target, "restore", str(exported))
    assert days(shown(target)) == days(shown(corrected))
    en(target, "verify", "--read-models")
    en(target, "calendar", "holiday", "19/02/2024", "--reason", "Nghỉ thêm")
    refused = run(target, *EN, "calendar", "holiday", "16/02/2024", "--reason", "x")
    assert refused.exit_code == 1  # the restored events still count


def test_a_calendar_event_forged_onto_a_task_is_named_by_verify(
    corrected: str,
) -> None:
    state = json.dumps(
        {
            "timestamp": {
                "_type_": "datetime_iso",
                "_data_": "2026-11-23T08:00:00+00:00",
            },
            "effective_on": {"_type_": "date_iso", "_data_": "2026-11-23"},
            "actor": "b",
            "on": {"_type_": "date_iso", "_data_": "2024-03-04"},
            "reason": "x",
            "document": "",
        }
    ).encode()
    ok(corrected, "assign", "A-2", "--title", "t", "--agency", "Sở Y tế",
       "--assigner", "UBND tỉnh", "--assigned", "01/03/2024")  # fmt: skip
    position = forge_event(
        corrected, "domain.calendar_record:CalendarRecord.DayOffAdded", state
    )
    result = run(corrected, *EN, "verify", "--read-models")
    assert result.exit_code == 4
    assert f"position {position}" in result.stderr
    assert "is of a kind its aggregate does not record" in result.stderr


def test_two_clerks_recording_at_once_are_both_recorded(corrected: str) -> None:
    first = make_tracker(corrected, today=lambda: TODAY)
    second = make_tracker(corrected, today=lambda: TODAY)
    try:
        stale = first.repository.get(CALENDAR_ID)
        record_day_off(second, date(2024, 2, 19), "Nghỉ thêm", "", "b")
        loads = iter([stale])
        real_get = first.repository.get

        def get(*args: Any, **kwargs: Any) -> Any:
            return next(loads, None) or real_get(*args, **kwargs)

        first.repository.get = get  # type: ignore[method-assign]
        record_workday(first, date(2024, 3, 2), "Làm bù", "", "a")
        refused = run(corrected, *EN, "calendar", "holiday", "19/02/2024",
                      "--reason", "x")  # fmt: skip
        known = recorded_calendar(first)
    finally:
        first.close()
        second.close()
    assert refused.exit_code == 1  # the stale clerk's view did not hide it
    assert not known.is_working_day(date(2024, 2, 19))
    assert known.is_working_day(date(2024, 3, 2))
    assert {d for d, (_, _, office) in days(shown(corrected)).items() if office} == {
        "2024-02-16",
        "2024-02-19",
        "2024-02-24",
        "2024-03-02",
    }


def test_the_read_path_counts_on_the_calendar_as_known_then(corrected: str) -> None:
    moment = datetime.fromisoformat(last_recorded_at(corrected))
    en(corrected, "calendar", "holiday", "19/02/2024", "--reason", "Nghỉ thêm")
    ledger = make_tracker(corrected, today=lambda: TODAY)
    try:
        now, then = Reading.of(ledger).calendar(), Reading.of(ledger).calendar(moment)
    finally:
        ledger.close()
    friday, monday = date(2024, 2, 16), date(2024, 2, 19)
    assert not now.is_working_day(friday) and not now.is_working_day(monday)
    assert not then.is_working_day(friday) and then.is_working_day(monday)
    # Thursday 15/02 to Tuesday 20/02: 20/02 alone now, 19/02 and 20/02 then.
    assert now.working_days_between(date(2024, 2, 15), date(2024, 2, 20)) == 1
    assert then.working_days_between(date(2024, 2, 15), date(2024, 2, 20)) == 2
