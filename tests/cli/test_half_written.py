"""The inputs that once left a half-written ledger (the event saved, its
read models failing, every later command failing too) are refused before
anything is written, in one line; the ledger goes on working."""

from __future__ import annotations

from pathlib import Path

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


def with_value(option: str, value: str) -> list[str]:
    args = list(ASSIGN)
    args[args.index(option) + 1] = value
    return args


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (with_value("--assigned", "01/01/0001"), 2, "outside the dates"),
        (with_value("--due", "31/12/9999"), 2, "outside the dates"),
        (["assign", "X" * 65, *ASSIGN[2:]], 1, "at most 64"),
        (with_value("--title", "Rà\x00soát"), 1, "U+0000"),
        (with_value("--agency", "Sở " * 70), 1, "at most 200"),
        (with_value("--doc", "1" * 129 + "/UBND"), 1, "128"),
        (["--actor", "a\x07", *ASSIGN], 1, "actor"),
    ],
)
def test_a_value_the_stores_cannot_hold_is_refused_first(
    db_url: str, args: list[str], code: int, says: str
) -> None:
    result = run(db_url, *args)
    assert result.exit_code == code, result.output
    assert says in result.stderr and "Traceback" not in result.output
    assert event_count(db_url) == 0
    ok(db_url, *ASSIGN)  # the ledger goes on working
    ok(db_url, "complete", "NV-2023-0042", "--on", "28/03/2023")
    assert as_json(db_url, "report", "--period", "2023-H1")["on_time"] == 1


def test_a_refused_code_is_never_echoed_raw(db_url: str, tmp_path: Path) -> None:
    result = run(db_url, "complete", "NV-\x1b[2J", "--on", "28/03/2023")
    assert result.exit_code == 1 and "\x1b" not in result.stderr
    table = tmp_path / "nhiem-vu.csv"
    table.write_text(
        "Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan giao,Ngày giao\n"
        "NV-\x1b[2J,Rà soát,Sở Tư pháp,UBND tỉnh,14/02/2023\n",
        encoding="utf-8",
    )
    result = run(db_url, "import", str(table))
    assert result.exit_code == 1 and "\x1b" not in result.stderr
    assert "<U+001B>" in result.stderr
    assert event_count(db_url) == 0
