"""``tracker config``: the Office's settings, kept in a file of the user's,
never in the ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import event_count, ok, run


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "settings.json"
    monkeypatch.setenv("TRACKER_CONFIG", str(path))
    return path


def test_the_office_has_a_default_until_it_is_set(
    settings_file: Path, sqlite_url: str
) -> None:
    assert ok(sqlite_url, "config", "get", "office").stdout == "Văn phòng UBND tỉnh\n"
    assert not settings_file.exists()  # reading a setting writes nothing
    done = ok(
        sqlite_url, "--lang", "en", "config", "set", "office",
        "Văn phòng UBND tỉnh Quảng Ngãi",
    )  # fmt: skip
    assert done.stdout == "Set office to Văn phòng UBND tỉnh Quảng Ngãi.\n"
    assert ok(sqlite_url, "config", "get", "office").stdout == (
        "Văn phòng UBND tỉnh Quảng Ngãi\n"
    )
    assert json.loads(settings_file.read_text(encoding="utf-8")) == {
        "office": "Văn phòng UBND tỉnh Quảng Ngãi"
    }
    listed = ok(sqlite_url, "config", "list").stdout
    assert "office = Văn phòng UBND tỉnh Quảng Ngãi" in listed
    assert str(settings_file) in listed


def test_a_setting_is_not_a_ledger_event(settings_file: Path, sqlite_url: str) -> None:
    ok(sqlite_url, "assign", "NV-1", "--title", "Nhiệm vụ", "--agency", "Sở Nội vụ",
       "--assigner", "UBND tỉnh", "--assigned", "01/02/2023")  # fmt: skip
    before = event_count(sqlite_url)
    ok(sqlite_url, "config", "set", "office", "Văn phòng UBND huyện Bình Sơn")
    assert event_count(sqlite_url) == before


def test_refusals_name_the_setting_and_change_nothing(
    settings_file: Path, sqlite_url: str
) -> None:
    ok(sqlite_url, "config", "set", "office", "Văn phòng UBND tỉnh Quảng Ngãi")
    unknown = run(sqlite_url, "--lang", "en", "config", "set", "province", "x")
    assert unknown.exit_code == 1
    assert "no setting named province; the settings are office" in unknown.stderr
    assert run(sqlite_url, "config", "get", "province").exit_code == 1
    control = run(sqlite_url, "--lang", "en", "config", "set", "office", "Văn\x07phòng")
    assert control.exit_code == 1 and "office" in control.stderr
    assert run(sqlite_url, "config", "set", "office", "").exit_code == 1
    assert json.loads(settings_file.read_text(encoding="utf-8")) == {
        "office": "Văn phòng UBND tỉnh Quảng Ngãi"
    }


@pytest.mark.parametrize(
    "content", [b"[1, 2", b"\xff\xfe not UTF-8", b'{"office": 7}'], ids=repr
)
def test_a_damaged_settings_file_is_refused_in_one_line(
    settings_file: Path, sqlite_url: str, content: bytes
) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(content)
    result = run(sqlite_url, "--lang", "en", "config", "get", "office")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: The settings file {settings_file} is not a settings file; "
        "fix it or remove it.\n"
    )
