"""``tracker projections follow``: applies what others record, stops cleanly
on SIGTERM, refuses a poll that is no number of seconds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import ASSIGN
from tests.conftest import TODAY
from tracker.wiring import make_tracker


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("poll", ["nan", "inf", "-1", "0", "soon"])
def test_a_poll_that_is_no_number_of_seconds_is_a_usage_error(
    sqlite_url: str, poll: str
) -> None:
    result = run(sqlite_url, "projections", "follow", "--poll", poll)
    assert result.exit_code == 2 and "--poll" in result.stderr


def behind(url: str) -> int:
    status = ok(url, "projections", "status", "--format", "json").stdout
    return int(json.loads(status)[0]["behind"])


def test_the_projector_applies_what_others_record_and_stops_on_sigterm(
    sqlite_url: str,
) -> None:
    ok(sqlite_url, *ASSIGN)
    projector = subprocess.Popen(
        [sys.executable, "-m", "cli", "--db", sqlite_url, "--lang", "en"]
        + ["projections", "follow", "--poll", "0.2"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        clerk = make_tracker(sqlite_url, today=lambda: TODAY)
        clerk.read_models.projects = False  # its events are the projector's
        clerk.complete_task(
            "NV-2023-0042", on=date(2023, 3, 28), document="", actor="b"
        )
        clerk.close()
        deadline = time.monotonic() + 30
        while behind(sqlite_url) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert behind(sqlite_url) == 0
    finally:
        projector.send_signal(signal.SIGTERM)
        out, _ = projector.communicate(timeout=30)
    assert projector.returncode == 0
    assert "Applied 1 events; at position 2." in out
    assert out.strip().splitlines()[-1] == "Stopped at position 2."
