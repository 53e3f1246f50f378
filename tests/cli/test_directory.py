"""``tracker directory``: the Office files assigners, agencies and aliases as
events; listings use the official names; the directory's read model is
proven, rebuilt, exported and known at a past position like the rest."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from domain.directory import DIRECTORY_ID
from projections.directory import load_directory
from projections.tasks import TaskReadModel
from tests.cli.helpers import event_count, execute, ok, run
from tests.cli.test_verify_read_models import forge_event
from tests.conftest import TODAY
from tracker.directory_cases import (
    add_directory_alias,
    add_directory_name,
    recorded_directory,
)
from tracker.wiring import make_tracker

EN = ("--lang", "en")
TASKS = "\n".join(
    [
        'assign A-1 --title "Rà soát" --agency "Sở tư pháp" --assigner "UBND tỉnh" '
        "--assigned 10/01/2023 --due 31/03/2023",
        'assign A-2 --title "Hộ tịch" --agency "SO TU PHAP" --assigner '
        '"Thủ tướng" --assigned 10/02/2023 --due 30/04/2023',
        'assign A-3 --title "Y tế" --agency "SỞ Y TẾ" --assigner "Bộ Y tế" '
        '--assigned 01/03/2023 --due 15/06/2023 --co-agency "Sở Tư pháp"',
        'assign A-4 --title "Dân tộc" --agency "Ban Dân tộc" --assigner '
        '"UBND tỉnh" --assigned 01/03/2023',
    ]
)


def en(db_url: str, *args: str, input: str | None = None) -> Any:
    return ok(db_url, *EN, *args, input=input)


def listed(db_url: str, *args: str) -> list[dict[str, Any]]:
    out = en(db_url, "directory", "list", "--format", "json", *args).stdout
    return json.loads(out)["entries"]  # type: ignore[no-any-return]


def entry(entries: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(e for e in entries if e["name"] == name)


@pytest.fixture
def recorded(db_url: str) -> str:
    en(db_url, "batch", "-", input=TASKS + "\n")
    return db_url


def test_the_list_shows_names_as_typed_folded_into_each_entity(recorded: str) -> None:
    agencies = listed(recorded, "--kind", "agency")
    justice = entry(agencies, "Sở Tư pháp")
    assert justice["aliases"] == ["STP"] and justice["known"]
    assert justice["variants"] == [
        {"name": "SO TU PHAP", "tasks": 1},
        {"name": "Sở Tư pháp", "tasks": 1},  # a co-agency of A-3
        {"name": "Sở tư pháp", "tasks": 1},
    ]
    assert justice["tasks"] == 3
    unknown = [e["name"] for e in agencies if not e["known"]]
    assert unknown == ["Ban Dân tộc", "SỞ Y TẾ"]  # so that the Office files them
    assigners = listed(recorded, "--kind", "assigner")
    assert entry(assigners, "Thủ tướng Chính phủ")["source"] == "central"
    assert entry(assigners, "Thủ tướng Chính phủ")["variants"] == [
        {"name": "Thủ tướng", "tasks": 1}
    ]
    assert not entry(assigners, "Bộ Y tế")["known"]
    assert {e["kind"] for e in assigners} == {"assigner"}


def test_names_and_aliases_filed_fold_the_tasks_variants_into_them(
    recorded: str,
) -> None:
    added = en(recorded, "directory", "add", "agency", "Sở Y tế")
    assert added.stdout == "Added the agency Sở Y tế to the directory.\n"
    aliased = en(recorded, "directory", "alias", "agency", "so y te", "SYT")
    assert aliased.stdout == "SYT now also names the agency Sở Y tế.\n"
    en(recorded, "directory", "add", "assigner", "Bộ Y tế", "--source", "other")
    health = entry(listed(recorded), "Sở Y tế")
    assert health["known"] and health["aliases"] == ["SYT"]
    assert health["variants"] == [{"name": "SỞ Y TẾ", "tasks": 1}]
    assigner = entry(listed(recorded, "--kind", "assigner"), "Bộ Y tế")
    assert assigner["known"] and assigner["source"] == "other"
    table = en(recorded, "directory", "list").stdout
    assert "Official name" in table and "SỞ Y TẾ (1)" in table
    vietnamese = ok(recorded, "directory", "list").stdout
    assert "Tên chính thức" in vietnamese and "Official name" not in vietnamese


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("add", "agency", "so tu phap"), "already has the agency Sở Tư pháp"),
        (("add", "agency", "stp"), "already has the agency Sở Tư pháp"),
        (("add", "assigner", "Bộ Y tế"), "needs a source group"),
        (("add", "agency", "Sở Y tế", "--source", "central"), "Only an assigner"),
        (("add", "agency", "x" * 201), "agency name is 201 characters long"),
        (("add", "agency", "Sở\u001bY tế"), "control character U+001B"),
        (("add", "agency", "  "), "must not be empty"),
        (("alias", "agency", "Sở Y tế", "SYT"), "has no agency named Sở Y tế"),
        (("alias", "agency", "Sở Tư pháp", "SNV"), "SNV already names the agency"),
        (("alias", "agency", "STP", "so tu phap"), "already names Sở Tư pháp"),
        (("alias", "agency", "Sở Tư pháp", "a\u202eb"), "bidirectional"),
        (("alias", "agency", "Sở Tư pháp", "\u0301"), "alias has no letter or digit"),
        (("add", "agency", "\u0300\u0301"), "agency name has no letter or digit"),
        (("add", "assigner", ". _ .", "--source", "other"), "no letter or digit"),
    ],
)
def test_refusals_are_one_line_and_record_nothing(
    recorded: str, args: tuple[str, ...], fragment: str
) -> None:
    before = event_count(recorded)
    result = run(recorded, *EN, "directory", *args)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert event_count(recorded) == before


def test_a_bad_kind_or_source_is_a_usage_error(recorded: str) -> None:
    for args in (
        ("add", "ward", "Phường 1"),
        ("add", "assigner", "X", "--source", "x"),
    ):
        assert run(recorded, *EN, "directory", *args).exit_code == 2


def test_listing_by_an_alias_finds_every_spelling_and_shows_official_names(
    recorded: str,
) -> None:
    rows = json.loads(
        en(recorded, "list", "--agency", "STP", "--format", "json").stdout
    )
    assert [row["code"] for row in rows] == ["A-1", "A-2"]
    assert {row["agency"] for row in rows} == {"Sở Tư pháp"}
    assert [row["assigner"] for row in rows] == ["UBND tỉnh", "Thủ tướng Chính phủ"]
    en(recorded, "directory", "add", "agency", "Sở Y tế")
    en(recorded, "directory", "alias", "agency", "Sở Y tế", "SYT")
    rows = json.loads(
        en(recorded, "list", "--agency", "syt", "--format", "json").stdout
    )
    assert [(row["code"], row["agency"]) for row in rows] == [("A-3", "Sở Y tế")]
    # An agency the directory does not know is still matched as typed.
    rows = json.loads(
        en(recorded, "list", "--agency", "dan toc", "--format", "json").stdout
    )
    assert [row["code"] for row in rows] == ["A-4"]


def test_reading_the_directory_creates_no_ledger(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = run(f"sqlite:///{missing}", *EN, "directory", "list")
    assert result.exit_code == 1 and not missing.exists()


def directory_rows(db_url: str) -> list[tuple[Any, ...]]:
    return sorted(execute(db_url, "SELECT * FROM directory_names"))


def test_verify_proves_the_directory_and_a_rebuild_restores_it(recorded: str) -> None:
    en(recorded, "directory", "add", "agency", "Sở Y tế")
    en(recorded, "directory", "alias", "agency", "Sở Y tế", "SYT")
    assert (
        "Read models match a replay" in en(recorded, "verify", "--read-models").stdout
    )
    rows = directory_rows(recorded)
    assert len(rows) == 2
    execute(recorded, "UPDATE directory_names SET official = 'Sở Tư pháp'"
            " WHERE name = 'SYT'")  # fmt: skip
    result = run(recorded, *EN, "verify", "--read-models")
    assert result.exit_code == 4
    assert "directory_names has a row (position" in result.stderr
    assert "Ledger intact" in en(recorded, "verify").stdout  # the events are whole
    en(recorded, "projections", "rebuild")
    assert directory_rows(recorded) == rows
    en(recorded, "verify", "--read-models")
    execute(recorded, "DELETE FROM directory_names WHERE name = 'SYT'")
    assert run(recorded, *EN, "verify", "--read-models").exit_code == 4
    execute(
        recorded,
        "INSERT INTO directory_names (position, kind, name_key, name, official,"
        " source) VALUES (99, 'agency', 'x', 'X', 'X', NULL)",
    )
    assert run(recorded, *EN, "verify", "--read-models").exit_code == 4


def test_export_and_restore_carry_the_directory(recorded: str, tmp_path: Path) -> None:
    en(recorded, "directory", "add", "agency", "Sở Y tế")
    en(recorded, "directory", "alias", "agency", "Sở Y tế", "SYT")
    exported = tmp_path / "so-cai.jsonl"
    en(recorded, "export", str(exported))
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    en(target, "restore", str(exported))
    assert listed(target) == listed(recorded)
    en(target, "verify", "--read-models")
    en(target, "directory", "alias", "agency", "SYT", "S.Y.T")  # it grows on
    assert entry(listed(target), "Sở Y tế")["aliases"] == ["SYT", "S.Y.T"]


def test_the_directory_as_known_at_a_past_position_lacks_a_later_alias(
    recorded: str,
) -> None:
    en(recorded, "directory", "add", "agency", "Sở Y tế")
    ledger = make_tracker(recorded, today=lambda: TODAY)
    try:
        before_alias = ledger.read_models.catch_up.head()
        add_directory_alias(
            ledger, kind="agency", name="Sở Y tế", alias="SYT", actor="chuyên viên A"
        )

        def agency_of(code: str) -> Any:
            def query(sql: Any) -> Any:
                directory = load_directory(sql)
                rows = TaskReadModel.listing(sql, date(2023, 12, 31), agency="SYT")
                return directory.official("agency", "SYT"), [r.code for r in rows]

            return query

        past = ledger.read_models.consistent(agency_of("A-3"), before_alias).answer
        now = ledger.read_models.consistent(agency_of("A-3")).answer
    finally:
        ledger.close()
    assert past == ("SYT", [])  # as known then: no such alias
    assert now == ("Sở Y tế", ["A-3"])


def test_two_clerks_adding_at_once_are_both_recorded(recorded: str) -> None:
    first = make_tracker(recorded, today=lambda: TODAY)
    second = make_tracker(recorded, today=lambda: TODAY)
    try:
        add_directory_name(first, kind="agency", name="Sở Y tế", source=None, actor="a")
        stale = first.repository.get(DIRECTORY_ID)
        add_directory_name(
            second, kind="agency", name="Sở Xây dựng", source=None, actor="b"
        )
        loads = iter([stale])
        real_get = first.repository.get

        def get(*args: Any, **kwargs: Any) -> Any:
            return next(loads, None) or real_get(*args, **kwargs)

        first.repository.get = get  # type: ignore[method-assign]
        add_directory_name(
            first, kind="agency", name="Sở Công Thương", source=None, actor="a"
        )
        known = recorded_directory(first)
    finally:
        first.close()
        second.close()
    for name in ("Sở Y tế", "Sở Xây dựng", "Sở Công Thương"):
        assert known.knows("agency", name)
    assert [e["name"] for e in listed(recorded) if not e["builtin"] and e["known"]] == [
        "Sở Công Thương",
        "Sở Xây dựng",
        "Sở Y tế",
    ]


def test_a_directory_event_forged_onto_a_task_is_named_by_verify(
    recorded: str,
) -> None:
    state = json.dumps(
        {
            "timestamp": {
                "_type_": "datetime_iso",
                "_data_": "2026-11-23T08:00:00+00:00",
            },
            "effective_on": {"_type_": "date_iso", "_data_": "2026-11-23"},
            "actor": "b",
            "kind": "agency",
            "name": "Sở Ma",
            "source": None,
        }
    ).encode()
    position = forge_event(
        recorded, "domain.directory_record:DirectoryRecord.NameAdded", state
    )
    assert "Ledger intact" in en(recorded, "verify").stdout  # a whole chain
    result = run(recorded, *EN, "verify", "--read-models")
    assert result.exit_code == 4
    assert f"position {position}" in result.stderr
    assert "is of a kind its aggregate does not record" in result.stderr
