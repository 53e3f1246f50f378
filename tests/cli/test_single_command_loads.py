"""A single update loads only what it needs: the clerk waits for the rest.

Checked in a fresh interpreter (``test_startup.loaded_modules``).
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli.main import main
from tests.cli.test_startup import loaded_modules

ASSIGN = [
    "assign", "NV-1", "--title", "Rà soát", "--agency", "Sở Tư pháp",
    "--assigner", "UBND tỉnh", "--assigned", "14/02/2023", "--due", "31/03/2023",
]  # fmt: skip
NOT_NEEDED = {
    "tracker.audit.verify",  # verify, export, restore
    "tracker.audit.archive",
    "domain.schedule",  # periodic tasks
    "domain.directory_record",  # the directory's additions
    "dateutil",  # dates such as "+1m"
    "logging",  # loaded with the first notice
}


def test_a_note_or_a_completion_loads_no_other_aggregate_nor_the_audit(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "ledger.db")
    assert CliRunner().invoke(main, ["--db", db, *ASSIGN]).exit_code == 0
    for command in (
        ["note", "NV-1", "Đã gửi dự thảo", "--on", "01/03/2023"],
        ["complete", "NV-1", "--on", "20/03/2023"],
    ):
        modules = loaded_modules("--db", db, *command)
        assert "domain.task" in modules, command  # it did load the task
        assert not modules & NOT_NEEDED, (command, modules & NOT_NEEDED)


def test_the_audit_is_still_at_hand_when_asked_for(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    assert CliRunner().invoke(main, ["--db", db, *ASSIGN]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", db, "--lang", "en", "verify"])
    assert result.exit_code == 0, result.output
    assert "tracker.audit.verify" in loaded_modules("--db", db, "verify")
