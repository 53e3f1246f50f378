"""Days overdue and days left in calendar days and in working days, as the
overdue list and the listing show them; the dates are counted by hand in
the comments (Tết 2024: Thursday 08/02 to Wednesday 14/02 off)."""

from __future__ import annotations

from typing import Any

from tests.cli.helpers import as_json, ok

TU_PHAP = "Sở Tư pháp"


def assign(db_url: str, code: str, assigned: str, due: str) -> None:
    ok(
        db_url, "assign", code, "--title", f"Nhiệm vụ {code}", "--agency", TU_PHAP,
        "--assigner", "UBND tỉnh", "--assigned", assigned, "--due", due,
    )  # fmt: skip


def entries(answer: dict[str, Any], key: str = "overdue") -> dict[str, Any]:
    return {entry["code"]: entry for entry in answer[key]}


def test_days_overdue_and_left_in_both_counts_across_tet_2024(db_url: str) -> None:
    # Due Monday 05/02/2024, asked Monday 19/02: 14 calendar days. Working
    # days in 06/02-19/02: Tue 06, Wed 07; 08-14 Tết (and a weekend);
    # Thu 15, Fri 16; Mon 19: 5.
    assign(db_url, "TET-1", "02/01/2024", "05/02/2024")
    # Due Monday 26/02: 7 days left; working days 20/02-26/02: Tue 20 to
    # Fri 23, Mon 26: 5.
    assign(db_url, "TET-2", "02/01/2024", "26/02/2024")
    answer = as_json(db_url, "overdue", "--as-of", "19/02/2024", "--due-within", "7")
    late = entries(answer)["TET-1"]
    assert (late["days_overdue"], late["working_days_overdue"]) == (14, 5)
    soon = entries(answer, "due_soon")["TET-2"]
    assert (soon["days_left"], soon["working_days_left"]) == (7, 5)
    listed = {
        row["code"]: row for row in as_json(db_url, "list", "--as-of", "19/02/2024")
    }
    assert listed["TET-1"]["days_overdue"] == 14
    assert listed["TET-1"]["working_days_overdue"] == 5
    assert listed["TET-1"]["days_left"] is None
    assert (listed["TET-2"]["days_left"], listed["TET-2"]["working_days_left"]) == (
        7,
        5,
    )
    csv = ok(db_url, "list", "--status", "overdue", "--as-of", "19/02/2024",
             "--format", "csv").output  # fmt: skip
    assert csv.splitlines()[0].endswith("Số ngày quá hạn,Số ngày làm việc quá hạn")
    assert csv.splitlines()[1].endswith(",14,5")


def test_ages_in_working_days_when_asked(db_url: str) -> None:
    # Due Sunday 31/12/2023, asked Friday 09/02/2024: 40 calendar days (31 of
    # January and 9 of February), so over 30. Working days: January's 23
    # weekdays less New Year's Day (22), then Thu 01 and Fri 02, Mon 05 to
    # Wed 07 February (08 and 09 are Tết): 27, not over 30.
    assign(db_url, "NAM-1", "01/12/2023", "31/12/2023")
    days = as_json(db_url, "overdue", "--as-of", "09/02/2024")
    assert entries(days)["NAM-1"]["working_days_overdue"] == 27
    assert days["summary"] == {
        "total": 1, "over_30": 1, "over_60": 0, "over_120": 0, "age_in": "days"
    }  # fmt: skip
    working = as_json(
        db_url, "overdue", "--as-of", "09/02/2024", "--age-in", "working-days"
    )
    assert working["summary"]["over_30"] == 0
    assert working["summary"]["age_in"] == "working-days"
    text = ok(db_url, "overdue", "--as-of", "09/02/2024", "--age-in", "working-days")
    assert "(tính theo ngày làm việc)" in text.output


def test_a_due_date_the_calendar_does_not_know_has_no_working_day_count(
    db_url: str,
) -> None:
    assign(db_url, "CU-1", "01/06/1999", "15/06/1999")
    answer = as_json(db_url, "overdue", "--as-of", "30/06/2023")
    entry = entries(answer)["CU-1"]
    assert entry["working_days_overdue"] is None
    assert entry["days_overdue"] == 8781  # 15/06/1999 to 30/06/2023
    aged = as_json(
        db_url, "overdue", "--as-of", "30/06/2023", "--age-in", "working-days"
    )
    assert aged["summary"]["over_120"] == 1  # counted in calendar days then


def test_the_offices_day_off_counts_in_the_overdue_list(db_url: str) -> None:
    assign(db_url, "TET-1", "02/01/2024", "05/02/2024")
    ok(db_url, "calendar", "holiday", "16/02/2024", "--reason", "Nghỉ thêm")
    answer = as_json(db_url, "overdue", "--as-of", "19/02/2024")
    assert entries(answer)["TET-1"]["working_days_overdue"] == 4  # not Fri 16
