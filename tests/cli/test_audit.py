"""Audit replay: reports as they were known, tamper evidence, export/restore."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.cli import helpers
from tests.cli.helpers import as_json, execute
from tracker.eventstore.chain import GENESIS, chain_hash


# These tests read refusals and confirmations as the code writes them, in
# English; tests/cli/test_languages.py proves every command in Vietnamese.
def run(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.run(db_url, "--lang", "en", *args, input=input)


def ok(db_url: str, *args: str, input: str | None = None) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args, input=input)


LEDGER = "\n".join(
    [
        'assign A-1 --title "Rà soát" --agency "Sở Tư pháp" --assigner "UBND tỉnh" '
        "--assigned 10/01/2023 --due 31/03/2023",
        'assign A-2 --title "Số hóa" --agency "Sở Nội vụ" --assigner "UBND tỉnh" '
        "--assigned 10/02/2023 --due 30/04/2023",
        'assign A-3 --title "Đề án 06" --agency "Công an tỉnh" --assigner '
        '"Thủ tướng Chính phủ" --assigned 01/03/2023 --due 15/06/2023',
        "complete A-1 --on 20/03/2023",
    ]
)


def last_recorded_at(db_url: str) -> str:
    return str(execute(db_url, "SELECT max(recorded_at) FROM tracker_chain")[0][0])


def test_report_as_known_at_reproduces_the_report_sent_that_day(db_url: str) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    sent = as_json(db_url, "report", "--period", "2023-H1", "--by", "agency")
    sent_overdue = as_json(db_url, "overdue", "--as-of", "30/06/2023")
    moment = last_recorded_at(db_url)
    # Later: a completion logged late with an earlier effective date, and a fix.
    ok(db_url, "complete", "A-2", "--on", "25/04/2023")
    ok(db_url, "correct", "A-3", "due_on", "30/06/2023", "--reason", "Nhập nhầm hạn")
    now = as_json(db_url, "report", "--period", "2023-H1", "--by", "agency")
    assert (now["on_time"], now["overdue"]) != (sent["on_time"], sent["overdue"])
    again = as_json(
        db_url,
        "report",
        "--period",
        "2023-H1",
        "--by",
        "agency",
        "--as-known-at",
        moment,
    )
    assert again == sent  # to the figure, fingerprint included
    overdue = as_json(
        db_url, "overdue", "--as-of", "30/06/2023", "--as-known-at", moment
    )
    assert overdue == sent_overdue
    listed = as_json(db_url, "list", "--as-of", "30/06/2023", "--as-known-at", moment)
    assert {r["code"]: r["status"] for r in listed} == {
        "A-1": "on_time",
        "A-2": "overdue",
        "A-3": "overdue",
    }
    shown = as_json(db_url, "show", "A-3", "--as-known-at", moment)
    assert shown["due_on"] == "2023-06-15"


def test_as_known_at_before_anything_was_recorded(db_url: str) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    empty = as_json(
        db_url, "report", "--period", "2023-H1", "--as-known-at", "01/01/2020"
    )
    assert empty["assigned"] == 0 and empty["ledger"]["position"] == 0


def test_history_since_and_by_actor(db_url: str) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    moment = last_recorded_at(db_url)
    ok(db_url, "--actor", "chuyên viên B", "complete", "A-2", "--on", "25/04/2023")
    since = as_json(db_url, "history", "--since", moment)
    assert [(e["code"], e["type"]) for e in since] == [
        ("A-1", "Completed"),
        ("A-2", "Completed"),
    ]
    mine = as_json(
        db_url, "history", "--since", "01/01/2020", "--actor", "chuyen vien b"
    )
    assert [(e["code"], e["actor"]) for e in mine] == [("A-2", "chuyên viên B")]
    table = helpers.ok(db_url, "history", "--since", "01/01/2020").stdout
    assert "A-3" in table and "Giao nhiệm vụ" in table
    assert run(db_url, "history").exit_code == 2


def test_verify_passes_on_an_intact_ledger(db_url: str) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    result = ok(db_url, "verify")
    assert "Ledger intact: 4 events" in result.output


def _tampered(db_url: str, statement: str, **params: object):  # type: ignore[no-untyped-def]
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    execute(db_url, statement, **params)
    return run(db_url, "verify")


def test_verify_catches_an_altered_event(sqlite_url: str) -> None:
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    state = execute(sqlite_url, "SELECT state FROM tracker_events WHERE id = 2")[0][0]
    altered = bytes(state).replace("Sở Nội vụ".encode(), "Sở Nội Vụ".encode())
    assert altered != bytes(state)
    execute(sqlite_url, "UPDATE tracker_events SET state = :s WHERE id = 2", s=altered)
    result = run(sqlite_url, "verify")
    assert result.exit_code == 4
    assert "position 2 (task A-2)" in result.stderr and "altered" in result.stderr


def test_verify_catches_a_deleted_event(sqlite_url: str) -> None:
    result = _tampered(sqlite_url, "DELETE FROM tracker_events WHERE id = 3")
    assert result.exit_code == 4
    assert "position 3" in result.stderr and "removed" in result.stderr


def test_verify_catches_a_deleted_event_and_its_chain_row(sqlite_url: str) -> None:
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    execute(sqlite_url, "DELETE FROM tracker_events WHERE id = 3")
    execute(sqlite_url, "DELETE FROM tracker_chain WHERE position = 3")
    result = run(sqlite_url, "verify")
    assert result.exit_code == 4 and "position 4" in result.stderr


def test_verify_catches_an_event_inserted_with_raw_sql(sqlite_url: str) -> None:
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    row = execute(
        sqlite_url,
        "SELECT originator_id, topic, state FROM tracker_events WHERE id = 4",
    )[0]
    execute(
        sqlite_url,
        "INSERT INTO tracker_events (originator_id, originator_version,"
        " topic, state) VALUES (:o, 3, :t, :s)",
        o=row[0],
        t=row[1],
        s=row[2],
    )
    result = run(sqlite_url, "verify")
    assert result.exit_code == 4
    assert "position 5 (task A-1)" in result.stderr and "inserted" in result.stderr


def _rewrite_history_and_recompute_chain(db_url: str) -> None:
    """What someone with write access could do: alter an old event, then
    recompute every chain hash so that a plain verify passes."""
    state = execute(db_url, "SELECT state FROM tracker_events WHERE id = 4")[0][0]
    forged = bytes(state).replace(b"2023-03-20", b"2023-03-19")
    execute(db_url, "UPDATE tracker_events SET state = :s WHERE id = 4", s=forged)
    previous = GENESIS
    rows = execute(
        db_url,
        "SELECT e.id, e.originator_id, e.originator_version, e.topic,"
        " e.state, c.recorded_at FROM tracker_events e JOIN "
        "tracker_chain c ON c.position = e.id ORDER BY e.id",
    )
    for position, originator, version, topic, body, recorded_at in rows:
        from uuid import UUID

        originator = (
            UUID(bytes=originator) if isinstance(originator, bytes) else (originator)
        )
        digest = chain_hash(
            previous, position, originator, version, topic, bytes(body), recorded_at
        )
        execute(
            db_url,
            "UPDATE tracker_chain SET previous_hash = :p, hash = :h "
            "WHERE position = :n",
            p=previous,
            h=digest,
            n=position,
        )
        previous = digest


def test_fingerprint_proves_the_history_behind_a_printed_report(
    sqlite_url: str,
) -> None:
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    printed = as_json(sqlite_url, "report", "--period", "2023-H1")["ledger"]
    fingerprint = f"{printed['position']}:{printed['hash'][:16]}"
    ok(sqlite_url, "complete", "A-2", "--on", "25/04/2023")  # the ledger grows
    assert (
        "still holds the history"
        in ok(sqlite_url, "verify", "--fingerprint", fingerprint).output
    )
    _rewrite_history_and_recompute_chain(sqlite_url)
    assert ok(sqlite_url, "verify").exit_code == 0  # the forger's chain is whole
    result = run(sqlite_url, "verify", "--fingerprint", fingerprint)
    assert result.exit_code == 4
    assert "no longer matches fingerprint" in result.stderr
    assert run(sqlite_url, "verify", "--fingerprint", "4:abc").exit_code == 2


def test_export_then_restore_round_trips(db_url: str, tmp_path: Path) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    ok(db_url, "extend", "A-2", "--to", "31/05/2023", "--on", "20/04/2023")
    exported = tmp_path / "so-cai.jsonl"
    ok(db_url, "export", str(exported))
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 and json.loads(lines[-1])["end"] is True
    assert json.loads(lines[0])["state"]["title"] == "Rà soát"
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    ok(target, "restore", str(exported))
    assert ok(target, "verify").exit_code == 0
    for args in (
        ["report", "--period", "2023-H1", "--by", "agency"],
        ["overdue", "--as-of", "30/06/2023"],
        ["history", "A-2"],
    ):
        assert as_json(target, *args) == as_json(db_url, *args)
    ok(target, "complete", "A-3", "--on", "10/06/2023")  # the restored ledger grows
    assert ok(target, "verify").exit_code == 0


def _restore_refused(tmp_path: Path, content: str) -> None:
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text(content, encoding="utf-8")
    target = f"sqlite:///{tmp_path / 'target.db'}"
    result = run(target, "restore", str(damaged))
    assert result.exit_code == 4, result.output
    assert "nothing was restored" in result.stderr
    assert execute(target, "SELECT count(*) FROM tracker_events") == [(0,)]


def test_restore_refuses_a_truncated_file(sqlite_url: str, tmp_path: Path) -> None:
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    exported = tmp_path / "so-cai.jsonl"
    ok(sqlite_url, "export", str(exported))
    lines = exported.read_text(encoding="utf-8").splitlines()
    _restore_refused(tmp_path, "\n".join(lines[:3]) + "\n")  # end marker lost
    _restore_refused(tmp_path, "\n".join(lines)[:-40])  # cut mid-line


def test_restore_refuses_an_altered_file(sqlite_url: str, tmp_path: Path) -> None:
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    exported = tmp_path / "so-cai.jsonl"
    ok(sqlite_url, "export", str(exported))
    content = exported.read_text(encoding="utf-8")
    _restore_refused(tmp_path, content.replace("Đề án 06", "Đề án 07"))


def test_restore_needs_an_empty_database(db_url: str, tmp_path: Path) -> None:
    ok(db_url, "batch", "-", input=LEDGER + "\n")
    exported = tmp_path / "so-cai.jsonl"
    ok(db_url, "export", str(exported))
    result = run(db_url, "restore", str(exported))
    assert result.exit_code == 1 and "empty database" in result.stderr


def _forged_export(lines: list[str], position: int, change: Any) -> str:
    """An export whose event at ``position`` was changed by ``change`` and
    whose chain was recomputed around it, so that only its content is wrong."""
    return _rechained(lines, position, lambda record: change(record["state"]))


def _rechained(lines: list[str], position: int, change: Any) -> str:
    """An export whose record at ``position`` was changed by ``change`` and
    whose chain was recomputed from there, as a forger would."""
    from uuid import UUID

    records = [json.loads(line) for line in lines]
    previous = GENESIS
    for record in records[:-1]:
        if record["position"] == position:
            change(record)
        state = json.dumps(
            record["state"], separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")
        record["previous_hash"] = previous
        record["hash"] = previous = chain_hash(
            previous,
            int(record["position"]),
            UUID(record["originator_id"]),
            int(record["originator_version"]),
            str(record["topic"]),
            state,
            str(record["recorded_at"]),
        )
    records[-1]["head"]["hash"] = previous
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def _restore_changed(
    sqlite_url: str, tmp_path: Path, line: int, field: str, value: Any
) -> str:
    """Restore an export of LEDGER whose ``line`` has ``field`` set to
    ``value``, the chain recomputed around it (so only the value is wrong);
    what stderr said, once it is known that nothing was restored."""
    ok(sqlite_url, "batch", "-", input=LEDGER + "\n")
    exported = tmp_path / "so-cai.jsonl"
    ok(sqlite_url, "export", str(exported))
    lines = exported.read_text(encoding="utf-8").splitlines()

    def change(record: dict[str, Any]) -> None:
        record[field] = value

    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text(_rechained(lines, line, change), encoding="utf-8")
    target = f"sqlite:///{tmp_path / 'target.db'}"
    result = run(target, "restore", str(damaged))
    assert result.exit_code == 4, result.output
    assert "nothing was restored" in result.stderr
    assert execute(target, "SELECT count(*) FROM tracker_events") == [(0,)]
    return str(result.stderr)


@pytest.mark.parametrize(
    ("field", "value", "told"),
    [
        ("position", 7, "a position the tracker never writes (2 comes next)"),
        ("position", True, "a position"),
        ("position", "2", "a position"),
        ("originator_version", 0, "a version"),
        ("originator_version", 1.0, "a version"),
        ("recorded_at", "2023-02-01 10:00:00", "a recording time"),
        ("recorded_at", "2023-02-30T10:00:00.000000+00:00", "a recording time"),
        ("recorded_at", 1675245600, "a recording time"),
        ("state", ["Rà soát"], "a state"),
        ("topic", None, "a topic"),
    ],
)
def test_restore_refuses_a_value_the_tracker_never_writes(
    sqlite_url: str, tmp_path: Path, field: str, value: Any, told: str
) -> None:
    told_line = _restore_changed(sqlite_url, tmp_path, 2, field, value)
    assert f"Line 2 holds {told}" in told_line


@pytest.mark.parametrize(
    ("line", "version", "next_version"),
    [
        (2, 2, 1),  # a task's history without its start
        (4, 1, 2),  # A-1's version 1 twice
        (4, 3, 2),  # a version skipped
        (4, 2**63, 2),  # beyond any database's integer
    ],
)
def test_restore_refuses_versions_that_do_not_run_one_two_three(
    sqlite_url: str, tmp_path: Path, line: int, version: int, next_version: int
) -> None:
    told = _restore_changed(sqlite_url, tmp_path, line, "originator_version", version)
    assert (
        f"Line {line} holds a version the tracker never writes "
        f"({next_version} comes next for its task); nothing was restored."
    ) in told


def test_restore_keeps_nothing_when_the_read_models_cannot_take_an_event(
    db_url: str, tmp_path: Path
) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    ok(source, "batch", "-", input=LEDGER + "\n")
    exported = tmp_path / "so-cai.jsonl"
    ok(source, "export", str(exported))
    lines = exported.read_text(encoding="utf-8").splitlines()
    forged = tmp_path / "forged.jsonl"
    forged.write_text(_forged_export(lines, 2, lambda state: state.pop("title")))
    result = run(db_url, "restore", str(forged))
    assert result.exit_code == 4, result.output
    assert "nothing was restored" in result.stderr
    assert "Traceback" not in result.output
    assert execute(db_url, "SELECT count(*) FROM tracker_events") == [(0,)]
    assert execute(db_url, "SELECT count(*) FROM tracker_chain") == [(0,)]
    assert execute(db_url, "SELECT count(*) FROM tasks_view") == [(0,)]
    ok(db_url, "restore", str(exported))  # the genuine file goes in whole
    assert as_json(db_url, "report", "--period", "2023-H1")["assigned"] == 3
