"""Task codes, and the aggregate IDs they map to.

A task is known by the Office's own code (``NV-2023-0042``); its aggregate ID
is derived from the code, so that finding a task by its code needs no index.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

from domain.text import normalise

TASK_NAMESPACE = uuid.UUID("6f1d8a52-3c1b-5e0a-9a57-7c2f0d9e4b11")


def normalise_code(code: str) -> str:
    """Task codes are matched without regard to case or surrounding spaces."""
    return normalise(code).upper()


@lru_cache(maxsize=8192)
def task_id(code: str) -> uuid.UUID:
    """The deterministic aggregate ID of a human task code (cached: an import
    asks for each code twice, once to look it up and once to record it)."""
    return uuid.uuid5(TASK_NAMESPACE, normalise_code(code))


# Every schedule's ID (``domain.schedule``) begins with these 8 bytes, and no
# task's does but by a chance of one in 2**64: the schedules are one range of
# the aggregate index, which the read path probes without the event store.
SCHEDULE_ID_PREFIX = bytes.fromhex("5c4ed01e5c4ed01e")
LOWEST_SCHEDULE_ID = uuid.UUID(bytes=SCHEDULE_ID_PREFIX + bytes(8))
HIGHEST_SCHEDULE_ID = uuid.UUID(bytes=SCHEDULE_ID_PREFIX + b"\xff" * 8)
