"""``tracker shell``: keys typed at the prompt (prompt_toolkit's pipe input)
and lines piped in (CliRunner's ``input``), on a real temporary ledger."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from cli.shell.completion import ShellCompleter
from cli.shell.prompt import Prompt, history_path
from cli.shell.session import Session, root_context
from cli.shell.words import words
from tests.cli.helpers import ASSIGN, as_json, ok, run

CODE = "NV-2023-0042"  # ASSIGN's: "... lĩnh vực hộ tịch", Sở Tư pháp
ASSIGN_2 = (
    'assign NV-2023-0043 --title "Kiểm tra hồ sơ đất đai" --agency "Sở Nội vụ" '
    '--assigner "UBND tỉnh" --assigned 01/03/2023 --due 30/04/2023'
)
LEAVE = "\x04"  # Ctrl-D on an empty line


def notes(db_url: str, code: str = CODE) -> list[str]:
    history = as_json(db_url, "history", code)
    return [event["text"] for event in history if event["type"] == "ProgressNoted"]


def typed(db_url: str, *keys: str, history: bool = False) -> int:
    """Type ``keys`` at the shell's prompt on ``db_url``, then Ctrl-D; the
    shell's exit code."""
    root = root_context(db_url, "chuyên viên A", "en")
    with (
        root,
        create_pipe_input() as pipe,
        create_app_session(input=pipe, output=DummyOutput()),
    ):
        kept = None if history else InMemoryHistory()
        prompt = Prompt(Session(root), history=kept)
        for key in (*keys, LEAVE):
            pipe.send_text(key)
        code = prompt.run()
        prompt.ledger.close()
        return code


@pytest.fixture
def ledger_with_a_task(sqlite_url: str) -> Iterator[str]:
    ok(sqlite_url, *ASSIGN)
    yield sqlite_url


# -- at the prompt --------------------------------------------------------------


def test_tab_completes_a_partial_agency_name_to_the_official_one(
    ledger_with_a_task: str,
) -> None:
    db = ledger_with_a_task
    line = (
        'assign NV-2023-0050 --title "Báo cáo" --agency so tu\t '
        '--assigner "UBND tỉnh" --assigned 14/02/2023\r'
    )
    assert typed(db, line) == 0
    assert as_json(db, "show", "NV-2023-0050")["agency"] == "Sở Tư pháp"


def test_tab_completes_a_code_from_words_of_the_title_typed_without_accents(
    ledger_with_a_task: str,
) -> None:
    typed(ledger_with_a_task, 'note ho tich\t "Đã họp" --on 01/03/2023\r')
    assert notes(ledger_with_a_task) == ["Đã họp"]


def test_a_task_assigned_in_the_shell_is_completed_on_the_next_line(
    ledger_with_a_task: str,
) -> None:
    db = ledger_with_a_task
    typed(db, ASSIGN_2 + "\r", 'note dat dai\t "Đã rà soát" --on 02/03/2023\r')
    assert notes(db, "NV-2023-0043") == ["Đã rà soát"]


def test_ctrl_c_clears_the_line_being_typed(ledger_with_a_task: str) -> None:
    db = ledger_with_a_task
    typed(db, f'note {CODE} "nháp"\x03', f'note {CODE} "thật" --on 01/03/2023\r')
    assert notes(db) == ["thật"]


def test_ctrl_d_leaves_and_runs_nothing_after_it(ledger_with_a_task: str) -> None:
    db = ledger_with_a_task
    assert typed(db, LEAVE, f'note {CODE} "sau" --on 01/03/2023\r') == 0
    assert notes(db) == []


def test_a_refused_line_does_not_end_the_session(ledger_with_a_task: str) -> None:
    db = ledger_with_a_task
    typed(
        db,
        "complete NV-9999 --on 01/03/2023\r",
        f'note {CODE} "tiếp" --on 01/03/2023\r',
    )
    assert notes(db) == ["tiếp"]


def test_history_is_kept_in_the_data_directory(
    ledger_with_a_task: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    typed(ledger_with_a_task, "list\r", history=True)
    assert history_path() == tmp_path / "data" / "tracker" / "shell-history"
    assert "+list" in history_path().read_text(encoding="utf-8")


def test_the_bottom_bar_shows_actor_today_position_and_read_models(
    ledger_with_a_task: str,
) -> None:
    root = root_context(ledger_with_a_task, "chuyên viên A", "en")
    with root, create_pipe_input() as pipe:
        with create_app_session(input=pipe, output=DummyOutput()):
            prompt = Prompt(Session(root), history=InMemoryHistory())
            first = prompt.toolbar()
            pipe.send_text(f'note {CODE} "x" --on 01/03/2023\r{LEAVE}')
            prompt.run()
            after = prompt.toolbar()
        prompt.ledger.close()
    assert "chuyên viên A" in first and "ledger at event 1 " in first
    assert "read models current" in first
    assert "ledger at event 2 " in after


def test_the_bottom_bar_speaks_vietnamese(ledger_with_a_task: str) -> None:
    root = root_context(ledger_with_a_task, "chuyên viên A", "vi")
    with (
        create_pipe_input() as pipe,
        create_app_session(input=pipe, output=DummyOutput()),
    ):
        prompt = Prompt(Session(root), history=InMemoryHistory())
    prompt.ledger.close()
    bar = prompt.toolbar()
    assert "hôm nay " in bar and "nhật ký ở sự kiện 1 " in bar
    assert "dữ liệu tổng hợp đã cập nhật" in bar


# -- what completion offers -----------------------------------------------------


def completions(db_url: str, line: str, lang: str = "en") -> list[str]:
    root = root_context(db_url, "chuyên viên A", lang)
    with (
        create_pipe_input() as pipe,
        create_app_session(input=pipe, output=DummyOutput()),
    ):
        prompt = Prompt(Session(root), history=InMemoryHistory())
    completer = ShellCompleter(prompt.session, prompt.index, lambda: date(2026, 11, 23))
    found = completer.get_completions(Document(line), CompleteEvent())
    texts = [completion.text for completion in found]
    prompt.ledger.close()
    return texts


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("comp", ["complete"]),
        ("note nv-2023-00", [CODE]),
        ("show ", [CODE]),
        ("note NV-2023-0042 --o", ["--on"]),
        ("complete NV-2023-0042 --on ", ["23/11/2026", "today"]),
        ("list --agency stp", ['"Sở Tư pháp"']),
        ("list --assigner ubnd", ['"UBND tỉnh"']),
        ("directory a", ["add", "alias"]),
        ("list --format j", ["json"]),
    ],
)
def test_completion_offers(
    ledger_with_a_task: str, line: str, offered: list[str]
) -> None:
    found = completions(ledger_with_a_task, line)
    assert all(each in found for each in offered), found


def test_date_words_come_in_the_shells_language_first(ledger_with_a_task: str) -> None:
    found = completions(ledger_with_a_task, "note NV-2023-0042 x --on h", lang="vi")
    assert found[:2] == ['"hôm nay"', '"hôm qua"']


def test_commands_the_shell_refuses_are_not_offered(ledger_with_a_task: str) -> None:
    assert completions(ledger_with_a_task, "de") == []
    assert completions(ledger_with_a_task, "projections f") == []


@pytest.mark.parametrize(
    ("line", "last", "start"),
    [
        ("note ", "", 5),
        ('list --agency "Sở T', "Sở T", 14),
        ("note NV-1 'a b' x", "x", 16),
    ],
)
def test_the_word_being_typed_begins_where_its_quote_does(
    line: str, last: str, start: int
) -> None:
    assert words(line)[-1].text == last and words(line)[-1].start == start


# -- lines piped in -------------------------------------------------------------

PIPED = "\n".join(
    [
        " ".join(f'"{arg}"' if " " in arg else arg for arg in ASSIGN),
        f'note {CODE} "Đã họp" --on 01/03/2023',
        "complete NV-9999 --on 01/03/2023",
        f"complete {CODE} --on 28/03/2023",
        "",
    ]
)


def test_piped_lines_each_record_and_a_refused_one_fails_the_run(db_url: str) -> None:
    result = run(db_url, "--lang", "en", "shell", input=PIPED)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"Assigned {CODE} to Sở Tư pháp (due 31/03/2023).",
        f"Noted progress on {CODE}.",
        f"Completed {CODE} on 28/03/2023.",
    ]
    assert result.stderr.splitlines() == ["Line 3: Error: No task with code NV-9999."]
    assert as_json(db_url, "show", CODE)["completed_on"] == "2023-03-28"


def test_piped_lines_all_recorded_exit_zero(db_url: str) -> None:
    lines = PIPED.replace("complete NV-9999 --on 01/03/2023\n", "")
    result = run(db_url, "shell", input=lines)
    assert result.exit_code == 0 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 3


def test_piped_refusals_are_in_the_language(sqlite_url: str) -> None:
    result = run(
        sqlite_url, "shell", input='complete NV-9999 --on 01/03/2023\nnote "x\n'
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Dòng 1: Lỗi: Không có nhiệm vụ nào mang mã NV-9999.",
        "Dòng 2: Lỗi: Không đọc được dòng lệnh: thiếu dấu nháy đóng.",
    ]


@pytest.mark.parametrize(
    "line", ["shell", "demo --tasks 5", "projections follow", "db harden --role x"]
)
def test_long_running_and_administrative_commands_are_refused(
    sqlite_url: str, line: str
) -> None:
    result = run(sqlite_url, "--lang", "en", "shell", input=line + "\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("Line 1: Error: ")
    assert "outside the shell" in result.stderr or "already running" in result.stderr


def test_exit_stops_reading(sqlite_url: str) -> None:
    ok(sqlite_url, *ASSIGN)
    lines = f'exit\nnote {CODE} "sau" --on 01/03/2023\n'
    assert run(sqlite_url, "shell", input=lines).stdout == ""
    assert notes(sqlite_url) == []


def test_help_lists_the_commands_and_shows_one(sqlite_url: str) -> None:
    result = ok(sqlite_url, "--lang", "en", "shell", input="help\nhelp note\n")
    listed = {
        line.split()[0] for line in result.stdout.splitlines() if line[:2] == "  "
    }
    assert {"note", "complete", "report"} <= listed
    assert not {"shell", "demo", "restore"} & listed
    assert "Note progress on a task." in result.stdout


def test_a_refused_batch_does_not_silence_the_next_lines(
    sqlite_url: str, tmp_path: Path
) -> None:
    ok(sqlite_url, *ASSIGN)
    (tmp_path / "lo.txt").write_text("complete NV-9999 --on 01/03/2023\n")
    lines = f'batch {tmp_path}/lo.txt\nnote {CODE} "x" --on 01/03/2023\n'
    result = run(sqlite_url, "--lang", "en", "shell", input=lines)
    assert result.stdout == f"Noted progress on {CODE}.\n"


def test_file_option_runs_its_lines_like_piped_input(
    sqlite_url: str, tmp_path: Path
) -> None:
    (tmp_path / "lenh.txt").write_text(PIPED, encoding="utf-8-sig")
    result = run(
        sqlite_url, "--lang", "en", "shell", "--file", str(tmp_path / "lenh.txt")
    )
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    history = json.loads(run(sqlite_url, "history", CODE, "--format", "json").stdout)
    assert [event["type"] for event in history][-1] == "Completed"


# -- the index completion reads -------------------------------------------------


def test_the_index_finds_codes_in_any_case_and_titles_without_accents() -> None:
    from cli.shell.index import TaskIndex

    index = TaskIndex(
        [
            ("NV-2", "Kiểm tra hộ tịch"),
            ("NV-1", "Rà soát đất đai"),
            ("NV-10", "Báo cáo"),
        ]
    )
    assert [m.code for m in index.by_code("nv-1", 10)] == ["NV-1", "NV-10"]
    assert [m.title for m in index.by_title("dat dai", 10)] == ["Rà soát đất đai"]
    assert index.by_title("ho tich kiem", 10)[0].code == "NV-2"


def test_the_index_takes_tasks_assigned_and_retitled_after_it_was_read() -> None:
    from cli.shell.index import TaskIndex

    index = TaskIndex([("NV-1", "Rà soát đất đai")])
    index.put("NV-0", "Lập kế hoạch")
    index.put("NV-1", "Rà soát hộ khẩu")
    assert [m.code for m in index.by_code("NV", 10)] == ["NV-0", "NV-1"]
    assert index.by_title("dat dai", 10) == []
    assert [m.code for m in index.by_title("ho khau", 10)] == ["NV-1"]
    assert index.title("NV-0") == "Lập kế hoạch" and len(index) == 2
