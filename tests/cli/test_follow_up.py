"""The clerk's week, as typed: reminders (đôn đốc), confirming or sending
back a reported completion, and what changed in the overdue list."""

from __future__ import annotations

from typing import Any

from tests.cli.helpers import as_json, event_count, execute, ok, run

TU_PHAP = "Sở Tư pháp"
NOI_VU = "Sở Nội vụ"
TASKS = [
    ("NV-01", TU_PHAP, "31/03/2023"),
    ("NV-02", TU_PHAP, "30/04/2023"),
    ("NV-03", TU_PHAP, "10/06/2023"),
    ("NV-04", NOI_VU, "31/03/2023"),
    ("NV-05", TU_PHAP, "15/03/2023"),
]


def assigned(db_url: str) -> None:
    for code, agency, due in TASKS:
        ok(
            db_url,
            "assign", code,
            "--title", f"Nhiệm vụ {code}",
            "--agency", agency,
            "--assigner", "UBND tỉnh",
            "--assigned", "14/02/2023",
            "--due", due,
            "--doc", "495/UBND-TTHC",
        )  # fmt: skip
    ok(db_url, "complete", "NV-05", "--on", "10/03/2023")


def entries(db_url: str, *args: str) -> dict[str, Any]:
    answer = as_json(db_url, "overdue", *args)
    return {entry["code"]: entry for entry in answer["overdue"]}


def english(db_url: str, *args: str) -> Any:
    return run(db_url, "--lang", "en", *args)


def test_a_reminder_chases_the_agencys_overdue_tasks_only(db_url: str) -> None:
    assigned(db_url)
    result = english(
        db_url, "remind", "--agency", "so tu phap", "--on", "05/06/2023",
        "--doc", "1018/UBND-CCHC",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "Recorded reminder 1018/UBND-CCHC of 05/06/2023 for Sở Tư pháp: "
        "2 tasks (NV-01, NV-02)."
    )
    listed = entries(db_url, "--as-of", "05/06/2023")
    assert {code: e["reminders"] for code, e in listed.items()} == {
        "NV-01": 1,
        "NV-02": 1,
        "NV-04": 0,
    }
    assert listed["NV-01"]["last_reminded_on"] == "2023-06-05"
    assert listed["NV-01"]["last_reminder_doc"] == "1018/UBND-CCHC"
    assert listed["NV-04"]["last_reminded_on"] is None
    assert listed["NV-04"]["last_reminder_doc"] is None
    before = entries(db_url, "--as-of", "04/06/2023")  # sent the day after
    assert before["NV-01"]["reminders"] == 0
    history = as_json(db_url, "history", "NV-01")
    assert history[-1]["type"] == "Reminded"
    assert history[-1]["document"] == "1018/UBND-CCHC"
    assert history[-1]["effective_on"] == "2023-06-05"


def test_reminders_count_up_and_the_last_one_shows(db_url: str) -> None:
    assigned(db_url)
    for on, doc in (("05/06/2023", "1018/UBND-CCHC"), ("20/06/2023", "1164/UBND")):
        ok(db_url, "remind", "--code", "NV-04", "--on", on, "--doc", doc)
    ok(db_url, "remind", "--code", "NV-04", "--on", "12/06/2023", "--doc", "2272")
    listed = entries(db_url, "--as-of", "30/06/2023")
    assert listed["NV-04"]["reminders"] == 3
    assert listed["NV-04"]["last_reminder_doc"] == "1164/UBND"  # latest by date
    assert entries(db_url, "--as-of", "15/06/2023")["NV-04"]["reminders"] == 2
    shown = as_json(db_url, "show", "NV-04", "--as-of", "30/06/2023")
    assert [r["on"] for r in shown["reminders"]] == [
        "2023-06-05",
        "2023-06-12",
        "2023-06-20",
    ]
    text = ok(db_url, "show", "NV-04", "--as-of", "30/06/2023").output
    assert "Đôn đốc 20/06/2023: 1164/UBND" in text


def test_due_within_also_reminds_what_falls_due(db_url: str) -> None:
    assigned(db_url)
    ok(
        db_url, "remind", "--agency", TU_PHAP, "--on", "05/06/2023",
        "--doc", "1018/UBND-CCHC", "--due-within", "7",
    )  # fmt: skip
    soon = as_json(db_url, "overdue", "--as-of", "05/06/2023", "--due-within", "7")
    assert [(e["code"], e["reminders"]) for e in soon["due_soon"]] == [("NV-03", 1)]


def refused(db_url: str, *args: str, exit_code: int = 1) -> str:
    before = event_count(db_url)
    result = english(db_url, *args)
    assert result.exit_code == exit_code, result.output
    assert event_count(db_url) == before
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 or exit_code == 2, result.stderr
    return result.stderr


def test_reminders_that_cannot_be_are_refused_with_nothing_recorded(
    db_url: str,
) -> None:
    assigned(db_url)
    remind = ("remind", "--on", "05/06/2023", "--doc", "1018/UBND-CCHC")
    assert "before the assignment date 14/02/2023" in refused(
        db_url, "remind", "--code", "NV-01", "--on", "01/02/2023", "--doc", "1"
    )
    assert "No task of 'Sở Y tế' is overdue on 05/06/2023" in refused(
        db_url, *remind, "--agency", "Sở Y tế"
    )
    several = refused(db_url, *remind, "--agency", "so")
    assert "matches several agencies (Sở Nội vụ; Sở Tư pháp)" in several
    # One letter, all or nothing: NV-05 is completed, so NV-01 is not chased.
    assert "NV-05 was completed on 10/03/2023" in refused(
        db_url, *remind, "--code", "NV-01", "--code", "NV-05"
    )
    refused(db_url, *remind, "--agency", TU_PHAP, "--code", "NV-01", exit_code=2)
    refused(db_url, *remind, exit_code=2)
    refused(db_url, *remind, "--code", "NV-01", "--due-within", "3", exit_code=2)
    assert "in the future" in refused(
        db_url, "remind", "--code", "NV-01", "--on", "01/01/2199", "--doc", "1"
    )
    ok(db_url, *remind, "--code", "NV-01")
    assert "already reminded by 1018/UBND-CCHC on 05/06/2023" in refused(
        db_url, "remind", "--code", "NV-01", "--on", "06/06/2023",
        "--doc", "1018/ubnd-cchc",
    )  # fmt: skip
    assert "No task with code NV-99" in refused(db_url, *remind, "--code", "NV-99")


def test_the_refusals_speak_vietnamese_by_default(db_url: str) -> None:
    assigned(db_url)
    result = run(
        db_url, "remind", "--agency", "Sở Y tế", "--on", "05/06/2023", "--doc", "1"
    )
    assert result.exit_code == 1
    assert "Không có nhiệm vụ nào của 'Sở Y tế' quá hạn vào ngày 05/06/2023" in (
        result.stderr
    )
    done = ok(db_url, "remind", "--code", "NV-01", "--on", "05/06/2023", "--doc", "7")
    assert "Đã ghi nhận văn bản đôn đốc 7 ngày 05/06/2023: 1 nhiệm vụ (NV-01)." in (
        done.output
    )


def test_who_has_not_been_chased(db_url: str) -> None:
    assigned(db_url)
    ok(db_url, "remind", "--agency", TU_PHAP, "--on", "05/06/2023", "--doc", "1018")
    listed = as_json(
        db_url, "list", "--status", "overdue", "--not-reminded-since", "01/06/2023",
        "--as-of", "10/06/2023",
    )  # fmt: skip
    assert [row["code"] for row in listed] == ["NV-04"]
    later = as_json(
        db_url, "list", "--status", "overdue", "--not-reminded-since", "06/06/2023",
        "--as-of", "10/06/2023",
    )  # fmt: skip
    assert [row["code"] for row in later] == ["NV-01", "NV-02", "NV-04"]
    assert {row["code"]: row["reminders"] for row in later} == {
        "NV-01": 1,
        "NV-02": 1,
        "NV-04": 0,
    }
    csv = ok(
        db_url, "list", "--status", "overdue", "--not-reminded-since", "06/06/2023",
        "--as-of", "10/06/2023", "--format", "csv",
    ).output  # fmt: skip
    header, first = csv.splitlines()[:2]
    assert header.endswith("Số lần đôn đốc,Đôn đốc gần nhất")
    assert first.startswith("NV-01,") and first.endswith(",1,2023-06-05")


def test_a_confirmation_is_of_a_standing_completion_once(db_url: str) -> None:
    assigned(db_url)
    assert "NV-01 is not completed" in refused(
        db_url, "confirm", "NV-01", "--on", "01/06/2023"
    )
    ok(db_url, "complete", "NV-01", "--on", "10/06/2023", "--doc", "1020/STP-VP")
    assert "before the completion date 10/06/2023" in refused(
        db_url, "confirm", "NV-01", "--on", "09/06/2023"
    )
    done = english(db_url, "confirm", "NV-01", "--on", "12/06/2023", "--doc", "1350")
    assert done.output.strip() == (
        "Confirmed the completion of NV-01 reported on 10/06/2023."
    )
    assert "already confirmed on 12/06/2023" in refused(
        db_url, "confirm", "NV-01", "--on", "13/06/2023"
    )
    shown = as_json(db_url, "show", "NV-01", "--as-of", "30/06/2023")
    assert (shown["status"], shown["confirmed_on"]) == ("late", "2023-06-12")
    assert shown["awaiting_confirmation"] is False
    assert as_json(db_url, "history", "NV-01")[-1]["type"] == "CompletionConfirmed"


def awaiting(db_url: str, as_of: str) -> list[str]:
    listed = as_json(
        db_url, "list", "--status", "awaiting-confirmation", "--as-of", as_of
    )
    return [row["code"] for row in listed]


def test_completions_awaiting_confirmation_oldest_first(db_url: str) -> None:
    assigned(db_url)
    ok(db_url, "complete", "NV-02", "--on", "20/05/2023")
    ok(db_url, "complete", "NV-01", "--on", "10/06/2023")
    assert awaiting(db_url, "30/06/2023") == ["NV-05", "NV-02", "NV-01"]
    ok(db_url, "confirm", "NV-02", "--on", "15/06/2023")
    assert awaiting(db_url, "30/06/2023") == ["NV-05", "NV-01"]
    assert awaiting(db_url, "14/06/2023") == ["NV-05", "NV-02", "NV-01"]
    report = as_json(db_url, "report", "--from", "01/01/2023", "--to", "30/06/2023",
                     "--as-of", "30/06/2023")  # fmt: skip
    assert (report["on_time"], report["late"]) == (1, 2)
    assert report["awaiting_confirmation"] == 2
    # Sent back, then reported done again: it awaits confirmation again.
    ok(db_url, "tra-lai", "NV-02", "--on", "20/06/2023", "--reason", "Chưa đạt")
    assert awaiting(db_url, "30/06/2023") == ["NV-05", "NV-01"]
    ok(db_url, "complete", "NV-02", "--on", "25/06/2023")
    assert awaiting(db_url, "30/06/2023") == ["NV-05", "NV-01", "NV-02"]
    assert awaiting(db_url, "16/06/2023") == ["NV-05", "NV-01"]  # confirmed then


def week(db_url: str, *args: str) -> dict[str, Any]:
    return as_json(db_url, "overdue", "--as-of", "12/06/2023", *args)


def test_the_weeks_changes_say_what_became_overdue_and_what_left(
    db_url: str,
) -> None:
    assigned(db_url)
    ok(db_url, "complete", "NV-01", "--on", "10/06/2023")
    ok(db_url, "extend", "NV-02", "--to", "30/06/2023", "--on", "08/06/2023")
    ok(db_url, "cancel", "NV-04", "--on", "09/06/2023", "--reason", "Rút")
    answer = week(db_url, "--since", "05/06/2023")
    assert answer["since"] == "2023-06-05"
    assert [(e["code"], e["new"]) for e in answer["overdue"]] == [("NV-03", True)]
    assert answer["left"] == [
        {"code": "NV-02", "title": "Nhiệm vụ NV-02", "agency": TU_PHAP,
         "reason": "extended", "on": "2023-06-08"},
        {"code": "NV-04", "title": "Nhiệm vụ NV-04", "agency": NOI_VU,
         "reason": "cancelled", "on": "2023-06-09"},
        {"code": "NV-01", "title": "Nhiệm vụ NV-01", "agency": TU_PHAP,
         "reason": "completed", "on": "2023-06-10"},
    ]  # fmt: skip
    assert week(db_url, "--since", "last-week") == answer
    assert "new" not in week(db_url)["overdue"][0]
    assert "left" not in week(db_url)
    table = ok(db_url, "overdue", "--as-of", "12/06/2023", "--since", "tuần trước")
    assert "Ra khỏi danh sách quá hạn từ ngày 05/06/2023" in table.output
    assert "được gia hạn" in table.output and "Mới" in table.output
    assert "1 mới quá hạn, 3 ra khỏi danh sách" in table.output
    csv = ok(db_url, "--lang", "en", "overdue", "--as-of", "12/06/2023",
             "--since", "05/06/2023", "--format", "csv").output  # fmt: skip
    assert "left,NV-01,Nhiệm vụ NV-01,Sở Tư pháp" in csv
    assert "completed" in csv


def test_a_task_moved_away_left_its_agencys_list(db_url: str) -> None:
    assigned(db_url)
    ok(db_url, "reassign", "NV-01", "--agency", NOI_VU, "--on", "07/06/2023")
    everyone = week(db_url, "--since", "05/06/2023")
    assert everyone["left"] == []  # still overdue, led elsewhere
    assert {e["code"]: e["new"] for e in everyone["overdue"]} == {
        "NV-01": False,
        "NV-02": False,
        "NV-03": True,
        "NV-04": False,
    }
    tu_phap = week(db_url, "--since", "05/06/2023", "--agency", "so tu phap")
    assert [(e["code"], e["reason"], e["on"]) for e in tu_phap["left"]] == [
        ("NV-01", "reassigned", "2023-06-07")
    ]
    assert [e["code"] for e in tu_phap["overdue"]] == ["NV-02", "NV-03"]
    noi_vu = week(db_url, "--since", "05/06/2023", "--agency", "so noi vu")
    assert noi_vu["left"] == []


def test_a_since_after_the_as_of_date_is_a_usage_error(db_url: str) -> None:
    assigned(db_url)
    result = english(
        db_url, "overdue", "--as-of", "12/06/2023", "--since", "13/06/2023"
    )
    assert result.exit_code == 2
    assert "13/06/2023 is after the as-of date 12/06/2023" in result.stderr
    result = english(db_url, "overdue", "--since", "tuesday")
    assert result.exit_code == 2


def recorded_at(db_url: str) -> str:
    return str(execute(db_url, "SELECT max(recorded_at) FROM tracker_chain")[0][0])


def test_as_known_at_shows_reminders_and_confirmations_as_known_then(
    db_url: str,
) -> None:
    assigned(db_url)
    ok(db_url, "remind", "--code", "NV-01", "--on", "05/06/2023", "--doc", "1018")
    moment = recorded_at(db_url)
    sent = as_json(db_url, "overdue", "--as-of", "12/06/2023")
    ok(db_url, "remind", "--code", "NV-01", "--on", "06/06/2023", "--doc", "1164")
    ok(db_url, "confirm", "NV-05", "--on", "12/06/2023")
    again = as_json(db_url, "overdue", "--as-of", "12/06/2023", "--as-known-at", moment)
    assert again == sent
    assert {e["code"]: e["reminders"] for e in again["overdue"]}["NV-01"] == 1
    then = as_json(db_url, "list", "--status", "awaiting-confirmation",
                   "--as-of", "30/06/2023", "--as-known-at", moment)  # fmt: skip
    assert [row["code"] for row in then] == ["NV-05"]
    assert awaiting(db_url, "30/06/2023") == []


def test_verify_proves_the_follow_up_rows_and_a_rebuild_remakes_them(
    db_url: str,
) -> None:
    assigned(db_url)
    ok(db_url, "remind", "--agency", TU_PHAP, "--on", "05/06/2023", "--doc", "1018")
    ok(db_url, "confirm", "NV-05", "--on", "12/06/2023")
    ok(db_url, "reassign", "NV-01", "--agency", NOI_VU, "--on", "07/06/2023")
    before = as_json(
        db_url, "overdue", "--as-of", "12/06/2023", "--since", "05/06/2023"
    )
    ok(db_url, "verify", "--read-models")
    execute(db_url, "DELETE FROM task_reminders WHERE number = 1")
    damaged = run(db_url, "--lang", "en", "verify", "--read-models")
    assert damaged.exit_code == 4
    assert "task_reminders" in damaged.stderr
    ok(db_url, "projections", "rebuild")
    ok(db_url, "verify", "--read-models")
    after = as_json(db_url, "overdue", "--as-of", "12/06/2023", "--since", "05/06/2023")
    assert {k: v for k, v in after.items() if k != "ledger"} == {
        k: v for k, v in before.items() if k != "ledger"
    }


def test_a_batch_takes_the_follow_up_all_or_nothing(db_url: str) -> None:
    assigned(db_url)
    lines = [
        "confirm NV-05 --on 12/06/2023",
        "remind --code NV-01 --code NV-02 --on 05/06/2023 --doc 1018/UBND-CCHC",
        "tra-lai NV-05 --on 13/06/2023 --reason 'Chưa đạt'",
    ]
    before = event_count(db_url)
    bad = run(
        db_url, "batch", "-", input="\n".join([*lines, "confirm NV-05 --on 14/06/2023"])
    )
    assert bad.exit_code == 1 and event_count(db_url) == before
    ok(db_url, "batch", "-", input="\n".join(lines) + "\n")
    assert event_count(db_url) == before + 4
    assert entries(db_url, "--as-of", "05/06/2023")["NV-02"]["reminders"] == 1
    assert awaiting(db_url, "12/06/2023") == []
    assert awaiting(db_url, "30/06/2023") == []  # sent back: open again


def test_the_demo_shows_the_offices_reminders_and_confirmations(db_url: str) -> None:
    shown = ok(db_url, "demo").output
    assert "Số lần đôn đốc" in shown and "19/06/2023" in shown  # 2272/UBND-CCHC
    assert "trong đó (5.2, 5.3): chờ xác nhận" in shown
    assert "Ra khỏi danh sách quá hạn từ ngày 23/06/2023" in shown


def test_a_letter_logged_after_the_report_came_still_counts(db_url: str) -> None:
    assigned(db_url)
    ok(db_url, "complete", "NV-01", "--on", "10/06/2023")
    ok(db_url, "remind", "--code", "NV-01", "--on", "05/06/2023", "--doc", "1018")
    assert entries(db_url, "--as-of", "06/06/2023")["NV-01"]["reminders"] == 1
    assert "it cannot be reminded on 11/06/2023" in refused(
        db_url, "remind", "--code", "NV-01", "--on", "11/06/2023", "--doc", "1164"
    )
