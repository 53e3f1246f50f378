"""``tracker undo``, as a clerk types it: a slip taken back, honestly."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner, Result

from cli.main import main
from tests.cli.helpers import ASSIGN, as_json, event_count, ok, run

CODE = "NV-2023-0042"


def as_b(db_url: str, *args: str) -> Result:
    """The same ledger, another clerk."""
    return CliRunner().invoke(main, ["--db", db_url, "--actor", "chuyên viên B", *args])


def history(db_url: str) -> list[dict[str, Any]]:
    return as_json(db_url, "history", CODE)  # type: ignore[no-any-return]


def test_undo_voids_the_last_note_and_the_history_marks_it(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "note", CODE, "Đã gửi dự thảo", "--on", "01/03/2023")
    done = ok(db_url, "--lang", "en", "undo", "Ghi nhầm nhiệm vụ")
    assert done.stdout.startswith(
        f"Voided 'Progress noted' (event 2, version 2 of task {CODE}, recorded on "
    )
    assert done.stdout.rstrip().endswith("the void is event 3.")
    assert as_json(db_url, "show", CODE)["notes"] == []
    assigned, note, void = history(db_url)
    assert "voided_by" not in assigned
    assert note["voided_by"] == 3 and note["text"] == "Đã gửi dự thảo"
    assert void["type"] == "Voided"
    assert (void["voided_version"], void["voided_type"]) == (2, "ProgressNoted")
    assert void["reason"] == "Ghi nhầm nhiệm vụ"
    shown = ok(db_url, "history", CODE).stdout
    assert "Cập nhật tiến độ (đã hủy ghi nhận)" in shown
    assert "Hủy ghi nhận nhầm" in shown


def test_a_voided_completion_counts_in_no_report(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    before = as_json(db_url, "report", "--period", "2023-H1")
    ok(db_url, "complete", CODE, "--on", "28/03/2023")
    assert as_json(db_url, "report", "--period", "2023-H1") != before
    ok(db_url, "undo", "Chưa nhận được báo cáo")
    after = as_json(db_url, "report", "--period", "2023-H1")
    assert (after["overdue"], after["on_time"]) == (1, 0)
    assert {k: v for k, v in after.items() if k != "ledger"} == {
        k: v for k, v in before.items() if k != "ledger"
    }
    [task] = as_json(db_url, "list", "--status", "overdue", "--as-of", "30/06/2023")
    assert task["code"] == CODE
    ok(db_url, "verify", "--read-models")


def test_as_known_at_before_the_void_shows_the_original(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "complete", CODE, "--on", "28/03/2023")
    completed_at = history(db_url)[-1]["recorded_at"]
    ok(db_url, "undo", "Gõ nhầm")
    then = as_json(db_url, "show", CODE, "--as-known-at", completed_at)
    assert then["completed_on"] == "2023-03-28"
    assert as_json(db_url, "show", CODE)["completed_on"] is None


def test_each_undo_goes_one_further_back_down_to_the_assignment(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "note", CODE, "một", "--on", "01/03/2023")
    ok(db_url, "note", CODE, "hai", "--on", "02/03/2023")
    ok(db_url, "undo", "nhầm")
    assert [n["text"] for n in as_json(db_url, "show", CODE)["notes"]] == ["một"]
    ok(db_url, "undo", "nhầm")
    ok(db_url, "undo", "giao nhầm")
    assert as_json(db_url, "list") == []
    for command in (["note", CODE, "ba"], ["show", CODE]):
        refused = run(db_url, "--lang", "en", *command)
        assert refused.exit_code == 1
        assert "assignment was undone" in refused.stderr
    nothing = run(db_url, "--lang", "en", "undo", "nữa")
    assert nothing.exit_code == 1
    assert "is left to undo" in nothing.stderr
    ok(db_url, *ASSIGN[:-2])  # the code is the document's: assigned again
    assert as_json(db_url, "show", CODE)["notes"] == []
    assert history(db_url)[-1]["type"] == "AssignedAgain"
    ok(db_url, "verify", "--read-models")


def test_undo_never_reaches_past_another_clerks_event(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "note", CODE, "của A", "--on", "01/03/2023")
    assert as_b(db_url, "note", CODE, "của B", "--on", "02/03/2023").exit_code == 0
    count = event_count(db_url)
    refused = run(db_url, "--lang", "en", "undo", "nhầm")
    assert refused.exit_code == 1
    assert "chuyên viên B recorded an event after yours" in refused.stderr
    assert event_count(db_url) == count
    assert len(as_json(db_url, "show", CODE)["notes"]) == 2


def test_a_dry_run_says_what_it_would_void_and_records_nothing(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    count = event_count(db_url)
    said = ok(db_url, "undo", "nhầm", "--dry-run").stdout
    assert said.startswith("Sẽ hủy ghi nhận «Giao nhiệm vụ» (sự kiện số 1, phiên bản 1")
    assert event_count(db_url) == count


def test_a_directory_change_is_not_undone(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "directory", "add", "agency", "Ban Quản lý dự án Thử nghiệm")
    count = event_count(db_url)
    refused = run(db_url, "--lang", "en", "undo", "nhầm")
    assert refused.exit_code == 1
    assert "undo takes back a task's events only" in refused.stderr
    assert event_count(db_url) == count


def test_undo_refuses_hostile_reasons_and_needs_one(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    count = event_count(sqlite_url)
    for reason in ("", "   ", "nhầm\x1b[2J", "x" * 5000):
        refused = run(sqlite_url, "--lang", "en", "undo", reason)
        assert refused.exit_code == 1, reason
        assert "reason for the undo" in refused.stderr
    assert run(sqlite_url, "undo").exit_code == 2
    assert event_count(sqlite_url) == count


def test_the_undo_window_is_a_setting_of_whole_minutes(sqlite_url: str) -> None:
    assert ok(sqlite_url, "config", "get", "undo_window_minutes").stdout == "15\n"
    for bad in ("0", "abc", "1441", "١٥", "1.5"):
        refused = run(sqlite_url, "--lang", "en", "config", "set",
                      "undo_window_minutes", bad)  # fmt: skip
        assert refused.exit_code == 1, bad
        assert "whole number of minutes from 1 to 1440" in refused.stderr
    ok(sqlite_url, "config", "set", "undo_window_minutes", "030")
    assert ok(sqlite_url, "config", "get", "undo_window_minutes").stdout == "30\n"


def test_undo_runs_in_the_shell_too(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    lines = f'note {CODE} "Đã họp" --on 01/03/2023\nundo "nhầm"\n'
    result = run(sqlite_url, "--lang", "en", "shell", input=lines)
    assert result.exit_code == 0, result.output
    assert "Voided 'Progress noted'" in result.stdout
    assert as_json(sqlite_url, "show", CODE)["notes"] == []


def test_a_sweeps_mark_is_not_undone(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "sweep", "--as-of", "30/06/2023")
    count = event_count(db_url)
    refused = run(db_url, "--lang", "en", "undo", "nhầm")
    assert refused.exit_code == 1
    assert "a sweep's mark of a lapsed deadline" in refused.stderr
    assert event_count(db_url) == count


def test_a_period_a_schedule_recorded_is_not_undone(sqlite_url: str) -> None:
    ok(sqlite_url, "assign", "BC-CCHC", "--title", "Báo cáo cải cách hành chính",
       "--agency", "Sở Nội vụ", "--assigner", "UBND tỉnh", "--every", "quarter",
       "--due-day", "15", "--from", "01/01/2026")  # fmt: skip
    count = event_count(sqlite_url)
    refused = run(sqlite_url, "--lang", "en", "undo", "nhầm")
    assert refused.exit_code == 1
    assert "is the period BC-CCHC/2026-Q4 of a periodic task" in refused.stderr
    assert event_count(sqlite_url) == count


def test_a_voided_code_in_a_list_is_a_rejected_row(
    sqlite_url: str, tmp_path: Any
) -> None:
    ok(sqlite_url, *ASSIGN)
    ok(sqlite_url, "undo", "nhầm")
    sheet = tmp_path / "nhiem-vu.csv"
    sheet.write_text(
        "Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Cấp giao,Ngày giao,Hạn xử lý\n"
        "NV-0,Lập kế hoạch,Sở Tài chính,UBND tỉnh,01/02/2023,\n"
        f"{CODE},Rà soát,Sở Tư pháp,UBND tỉnh,14/02/2023,\n",
        encoding="utf-8",
    )
    count = event_count(sqlite_url)
    refused = run(sqlite_url, "--lang", "en", "import", str(sheet))
    assert refused.exit_code == 1
    assert f"({CODE}): its assignment was undone" in refused.stderr
    assert event_count(sqlite_url) == count
    rejects = tmp_path / "loi.csv"
    ok(sqlite_url, "import", str(sheet), "--skip-invalid", "--rejects", str(rejects))
    assert as_json(sqlite_url, "show", "NV-0")["title"] == "Lập kế hoạch"
    assert "'tracker assign'" in rejects.read_text(encoding="utf-8-sig")


def test_a_hand_edited_window_is_refused_in_one_line(
    sqlite_url: str, tmp_path: Any, monkeypatch: Any
) -> None:
    ok(sqlite_url, *ASSIGN)
    settings = tmp_path / "settings.json"
    monkeypatch.setenv("TRACKER_CONFIG", str(settings))
    for garbage in ("abc", "0", "-5", "١٥", "9" * 5000):
        settings.write_text(
            json.dumps({"undo_window_minutes": garbage}), encoding="utf-8"
        )
        refused = run(sqlite_url, "--lang", "en", "undo", "nhầm")
        assert refused.exit_code == 1, garbage
        assert "not a whole number of minutes from 1 to 1440" in refused.stderr
        assert len(refused.stderr.splitlines()) == 1
