"""Read models agree with the aggregates, survive crashes and rebuild alike."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.rules import (
    Status,
    awaiting_confirmation,
    due_in_force,
    reminders_as_of,
    status_as_of,
)
from domain.working_days import vietnam_calendar
from projections.catch_up import LostRace
from projections.tables import OVERDUE, READ_MODEL_TABLES, TASKS
from tests.conftest import ASSIGNMENT, TODAY, table_rows
from tests.strategies import BASE, assign_fields, ledger_strategy, perform
from tracker.reading import Reading
from tracker.wiring import make_tracker

CALENDAR = vietnam_calendar()
as_of_dates = st.lists(
    st.integers(min_value=0, max_value=500).map(lambda n: BASE + timedelta(n)),
    min_size=1,
    max_size=4,
)


def record(ledger: Any, plans: Any, *, interleaved: bool = False) -> None:
    """Each task's whole history in turn, or (``interleaved``) every
    assignment first and then each task's later events, as a real log mixes
    them."""
    for plan in plans:
        ledger.assign_task(actor="t", **assign_fields(plan))
        if not interleaved:
            perform(ledger, plan)
    if interleaved:
        for plan in plans:
            perform(ledger, plan)


def recomputed(
    ledger: Any, codes: list[str], start: date, end: date, as_of: date
) -> Counter[str]:
    """The period figures computed from the aggregates themselves."""
    counts: Counter[str] = Counter()
    for code in codes:
        facts = ledger.task_facts(code)
        if start <= facts.assigned_on <= end:
            status = status_as_of(facts, as_of)
            counts[str(status)] += 1
            if status is Status.IN_PROGRESS and due_in_force(facts, as_of) is None:
                counts["no_deadline"] += 1
            if awaiting_confirmation(facts, as_of):
                counts["awaiting_confirmation"] += 1
    return counts


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plans=ledger_strategy, probes=as_of_dates)
def test_read_model_figures_equal_a_recomputation_from_aggregates(
    plans: Any, probes: list[date]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ledger = make_tracker(str(Path(folder) / "l.db"), today=lambda: TODAY)
        record(ledger, plans)
        codes = [plan.code for plan in plans]
        for as_of in probes:
            start, end = BASE, as_of
            report = Reading.of(ledger).period_report(start, end, as_of)
            figures = report.totals.as_dict()
            expected = recomputed(ledger, codes, start, end, as_of)
            for key in (
                "on_time",
                "late",
                "overdue",
                "in_progress",
                "cancelled",
                "no_deadline",
                "awaiting_confirmation",
            ):
                assert figures[key] == expected[key], (key, as_of)
            assert figures["assigned"] == sum(
                figures[k] for k in ("on_time", "late", "overdue", "in_progress")
            )
            listed = {
                v.code: str(v.status) for v in Reading.of(ledger).list_tasks(as_of)
            }
            for code in codes:
                assert listed[code] == str(status_as_of(ledger.task_facts(code), as_of))
            answer = Reading.of(ledger).overdue_report(as_of)
            expected = expected_overdue(ledger, codes, as_of)
            assert answer["overdue"] == expected
            encoded = Reading.of(ledger).overdue_report(as_of, encoded=True)["overdue"]
            assert encoded == json.dumps(expected, ensure_ascii=False).encode()
            days = [row["days_overdue"] for row in expected]
            assert answer["summary"] == {
                "total": len(days),
                **{f"over_{n}": sum(d > n for d in days) for n in (30, 60, 120)},
                "age_in": "days",
            }
            check_week_changes(ledger, codes, as_of - timedelta(days=7), as_of)
        ledger.close()


LEFT_BECAUSE = {
    Status.ON_TIME: "completed",
    Status.LATE: "completed",
    Status.CANCELLED: "cancelled",
    Status.IN_PROGRESS: "extended",
}


def check_week_changes(ledger: Any, codes: list[str], since: date, as_of: date) -> None:
    """Each entry is new when its task was not overdue on ``since``; the
    tasks overdue then and not now left, for the reason their status now
    gives."""
    answer = Reading.of(ledger).overdue_report(as_of, since=since)
    for entry in answer["overdue"]:
        facts = ledger.task_facts(entry["code"])
        assert entry["new"] == (status_as_of(facts, since) is not Status.OVERDUE)
    left = {}
    for code in codes:
        facts = ledger.task_facts(code)
        then, now = status_as_of(facts, since), status_as_of(facts, as_of)
        if then is Status.OVERDUE and now is not Status.OVERDUE:
            left[code] = LEFT_BECAUSE[now]
    assert {row["code"]: row["reason"] for row in answer["left"]} == left


def expected_reminders(facts: Any, as_of: date) -> dict[str, Any]:
    sent = reminders_as_of(facts, as_of)
    return {
        "reminders": len(sent),
        "last_reminded_on": sent[-1].reminded_on.isoformat() if sent else None,
        "last_reminder_doc": sent[-1].document if sent else None,
    }


def expected_overdue(ledger: Any, codes: list[str], as_of: date) -> list[Any]:
    """The overdue list computed from the aggregates, ordered the slow way:
    agencies with the most overdue first (ties by name), then most overdue
    first, then by code."""
    rows = []
    for code in codes:
        facts = ledger.task_facts(code)
        if status_as_of(facts, as_of) is Status.OVERDUE:
            due = due_in_force(facts, as_of)
            assert due is not None
            rows.append(
                {
                    "code": code,
                    "title": facts.title,
                    "agency": facts.lead_agency,
                    "assigner": facts.assigner,
                    "document": facts.document,
                    "due_on": due.isoformat(),
                    "days_overdue": (as_of - due).days,
                    **expected_reminders(facts, as_of),
                    "working_days_overdue": CALENDAR.working_days_between(due, as_of),
                }
            )
    per_agency = Counter(row["agency"] for row in rows)
    return sorted(
        rows,
        key=lambda r: (
            -per_agency[r["agency"]],
            r["agency"],
            -r["days_overdue"],
            r["code"],
        ),
    )


def dump(ledger: Any) -> list[Any]:
    return table_rows(ledger, *READ_MODEL_TABLES)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans=ledger_strategy, batch_size=st.sampled_from([1, 3, 10_000]))
def test_rebuild_yields_identical_tables(plans: Any, batch_size: int) -> None:
    """Rebuilt task by task (tasks cut between batches when they are small)
    from a log that interleaves them, the tables equal those kept up to date
    event by event."""
    with tempfile.TemporaryDirectory() as folder:
        ledger = make_tracker(str(Path(folder) / "l.db"), today=lambda: TODAY)
        record(ledger, plans, interleaved=True)
        before = dump(ledger)
        applied = ledger.read_models.rebuild(batch_size=batch_size)
        status = ledger.read_models.status()
        assert applied == status.head == status.position
        assert dump(ledger) == before
        ledger.close()


ASSIGN = {"code": "NV-1", **ASSIGNMENT}


def test_crash_between_event_write_and_projection_catches_up(db_url: str) -> None:
    crashed = make_tracker(db_url, today=lambda: TODAY)
    crashed.assign_task(actor="t", **ASSIGN)
    crashed.read_models.projects = False  # its events are left to another process
    crashed.complete_task("NV-1", on=date(2023, 4, 2), document="", actor="t")
    assert crashed.read_models.catch_up.lag() == 1
    crashed.close()
    later = make_tracker(db_url, today=lambda: TODAY)
    report = Reading.of(later).period_report(
        date(2023, 1, 1), date(2023, 6, 30), date(2023, 6, 30)
    )
    assert report.totals.as_dict()["late"] == 1
    assert later.read_models.catch_up.lag() == 0
    later.close()


def test_crash_inside_a_projection_batch_leaves_nothing_half_applied(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    ledger.read_models.projects = False  # events written, not projected
    ledger.assign_task(actor="t", **ASSIGN)
    ledger.assign_task(actor="t", **{**ASSIGN, "code": "NV-2"})
    original = ledger.read_models.tasks.apply

    def apply_then_die(sql: Any, events: Any, positions: Any) -> None:
        original(sql, events, positions)
        raise RuntimeError("power cut")

    monkeypatch.setattr(ledger.read_models.tasks, "apply", apply_then_die)
    with pytest.raises(RuntimeError):
        ledger.read_models.catch_up.run()
    assert ledger.read_models.catch_up.position() == 0
    assert table_rows(ledger, TASKS) == [[]]
    monkeypatch.setattr(ledger.read_models.tasks, "apply", original)
    assert ledger.read_models.catch_up.run() == 2
    assert (
        ledger.read_models.catch_up.run() == 0
    )  # exactly once: nothing is applied twice
    assert [v.code for v in Reading.of(ledger).list_tasks(date(2023, 6, 30))] == [
        "NV-1",
        "NV-2",
    ]
    ledger.close()


def test_a_stale_tracking_position_loses_the_race(db_url: str) -> None:
    ledger = make_tracker(db_url, today=lambda: TODAY)
    ledger.assign_task(actor="t", **ASSIGN)
    with (
        pytest.raises(LostRace),
        ledger.recorder.transaction(commit=True) as sql,
    ):
        ledger.read_models.catch_up._move_tracking(
            sql, 0, 1
        )  # someone already moved it
    assert ledger.read_models.catch_up.position() == 1
    ledger.close()


def _overdue_task(ledger: Any, code: str, agency: str, title: str = "") -> None:
    ledger.assign_task(
        actor="t",
        **{**ASSIGNMENT, "code": code, "lead_agency": agency, "title": title or code},
    )


def test_the_overdue_list_is_in_code_point_order_on_every_backend(
    db_url: str,
) -> None:
    """As Python orders text, whatever the database's locale: language-aware
    collations (CI's PostgreSQL database has one) put "Sở a" before "Sở B",
    some "NV1" before "NV-2"."""
    ledger = make_tracker(db_url, today=lambda: TODAY)
    for code, agency in (
        ("NV1", "Sở B"),
        ("NV-2", "Sở B"),
        ("NV-3", "Sở a"),
        ("NV-4", "Sở C"),  # "Sở b" would be Sở B's: names fold (domain.text)
    ):
        _overdue_task(ledger, code, agency)
    as_of = date(2024, 1, 1)
    listed = [
        row["code"] for row in Reading.of(ledger).overdue_report(as_of)["overdue"]
    ]
    assert listed == ["NV-2", "NV1", "NV-4", "NV-3"]
    codes = ["NV1", "NV-2", "NV-3", "NV-4"]
    assert Reading.of(ledger).overdue_report(as_of)["overdue"] == expected_overdue(
        ledger, codes, as_of
    )
    soon = Reading.of(ledger).overdue_report(date(2023, 3, 25), due_within=10)[
        "due_soon"
    ]
    assert [row["code"] for row in soon] == ["NV-2", "NV1", "NV-4", "NV-3"]
    ledger.close()


def test_a_read_model_table_missing_from_an_older_ledger_is_rebuilt(
    db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A ledger written before ``overdue_entries`` existed: opening it makes
    the read models again from the log, rather than list nothing overdue."""
    ledger = make_tracker(db_url, today=lambda: TODAY)
    _overdue_task(ledger, "NV-1", "Sở Nội vụ", 'Báo cáo "khẩn" C:\\dữ liệu')
    before = dump(ledger)
    with ledger.recorder.transaction(commit=True) as sql:
        sql.execute(f"DROP TABLE {OVERDUE}")
    ledger.close()
    reopened = make_tracker(db_url, today=lambda: TODAY)
    assert f"no {OVERDUE} table" in caplog.text
    assert dump(reopened) == before
    overdue = Reading.of(reopened).overdue_report(date(2024, 1, 1))["overdue"]
    assert [row["title"] for row in overdue] == ['Báo cáo "khẩn" C:\\dữ liệu']
    reopened.close()
