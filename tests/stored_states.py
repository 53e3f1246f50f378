"""Events' stored states as the tracker writes them, for tests that write
events below the application (raw SQL, the recorder, the append function)."""

from __future__ import annotations

from typing import Any

DAY = {"_type_": "date_iso", "_data_": "2023-02-14"}
STAMP = {"_type_": "datetime_iso", "_data_": "2026-11-23T08:00:00+00:00"}


def assigned(code: str = "NV-9", **changes: Any) -> dict[str, Any]:
    """An ``Assigned`` event's state, with ``changes``."""
    return {
        "timestamp": STAMP,
        "originator_topic": "domain.task:Task",
        "effective_on": DAY,
        "actor": "b",
        "code": code,
        "title": "Rà soát",
        "assigner": "UBND tỉnh",
        "lead_agency": "Sở Tư pháp",
        "co_agencies": [],
        "document": "",
        "document_number": None,
        "document_date": None,
        "assigned_on": DAY,
        "due_on": None,
        **changes,
    }
