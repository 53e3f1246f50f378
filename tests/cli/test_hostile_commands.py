"""Any sequence of logging commands, with any arguments a careless or hostile
clerk could type, leaves a ledger that is whole: every command either records
and says so, or exits 1, 2 or 3 with one line and records nothing; after each
one the chain verifies, the read models equal a replay of the log, and
nothing is behind."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli import helpers
from tests.conftest import postgres_url, reset_postgres


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


TABLES = (
    "tracker_events",
    "tracker_chain",
    "tracker_tracking",
    "tasks_view",
    "task_facts",
    "task_status_spans",
    "overdue_entries",
)
NASTY = (
    "",
    " ",
    "\x00",
    "a\x1bb",
    "chuông\x07",
    "\u202eđảo chiều",
    "\udcff",  # an undecodable byte of argv
    "=1+1",
    "x" * 2001,
    "ß" * 40,
    "Đ" * 201,
    "Sở Tư pháp",
    "so tu phap",
    "495/UBND-TTHC ngày 14/02/2023",
    "1" * 130 + "/UBND",
)
SOUND_TEXTS = ("Rà soát", "Sở Nội vụ", "Sở Tư pháp", "Chờ ý kiến Bộ", "812/UBND-KT")
# Sound values as often as hostile ones, so that sequences go somewhere.
texts = st.one_of(
    st.sampled_from(SOUND_TEXTS), st.sampled_from(NASTY), st.text(max_size=24)
)
days = st.one_of(
    st.dates(date(2023, 1, 1), date(2026, 11, 20)).map(lambda d: f"{d:%d/%m/%Y}"),
    st.sampled_from(
        (
            "01/01/0001",
            "31/12/9999",
            "01/01/1899",
            "31/12/2199",
            "+999999999d",
            "+100000y",
            "-3d",
            "today",
            "31/02/2023",
            "",
            "ngày 14 tháng 02 năm 2023",
            "2023-02-14",
            "14/2/23",
        )
    ),
    st.text(max_size=12),
)
codes = st.one_of(
    st.sampled_from(("NV-1", "NV-2", "nv-1", " NV-2 ", "X" * 65, "NV-\x00")),
    texts,
)
FIELDS = (
    "title",
    "agency",
    "assigner",
    "co_agencies",
    "doc",
    "assigned_on",
    "due_on",
    "completed_on",
    "status",
)


def _options(**values: str | None) -> list[str]:
    """``--name value`` pairs, in order, for the values given."""
    pairs = [
        [f"--{k.replace('_', '-')}", v] for k, v in values.items() if v is not None
    ]
    return [part for pair in pairs for part in pair]


def _assign(
    code: str,
    title: str,
    agency: str,
    assigner: str,
    assigned: str,
    due: str | None,
    doc: str,
    co: list[str],
) -> list[str]:
    co_args = [part for name in co for part in ("--co-agency", name)]
    options = _options(
        title=title, agency=agency, assigner=assigner, assigned=assigned, due=due
    )
    return ["assign", code, *options, "--doc", doc, *co_args]


def _extend(code: str, to: str, on: str, reason: str, doc: str) -> list[str]:
    return ["extend", code, *_options(to=to, on=on, reason=reason, doc=doc)]


def _reassign(code: str, agency: str, on: str, reason: str) -> list[str]:
    return ["reassign", code, *_options(agency=agency, on=on, reason=reason)]


def _dated(name: str) -> Any:
    """``name CODE --on DATE --<what> TEXT`` for complete, reopen, cancel."""
    what = "doc" if name == "complete" else "reason"
    return st.builds(
        lambda code, on, text: [name, code, *_options(on=on, **{what: text})],
        codes,
        days,
        texts,
    )


commands = st.one_of(
    st.builds(
        _assign,
        codes,
        texts,
        texts,
        texts,
        days,
        st.none() | days,
        texts,
        st.lists(texts, max_size=2),
    ),
    st.builds(_extend, codes, days, days, texts, texts),
    st.builds(_reassign, codes, texts, days, texts),
    st.builds(lambda c, t, on: ["note", c, t, "--on", on], codes, texts, days),
    _dated("complete"),
    _dated("reopen"),
    _dated("cancel"),
    st.builds(
        lambda c, f, v, r: ["correct", c, f, v, "--reason", r],
        codes,
        st.sampled_from(FIELDS),
        st.one_of(texts, days),
        texts,
    ),
)
# The first command of a sequence is a sound assignment, so that the others
# have a task to work on.
SOUND = _assign(
    "NV-1", "Rà soát", "Sở Tư pháp", "UBND tỉnh", "14/02/2023", "31/03/2023", "", []
)
actors = st.one_of(st.just("chuyên viên A"), texts)
steps = st.lists(st.tuples(actors, commands), min_size=1, max_size=6)


def snapshot(url: str) -> list[Any]:
    """Every row of every table: what a refused command must leave as it was."""
    from tracker.wiring import make_tracker

    ledger = make_tracker(url)
    try:
        with ledger.recorder.transaction(commit=False) as sql:
            return [sorted(map(repr, sql.rows(f"SELECT * FROM {t}"))) for t in TABLES]
    finally:
        ledger.close()


def clean(result: Result) -> None:
    """One readable outcome, never a traceback."""
    assert "Traceback" not in result.output, result.output
    exception = result.exception
    assert exception is None or isinstance(exception, SystemExit), repr(exception)


def check_whole(url: str) -> None:
    for args in (["verify"], ["verify", "--read-models"]):
        result = run(url, *args)
        assert result.exit_code == 0, (args, result.output)
    status = run(url, "projections", "status", "--format", "json")
    assert status.exit_code == 0 and json.loads(status.stdout)[0]["behind"] == 0


def drive(url: str, sequence: list[tuple[str, list[str]]]) -> None:
    first = run(url, *SOUND)
    assert first.exit_code == 0, first.output
    for actor, args in sequence:
        before = snapshot(url)
        result = run(url, "--actor", actor, *args)
        clean(result)
        assert result.exit_code in (0, 1, 2, 3), (args, result.output)
        if result.exit_code != 0:
            lines = result.stderr.strip().splitlines()
            # A refusal is one line; a usage error is click's usage block
            # ending in one error line.
            assert len(lines) == 1 or result.exit_code == 2, result.stderr
            assert lines[-1].startswith("Error: "), result.stderr
            assert snapshot(url) == before, (args, result.output)
        check_whole(url)


def examples(count: int) -> Any:
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@examples(60)
@given(sequence=steps)
def test_any_commands_on_sqlite_leave_a_whole_ledger(sequence: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        drive(f"sqlite:///{Path(folder) / 'ledger.db'}", sequence)


@examples(25)  # each command opens a server connection: fewer, for speed
@given(sequence=steps)
def test_any_commands_on_postgresql_leave_a_whole_ledger(sequence: Any) -> None:
    url = postgres_url()
    reset_postgres(url)
    drive(url, sequence)
