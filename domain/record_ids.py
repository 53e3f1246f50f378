"""The IDs of the ledger's one-of-a-kind aggregates: the directory
(``domain.directory_record``) and the calendar (``domain.calendar_record``).

Each is ``uuid5(NAMESPACE, its name)``, written out: the read models tell
those aggregates' events apart by them on every write, and computing a
``uuid5`` would load hashlib, and importing either aggregate eventsourcing,
for every command (``tests/domain/test_record_ids.py`` holds them to it).
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("0b7e7c2a-6f3e-5d4b-8a1c-2f9d3e4a5b61")
DIRECTORY_ID = uuid.UUID("3f1ef464-32a1-556b-850d-ef2d3e7a9549")  # "tracker directory"
CALENDAR_ID = uuid.UUID("e1e120cc-bf8a-5350-8e77-eff1dd07af88")  # "tracker calendar"
