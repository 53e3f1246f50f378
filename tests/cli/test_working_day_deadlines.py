"""``assign --due`` and ``extend --to`` as documents set deadlines: in working
days, in calendar days, or relative, always from the task's own date.

Expected dates are counted by hand in the comments (``*`` a weekday off)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.cli import helpers
from tests.cli.helpers import as_json, event_count, ok, run

TET_2024 = [
    "assign", "NV-2024-0007",
    "--title", "Báo cáo kết quả rà soát",
    "--agency", "Sở Nội vụ",
    "--assigner", "UBND tỉnh",
    "--assigned", "02/02/2024",
]  # fmt: skip
# From Fri 02/02/2024: Mon 05 (1), Tue 06 (2), Wed 07 (3), *08 *09 *12 *13
# *14 (Tết), Thu 15 (4), Fri 16 (5), Mon 19 (6) ... Fri 23 (10).
TENTH_WORKING_DAY = "2024-02-23"


@pytest.mark.parametrize("due", ["10wd", "10 ngày làm việc", "10 WD"])
def test_a_deadline_in_working_days_counts_from_the_assignment(
    db_url: str, due: str
) -> None:
    ok(db_url, *TET_2024, "--due", due)
    task = as_json(db_url, "show", "NV-2024-0007")
    assert task["due_on"] == task["original_due_on"] == TENTH_WORKING_DAY
    assert task["due_rule"] == task["original_due_rule"] == due


def test_show_displays_the_date_and_the_rule_in_both_languages(db_url: str) -> None:
    ok(db_url, *TET_2024, "--due", "10wd")
    vi = ok(db_url, "show", "NV-2024-0007").stdout
    assert "23/02/2024 (10 ngày làm việc)" in vi
    en = ok(db_url, "--lang", "en", "show", "NV-2024-0007").stdout
    assert "23/02/2024 (10 working days)" in en


def test_a_calendar_span_counts_from_the_assignment_not_from_today(
    db_url: str,
) -> None:
    # The case: assigned 02/05/2023, +10d is 12/05/2023.
    ok(db_url, *TET_2024[:-1], "02/05/2023", "--due", "+10d")
    task = as_json(db_url, "show", "NV-2024-0007")
    assert (task["due_on"], task["due_rule"]) == ("2023-05-12", "+10d")
    en = ok(db_url, "--lang", "en", "show", "NV-2024-0007").stdout
    assert "12/05/2023 (10 days)" in en


def test_end_of_month_counts_from_the_assignment(db_url: str) -> None:
    ok(db_url, *TET_2024[:-1], "02/05/2023", "--due", "eom")
    task = as_json(db_url, "show", "NV-2024-0007")
    assert (task["due_on"], task["due_rule"]) == ("2023-05-31", "eom")
    assert "31/05/2023 (eom)" in ok(db_url, "show", "NV-2024-0007").stdout


def test_a_date_typed_as_one_has_no_rule(db_url: str) -> None:
    ok(db_url, *helpers.ASSIGN)
    task = as_json(db_url, "show", "NV-2023-0042")
    assert (task["due_on"], task["due_rule"]) == ("2023-03-31", "")
    assert "31/03/2023 (" not in ok(db_url, "show", "NV-2023-0042").stdout


def test_an_extension_in_working_days_counts_from_its_own_date(db_url: str) -> None:
    ok(db_url, *TET_2024, "--due", "10wd")
    # From Tue 20/02/2024: Wed 21 (1), Thu 22 (2), Fri 23 (3), Mon 26 (4),
    # Tue 27 (5).
    ok(db_url, "extend", "NV-2024-0007", "--to", "5wd", "--on", "20/02/2024")
    task = as_json(db_url, "show", "NV-2024-0007", "--as-of", "01/03/2024")
    assert (task["due_on"], task["due_rule"]) == ("2024-02-27", "5wd")
    assert task["original_due_rule"] == "10wd"
    assert task["extensions"][0]["due_rule"] == "5wd"
    shown = ok(db_url, "--lang", "en", "show", "NV-2024-0007").stdout
    assert "→ 27/02/2024 (5 working days)" in shown
    # The deadline in force before the extension keeps its own rule.
    before = as_json(db_url, "show", "NV-2024-0007", "--as-of", "19/02/2024")
    assert (before["due_on"], before["due_rule"]) == (TENTH_WORKING_DAY, "10wd")


def test_an_extension_in_calendar_days_counts_from_its_own_date(db_url: str) -> None:
    ok(db_url, *helpers.ASSIGN)
    ok(db_url, "extend", "NV-2023-0042", "--to", "+15d", "--on", "25/03/2023")
    task = as_json(db_url, "show", "NV-2023-0042")
    assert (task["due_on"], task["due_rule"]) == ("2023-04-09", "+15d")


def test_history_shows_the_rule(db_url: str) -> None:
    ok(db_url, *TET_2024, "--due", "10 ngày làm việc")
    (assigned,) = as_json(db_url, "history", "NV-2024-0007")
    assert (assigned["due_on"], assigned["due_rule"]) == (
        TENTH_WORKING_DAY,
        "10 ngày làm việc",
    )
    table = ok(db_url, "--lang", "en", "history", "NV-2024-0007").stdout
    assert "Deadline rule: 10 ngày làm việc" in table


def test_correcting_the_due_date_drops_the_rule_it_replaces(db_url: str) -> None:
    ok(db_url, *TET_2024, "--due", "10wd")
    ok(
        db_url, "correct", "NV-2024-0007", "due_on", "01/03/2024", "--reason",
        "Nhập nhầm hạn",
    )  # fmt: skip
    task = as_json(db_url, "show", "NV-2024-0007")
    assert (task["due_on"], task["due_rule"]) == ("2024-03-01", "")


def test_as_known_at_shows_the_rule_known_then(db_url: str) -> None:
    ok(db_url, *TET_2024, "--due", "10wd")
    (assigned,) = as_json(db_url, "history", "NV-2024-0007")
    ok(db_url, "extend", "NV-2024-0007", "--to", "5wd", "--on", "20/02/2024")
    then = as_json(
        db_url, "show", "NV-2024-0007", "--as-known-at", assigned["recorded_at"]
    )
    assert (then["due_on"], then["due_rule"], then["extensions"]) == (
        TENTH_WORKING_DAY,
        "10wd",
        [],
    )


def test_a_later_calendar_does_not_move_a_recorded_deadline(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from domain.working_days import Correction, vietnam_calendar
    from tracker.ledger import TaskLedger

    ok(db_url, *TET_2024, "--due", "10wd")
    day_off = Correction(date(2024, 2, 19), False, "QĐ 1/UBND")
    corrected = vietnam_calendar([day_off])
    monkeypatch.setattr(TaskLedger, "working_calendar", lambda self: corrected)
    ok(db_url, *TET_2024[:1], "NV-2024-0008", *TET_2024[2:], "--due", "10wd")
    assert as_json(db_url, "show", "NV-2024-0007")["due_on"] == TENTH_WORKING_DAY
    # With Mon 19/02 off too, the tenth working day is Mon 26/02.
    assert as_json(db_url, "show", "NV-2024-0008")["due_on"] == "2024-02-26"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["--due", "0wd"], "counts no days"),
        (["--due", "-3wd"], "counts backwards"),
        (["--due", "0 ngày làm việc"], "counts no days"),
    ],
)
def test_a_wrong_rule_is_refused_in_one_line(
    db_url: str, command: list[str], message: str
) -> None:
    result = run(db_url, "--lang", "en", *TET_2024, *command)
    assert result.exit_code == 1, result.output
    assert message in result.stderr and "due date" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert event_count(db_url) == 0


def test_working_days_outside_the_known_years_are_refused_naming_them(
    db_url: str,
) -> None:
    result = run(db_url, "--lang", "en", *TET_2024[:-1], "15/06/1999", "--due", "10wd")
    assert result.exit_code == 1, result.output
    assert "knows the years 2000 to 2030; 15/06/1999" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert event_count(db_url) == 0


def test_a_wrong_extension_rule_records_nothing(db_url: str) -> None:
    ok(db_url, *TET_2024, "--due", "10wd")
    before = event_count(db_url)
    result = run(
        db_url, "--lang", "en", "extend", "NV-2024-0007", "--to", "-3wd", "--on",
        "20/02/2024",
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "new due date '-3wd' counts backwards" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert event_count(db_url) == before


def test_an_import_counts_working_days_from_each_rows_assignment(
    db_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "nhiem-vu.csv"
    path.write_text(
        "Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan giao,Ngày giao,Hạn xử lý\n"
        "NV-01,Rà soát,Sở Tư pháp,UBND tỉnh,02/02/2024,10 ngày làm việc\n"
        "NV-02,Số hóa,Sở Nội vụ,UBND tỉnh,24/01/2025,10wd\n"
        "NV-03,Đề án 06,Công an tỉnh,UBND tỉnh,02/05/2023,+10d\n",
        encoding="utf-8",
    )
    ok(db_url, "import", str(path))
    shown = {
        code: as_json(db_url, "show", code) for code in ("NV-01", "NV-02", "NV-03")
    }
    # NV-02, from Fri 24/01/2025: *27 - *31/01 (Tết 2025), Mon 03/02 (1) ...
    # Fri 07 (5), Mon 10 (6) ... Fri 14/02 (10).
    assert {code: (t["due_on"], t["due_rule"]) for code, t in shown.items()} == {
        "NV-01": (TENTH_WORKING_DAY, "10 ngày làm việc"),
        "NV-02": ("2025-02-14", "10wd"),
        "NV-03": ("2023-05-12", "+10d"),
    }
    # The same file again: the same deadlines, nothing recorded.
    before = event_count(db_url)
    ok(db_url, "import", str(path))
    assert event_count(db_url) == before


def test_an_import_refuses_a_wrong_rule_by_its_row(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "loi.csv"
    path.write_text(
        "Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan giao,Ngày giao,Hạn xử lý\n"
        "NV-01,Rà soát,Sở Tư pháp,UBND tỉnh,02/02/2024,0wd\n"
        "NV-02,Số hóa,Sở Nội vụ,UBND tỉnh,15/06/1999,10wd\n",
        encoding="utf-8",
    )
    result = run(db_url, "--lang", "en", "import", str(path))
    assert result.exit_code == 1, result.output
    assert "row 2 (NV-01): due: The due date '0wd' counts no days" in result.stderr
    assert "row 3 (NV-02): due: The working-day calendar knows" in result.stderr
    assert event_count(db_url) == 0
