"""``tracker demo`` ends with what the Office produces: the period report in
sections and the overdue list, from sample tasks whose documents are their
assigners' own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.demo import CENTRAL_KINDS, as_issued
from cli.main import main
from tracker.bulk.sample import sample_tasks


def test_demo_shows_the_listing_then_the_report_by_source_then_the_overdue_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'mine.db'}")
    result = CliRunner().invoke(main, ["demo", "--tasks", "40"])
    assert result.exit_code == 0, result.output
    out = result.output
    listing = out.index("40 nhiệm vụ, tính đến ngày 30/06/2023")
    central = out.index(
        "Tình hình thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao"
    )
    provincial = out.index(
        "Tình hình thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao"
    )
    overdue = out.index("Nhiệm vụ quá hạn, tính đến ngày 30/06/2023")
    assert listing < central < provincial < overdue
    assert "Tổng số nhiệm vụ được giao" in out and "Chiếm " in out
    assert not (tmp_path / "mine.db").exists()


def test_government_office_notices_are_the_governments_not_the_chairmans() -> None:
    tasks = [
        as_issued(task)
        for task in sample_tasks(400, start=date(2023, 1, 1), end=date(2023, 6, 30))
    ]
    kinds = {(t.document.split(" ")[0].split("/")[1], t.assigner) for t in tasks}
    assert ("TB-VPCP", "Chính phủ") in kinds and (
        "CĐ-TTg",
        "Thủ tướng Chính phủ",
    ) in kinds
    for kind, assigner in kinds:
        central_kind = kind in CENTRAL_KINDS.values()
        assert central_kind == (assigner in CENTRAL_KINDS), (kind, assigner)
