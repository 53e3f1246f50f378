"""``tracker batch``: atomic, line-numbered, one process."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import as_json, event_count


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


GOOD = """\
# Văn bản 495/UBND-TTHC ngày 14/02/2023
assign NV-01 --title "Rà soát TTHC" --agency "Sở Tư pháp" \\
       --assigner "UBND tỉnh" --assigned 14/02/2023 --due 31/03/2023
tracker assign NV-02 --title 'Số hóa hồ sơ' --agency "Sở Nội vụ" \\
  --assigner "UBND tỉnh" --assigned 14/02/2023

extend NV-01 --to 30/04/2023 --on 25/03/2023 --reason "Chờ ý kiến"
complete NV-01 --on 28/04/2023   # báo cáo 1020/STP-VP
note NV-02 "Đang thực hiện" --on 01/03/2023
"""


def test_batch_records_every_line(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "ngay-14-02.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = ok(db_url, "batch", str(path))
    assert "Recorded 5 commands" in result.output
    assert as_json(db_url, "show", "NV-01", "--as-of", "30/06/2023")["status"] == (
        "on_time"
    )
    assert event_count(db_url) == 5


def test_batch_reads_standard_input_with_bom(db_url: str) -> None:
    ok(db_url, "batch", "-", input="\ufeff" + GOOD)
    assert [r["code"] for r in as_json(db_url, "list")] == ["NV-01", "NV-02"]


def test_refused_line_records_nothing_and_names_the_line(
    db_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(GOOD + "complete NV-01 --on 29/04/2023\n", encoding="utf-8")
    result = run(db_url, "batch", str(path))
    assert result.exit_code == 1
    assert "line 10:" in result.stderr and "was completed" in result.stderr
    assert event_count(db_url) == 0
    assert as_json(db_url, "list") == []


def test_usage_error_in_a_line_records_nothing(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(GOOD + "complete NV-01 --on 31/02/2023\n", encoding="utf-8")
    result = run(db_url, "batch", str(path))
    assert result.exit_code == 2
    assert "line 10:" in result.stderr and "31/02/2023" in result.stderr
    unknown = run(db_url, "batch", "-", input="demo\n")
    assert unknown.exit_code == 2 and "cannot be used in a batch" in unknown.stderr
    assert event_count(db_url) == 0


def test_later_lines_see_earlier_lines(db_url: str) -> None:
    ok(
        db_url,
        "batch",
        "-",
        input=(
            "assign NV-5 --title T --agency A --assigner B --assigned 1/3/2023\n"
            "complete NV-5 --on 2/3/2023\n"
            'reopen NV-5 --on 3/3/2023 --reason "chưa đạt"\n'
            "complete NV-5 --on 4/3/2023\n"
        ),
    )
    assert [e["type"] for e in as_json(db_url, "history", "NV-5")] == [
        "Assigned",
        "Completed",
        "Reopened",
        "Completed",
    ]
