"""A deadline that ends on a day off ends at the end of the next working day
(Civil Code 2015, art. 148), when the Office sets
``deadline_rolls_to_working_day``; off, the deadline is the date written."""

from __future__ import annotations

from typing import Any

from tests.cli.helpers import as_json, ok, run

# Worked out by hand from the 2024 calendar:
# Tết: Thursday 08/02 to Wednesday 14/02/2024 off (Saturday 10/02 is the
#   first day of the year); Thursday 15/02 is the first working day after.
# 30/4-1/5: Saturday 27/04 and Sunday 28/04, Monday 29/04 (moved for the
#   Saturday 04/05 worked), Tuesday 30/04 and Wednesday 01/05 off;
#   Thursday 02/05/2024 is the first working day after.
TET = ("NV-TET", "01/02/2024", "10/02/2024")
MAY = ("NV-304", "01/04/2024", "27/04/2024")
DONE = ("NV-XONG", "01/02/2024", "10/02/2024")


def _assign(db_url: str, code: str, assigned: str, due: str) -> None:
    ok(db_url, "assign", code, "--title", "Báo cáo rà soát", "--agency",
       "Sở Tư pháp", "--assigner", "UBND tỉnh", "--assigned", assigned,
       "--due", due, "--doc", "12/UBND-TH")  # fmt: skip


def _ledger(db_url: str) -> None:
    for task in (TET, MAY, DONE):
        _assign(db_url, *task)
    ok(db_url, "complete", "NV-XONG", "--on", "15/02/2024")


def _rolls(db_url: str, value: str) -> None:
    ok(db_url, "config", "set", "deadline_rolls_to_working_day", value)


def _overdue_codes(db_url: str, on: str) -> list[str]:
    answer = as_json(db_url, "overdue", "--as-of", on)
    return sorted(row["code"] for row in answer["overdue"])


def _report(db_url: str, on: str) -> Any:
    return as_json(db_url, "report", "--from", "01/01/2024", "--to",
                   "30/06/2024", "--as-of", on)  # fmt: skip


def test_off_by_default_a_deadline_on_a_day_off_lapses_the_day_after(
    db_url: str,
) -> None:
    _ledger(db_url)
    assert _overdue_codes(db_url, "12/02/2024") == ["NV-TET", "NV-XONG"]
    assert _overdue_codes(db_url, "29/04/2024") == ["NV-304", "NV-TET"]
    report = _report(db_url, "29/04/2024")
    assert (report["overdue"], report["late"], report["on_time"]) == (2, 1, 0)
    assert report["rules"] == {"deadline_rolls_to_working_day": False}


def test_on_a_deadline_on_a_day_off_runs_to_the_next_working_day(
    db_url: str,
) -> None:
    _ledger(db_url)
    _rolls(db_url, "on")
    assert _overdue_codes(db_url, "12/02/2024") == []
    assert _overdue_codes(db_url, "14/02/2024") == []
    assert _overdue_codes(db_url, "16/02/2024") == ["NV-TET"]
    assert _overdue_codes(db_url, "02/05/2024") == ["NV-TET"]
    assert _overdue_codes(db_url, "03/05/2024") == ["NV-304", "NV-TET"]
    on_tet = _report(db_url, "15/02/2024")
    assert (on_tet["overdue"], on_tet["in_progress"]) == (0, 2)
    assert (on_tet["late"], on_tet["on_time"]) == (0, 1)  # done on 15/02
    on_may = _report(db_url, "02/05/2024")
    assert (on_may["overdue"], on_may["in_progress"], on_may["on_time"]) == (1, 1, 1)
    assert on_may["rules"] == {"deadline_rolls_to_working_day": True}


def test_the_overdue_summary_and_json_name_the_rule(db_url: str) -> None:
    _ledger(db_url)
    _rolls(db_url, "on")
    answer = as_json(db_url, "overdue", "--as-of", "02/05/2024")
    assert answer["rules"] == {"deadline_rolls_to_working_day": True}
    assert answer["summary"]["total"] == 1
    _rolls(db_url, "off")
    answer = as_json(db_url, "overdue", "--as-of", "02/05/2024")
    assert answer["rules"] == {"deadline_rolls_to_working_day": False}
    assert answer["summary"]["total"] == 2


def test_the_footer_cites_the_article_only_when_the_rule_applies(
    db_url: str,
) -> None:
    _ledger(db_url)
    article = "(Điều 148 Bộ luật Dân sự 2015)"
    english = "(Civil Code 2015, art. 148)"
    for args in (("overdue", "--as-of", "02/05/2024"),
                 ("report", "--period", "2024-H1")):  # fmt: skip
        assert article not in ok(db_url, *args).stdout
        _rolls(db_url, "on")
        assert article in ok(db_url, *args).stdout
        assert english in ok(db_url, "--lang", "en", *args, "--format", "md").stdout
        _rolls(db_url, "off")


def test_the_setting_takes_on_or_off_only(db_url: str) -> None:
    refused = run(db_url, "--lang", "en", "config", "set",
                  "deadline_rolls_to_working_day", "yes")  # fmt: skip
    assert refused.exit_code == 1
    assert refused.stderr.strip().splitlines() == [
        "Error: The setting deadline_rolls_to_working_day is on or off, not yes."
    ]
    vietnamese = run(db_url, "config", "set", "deadline_rolls_to_working_day", "1")
    assert "chỉ nhận on (bật) hoặc off (tắt)" in vietnamese.stderr
    assert ok(db_url, "config", "get", "deadline_rolls_to_working_day").stdout == (
        "off\n"
    )


def test_show_classifies_by_the_rule_and_says_which(db_url: str) -> None:
    _ledger(db_url)
    shown = as_json(db_url, "show", "NV-TET", "--as-of", "14/02/2024")
    assert shown["status"] == "overdue"
    assert shown["rules"] == {"deadline_rolls_to_working_day": False}
    _rolls(db_url, "on")
    shown = as_json(db_url, "show", "NV-TET", "--as-of", "14/02/2024")
    assert shown["status"] == "in_progress"
    assert shown["rules"] == {"deadline_rolls_to_working_day": True}
    assert as_json(db_url, "show", "NV-XONG", "--as-of", "20/02/2024")["status"] == (
        "on_time"
    )
    table = ok(db_url, "show", "NV-TET", "--as-of", "14/02/2024").stdout
    assert "(Điều 148 Bộ luật Dân sự 2015)" in table


def test_a_report_by_agency_moves_the_same_tasks(db_url: str) -> None:
    _ledger(db_url)
    _rolls(db_url, "on")
    report = as_json(db_url, "report", "--period", "2024-H1", "--as-of",
                     "15/02/2024", "--by", "agency")  # fmt: skip
    [group] = report["groups"]
    assert (group["name"], group["overdue"], group["in_progress"]) == (
        "Sở Tư pháp", 0, 2,
    )  # fmt: skip
    assert (group["late"], group["on_time"]) == (0, 1)


def _listed(db_url: str, on: str, *statuses: str) -> dict[str, str]:
    flags = [arg for status in statuses for arg in ("--status", status)]
    rows = as_json(db_url, "list", "--as-of", on, *flags)
    return {row["code"]: row["status"] for row in rows}


def test_list_rolls_the_statuses_and_their_filters_too(db_url: str) -> None:
    _ledger(db_url)
    assert _listed(db_url, "14/02/2024") == {
        "NV-TET": "overdue", "NV-304": "in_progress", "NV-XONG": "overdue"
    }  # fmt: skip
    _rolls(db_url, "on")
    assert _listed(db_url, "14/02/2024") == {
        "NV-TET": "in_progress", "NV-304": "in_progress", "NV-XONG": "in_progress"
    }  # fmt: skip
    assert _listed(db_url, "14/02/2024", "overdue") == {}
    assert set(_listed(db_url, "14/02/2024", "in_progress")) == {
        "NV-TET", "NV-304", "NV-XONG"
    }  # fmt: skip
    # Completed on Thursday 15/02, the rolled deadline: on time, not late.
    assert _listed(db_url, "16/02/2024", "on_time") == {"NV-XONG": "on_time"}
    assert _listed(db_url, "16/02/2024", "late") == {}
    assert _listed(db_url, "16/02/2024", "overdue") == {"NV-TET": "overdue"}
