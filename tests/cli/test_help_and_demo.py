"""Every command explains itself; the demo shows a realistic ledger."""

from __future__ import annotations

import importlib

import click
import pytest
from click.testing import CliRunner

from cli.main import COMMAND_MODULES, main

COMMAND_NAMES = sorted(COMMAND_MODULES)


def test_the_lazy_table_names_exactly_the_commands_the_modules_define() -> None:
    defined = {
        command.name: module
        for module in set(COMMAND_MODULES.values())
        for command in importlib.import_module(module).COMMANDS
    }
    assert defined == COMMAND_MODULES


def test_help_lists_every_command_in_order() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = [name for name in COMMAND_MODULES if f"  {name} " in result.output]
    assert listed == list(COMMAND_MODULES)


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    assert command.help and "Example" in command.help, name
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and "Ví dụ" in result.output
    english = CliRunner().invoke(main, ["--lang", "en", name, "--help"])
    assert english.exit_code == 0 and "Example" in english.output


def test_the_contract_commands_exist() -> None:
    assert set(COMMAND_NAMES) >= {
        "assign",
        "extend",
        "reassign",
        "note",
        "complete",
        "reopen",
        "cancel",
        "correct",
        "show",
        "list",
        "history",
        "batch",
        "demo",
    }


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.output


def test_demo_lists_a_half_year_in_vietnamese(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'mine.db'}")
    result = CliRunner().invoke(main, ["demo", "--tasks", "30"])
    assert result.exit_code == 0, result.output
    assert "30 nhiệm vụ, tính đến ngày 30/06/2023" in result.output
    assert "Sở" in result.output and "Hoàn thành đúng hạn" in result.output
    assert not (tmp_path / "mine.db").exists()  # the user's ledger is untouched
