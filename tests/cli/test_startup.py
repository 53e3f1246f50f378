"""What a command loads before it starts: the clerk waits for all of it.

Checked in a fresh interpreter, since this test process has imported
everything already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cli.main import main


def loaded_modules(*arguments: str) -> set[str]:
    """The modules a fresh ``tracker`` process holds after ``arguments``."""
    probe = (
        "import sys\n"
        "from cli.main import main\n"
        "try:\n"
        f"    main({list(arguments)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(done.stderr.strip().splitlines()[-1].split())


def test_help_and_version_do_not_import_sqlalchemy_or_eventsourcing() -> None:
    for arguments in (["--help"], ["--version"], ["complete", "--help"]):
        modules = loaded_modules(*arguments)
        assert "sqlalchemy" not in modules, arguments
        assert "eventsourcing" not in modules, arguments


def test_a_write_loads_neither_sqlalchemy_nor_unused_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    assign = [
        "--db", db, "assign", "NV-1", "--title", "Rà soát", "--agency", "Sở Tư pháp",
        "--assigner", "UBND tỉnh", "--assigned", "14/02/2023", "--due", "31/03/2023",
    ]  # fmt: skip
    assert CliRunner().invoke(main, assign).exit_code == 0
    modules = loaded_modules("--db", db, "complete", "NV-1", "--on", "20/03/2023")
    assert "eventsourcing.application" in modules  # it did record
    assert "sqlalchemy" not in modules  # its tables exist: nothing to compile
    assert not modules & {"cli.report_command", "cli.demo", "cli.import_command"}
