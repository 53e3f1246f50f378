"""Chunked import stays all-or-nothing and catches duplicates across chunks."""

from __future__ import annotations

from typing import Any

import pytest

from tracker.bulk.importing import ImportRefused, import_task_list
from tracker.bulk.spreadsheets import SheetRow
from tracker.reading import Reading


def row(number: int, code: str, assigned: str = "14/02/2023") -> SheetRow:
    return SheetRow(
        number,
        {
            "code": code,
            "title": f"Nhiệm vụ {code}",
            "agency": "Sở Tư pháp",
            "assigner": "UBND tỉnh",
            "assigned": assigned,
            "due": "31/03/2023",
        },
    )


def test_a_bad_row_in_a_late_chunk_undoes_the_early_chunks(ledger: Any) -> None:
    rows = [row(n, f"NV-{n}") for n in range(2, 8)] + [row(8, "NV-8", "31/02/2023")]
    with pytest.raises(ImportRefused) as refused:
        import_task_list(ledger, rows, "tester", chunk_size=2)
    assert [r.row for r in refused.value.rejected] == [8]
    assert not ledger.existing_codes([f"NV-{n}" for n in range(2, 9)])
    assert Reading.of(ledger).list_tasks(ledger.today()) == []


def test_a_code_repeated_in_another_chunk_is_rejected(ledger: Any) -> None:
    rows = [row(2, "NV-1"), row(3, "NV-2"), row(4, "NV-3"), row(5, "nv-1")]
    result = import_task_list(ledger, rows, "tester", chunk_size=2, skip_invalid=True)
    assert result.recorded == 3
    assert [(r.row, r.code) for r in result.rejected] == [(5, "NV-1")]
    assert "already used on row 2" in result.rejected[0].reason
