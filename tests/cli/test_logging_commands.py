"""Every logging command through CliRunner, as a clerk types it."""

from __future__ import annotations

import pytest
from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import ASSIGN, as_json, event_count


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


def test_assign_then_show(db_url: str) -> None:
    result = ok(db_url, *ASSIGN, "--co-agency", "Sở Nội vụ")
    assert "NV-2023-0042" in result.output
    task = as_json(db_url, "show", "nv-2023-0042", "--as-of", "15/03/2023")
    assert task["code"] == "NV-2023-0042"
    assert task["title"] == "Rà soát thủ tục hành chính lĩnh vực hộ tịch"
    assert task["agency"] == "Sở Tư pháp"
    assert task["co_agencies"] == ["Sở Nội vụ"]
    assert task["assigner"] == "UBND tỉnh"
    assert task["assigned_on"] == "2023-02-14"
    assert task["due_on"] == "2023-03-31"
    assert task["completed_on"] is None
    assert task["status"] == "in_progress"
    assert task["document_number"] == "495/UBND-TTHC"


def test_show_table_uses_vietnamese_labels(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    result = helpers.ok(db_url, "show", "NV-2023-0042", "--as-of", "01/04/2023")
    assert "Cơ quan chủ trì" in result.output
    assert "Quá hạn" in result.output
    english = ok(db_url, "--lang", "en", "show", "NV-2023-0042", "--as-of", "1/4/23")
    assert "Lead agency" in english.output and "Overdue" in english.output


NO_DEADLINE = [
    "assign", "NV-9", "--title", "Theo dõi", "--agency", "Sở Y tế",
    "--assigner", "Chính phủ", "--assigned", "1/3/2023",
]  # fmt: skip


def test_task_without_deadline(db_url: str) -> None:
    result = ok(db_url, *NO_DEADLINE)
    assert result.stdout.strip() == "Assigned NV-9 to Sở Y tế (no deadline)."
    task = as_json(db_url, "show", "NV-9")
    assert task["due_on"] is None and task["status"] == "in_progress"


def test_task_without_deadline_is_confirmed_in_vietnamese(db_url: str) -> None:
    result = helpers.ok(db_url, *NO_DEADLINE)
    assert result.stdout.strip() == (
        "Đã giao nhiệm vụ NV-9 cho Sở Y tế (không thời hạn)."
    )


def test_extend_complete_late(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(
        db_url,
        "extend",
        "NV-2023-0042",
        "--to",
        "30/04/2023",
        "--on",
        "25/03/2023",
        "--reason",
        "Chờ ý kiến Bộ Tư pháp",
        "--doc",
        "812/UBND-KT",
    )
    ok(db_url, "complete", "NV-2023-0042", "--on", "02/05/2023", "--doc", "1020/STP")
    task = as_json(db_url, "show", "NV-2023-0042", "--as-of", "30/06/2023")
    assert task["due_on"] == "2023-04-30"
    assert task["original_due_on"] == "2023-03-31"
    assert task["completed_on"] == "2023-05-02"
    assert task["status"] == "late"
    assert task["extensions"][0]["reason"] == "Chờ ý kiến Bộ Tư pháp"


def test_reassign_note_reopen_cancel(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(
        db_url,
        "reassign",
        "NV-2023-0042",
        "--agency",
        "Sở Nội vụ",
        "--on",
        "1/3/2023",
        "--reason",
        "Theo chức năng",
    )
    ok(db_url, "note", "NV-2023-0042", "Đã gửi dự thảo xin ý kiến", "--on", "5/3/2023")
    ok(db_url, "complete", "NV-2023-0042", "--on", "20/03/2023")
    ok(db_url, "reopen", "NV-2023-0042", "--on", "22/03/2023", "--reason", "Chưa đạt")
    ok(
        db_url,
        "cancel",
        "NV-2023-0042",
        "--on",
        "15/05/2023",
        "--reason",
        "Rút khỏi chương trình",
        "--doc",
        "1500/UBND-TH",
    )
    task = as_json(db_url, "show", "NV-2023-0042", "--as-of", "30/06/2023")
    assert task["agency"] == "Sở Nội vụ"
    assert task["status"] == "cancelled"
    assert task["notes"] == [{"on": "2023-03-05", "text": "Đã gửi dự thảo xin ý kiến"}]
    assert (
        as_json(db_url, "show", "NV-2023-0042", "--as-of", "21/03/2023")["status"]
        == "on_time"
    )


def test_correct_records_old_and_new_value(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "complete", "NV-2023-0042", "--on", "05/04/2023")
    ok(
        db_url,
        "correct",
        "NV-2023-0042",
        "due_on",
        "10/04/2023",
        "--reason",
        "Nhập nhầm hạn",
    )
    assert as_json(db_url, "show", "NV-2023-0042")["status"] == "on_time"
    history = as_json(db_url, "history", "NV-2023-0042")
    corrected = history[-1]
    assert corrected["type"] == "Corrected"
    assert (corrected["old_value"], corrected["new_value"]) == (
        "2023-03-31",
        "2023-04-10",
    )
    title = ["correct", "NV-2023-0042", "title", "Rà soát", "--reason", "Gõ nhầm"]
    assert helpers.ok(db_url, *title).stdout.strip() == (
        "Đã đính chính nội dung nhiệm vụ NV-2023-0042."
    )


REFUSALS = [
    (["complete", "NV-404", "--on", "1/3/2023"], "No task with code NV-404"),
    (ASSIGN, "already assigned"),
    (["complete", "NV-2023-0042", "--on", "13/02/2023"], "before the assignment"),
    (["complete", "NV-2023-0042", "--on", "01/01/2099"], "in the future"),
    (["extend", "NV-2023-0042", "--to", "31/03/2023", "--on", "20/3/2023"],
     "does not move"),
    (["extend", "NV-2023-0042", "--to", "30/04/2023", "--on", "1/2/2023"],
     "before the assignment"),
    (["reopen", "NV-2023-0042", "--on", "20/3/2023", "--reason", "x"], "not completed"),
    (["reassign", "NV-2023-0042", "--agency", "so tu phap", "--on", "1/3/2023"],
     "already led by"),
    (["correct", "NV-2023-0042", "code", "NV-1", "--reason", "x"],
     "cannot be corrected"),
    (["assign", "NV-7", "--title", "T", "--agency", "A", "--assigner", "B",
      "--assigned", "14/02/2023", "--due", "13/02/2023"], "before the assignment"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), REFUSALS)
def test_refusals_exit_1_with_one_line_and_record_nothing(
    db_url: str, args: list[str], message: str
) -> None:
    ok(db_url, *ASSIGN)
    before = event_count(db_url)
    result = run(db_url, *args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert event_count(db_url) == before


def test_completing_a_cancelled_or_completed_task_is_refused(db_url: str) -> None:
    ok(db_url, *ASSIGN)
    ok(db_url, "complete", "NV-2023-0042", "--on", "20/3/2023")
    before = event_count(db_url)
    again = run(db_url, "complete", "NV-2023-0042", "--on", "21/3/2023")
    assert again.exit_code == 1 and "was completed on 20/03/2023" in again.stderr
    ok(
        db_url,
        "assign",
        "NV-8",
        "--title",
        "T",
        "--agency",
        "A",
        "--assigner",
        "B",
        "--assigned",
        "1/3/2023",
    )
    ok(db_url, "cancel", "NV-8", "--on", "2/3/2023", "--reason", "Rút")
    before = event_count(db_url)
    cancelled = run(db_url, "complete", "NV-8", "--on", "3/3/2023")
    assert cancelled.exit_code == 1 and "was cancelled" in cancelled.stderr
    assert event_count(db_url) == before


@pytest.mark.parametrize("bad", ["31/02/2023", "2023-13-01", "hôm kia", "14/02"])
def test_bad_date_is_a_usage_error_naming_the_value(db_url: str, bad: str) -> None:
    result = run(db_url, "complete", "NV-1", "--on", bad)
    assert result.exit_code == 2
    assert bad in result.stderr


def test_missing_required_option_is_a_usage_error(db_url: str) -> None:
    result = run(db_url, "assign", "NV-1", "--title", "T")
    assert result.exit_code == 2
