"""The directory's and the calendar's IDs, written out in their modules, are
the ones every ledger recorded them under."""

from __future__ import annotations

import uuid

from domain.calendar_record import CALENDAR_ID
from domain.directory import DIRECTORY_ID, NAMESPACE


def test_the_directory_id_is_its_name_in_the_tracker_namespace() -> None:
    assert uuid.uuid5(NAMESPACE, "tracker directory") == DIRECTORY_ID


def test_the_calendar_id_is_its_name_in_the_tracker_namespace() -> None:
    assert uuid.uuid5(NAMESPACE, "tracker calendar") == CALENDAR_ID
