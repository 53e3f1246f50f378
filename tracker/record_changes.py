"""Changing an Office-wide record (the directory, the calendar): one
aggregate every clerk writes to, so conflicts are expected and retried."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError

if TYPE_CHECKING:
    from tracker.ledger import TaskLedger

CHANGE_RETRIES = 12
Record = TypeVar("Record", bound=Aggregate)
Result = TypeVar("Result")


def change_record(
    ledger: TaskLedger,
    load: Callable[[], Record],
    command: Callable[[Record], Result],
    changed: type[Exception],
) -> Result:
    """Apply ``command`` to the record ``load`` gives and save, retrying on
    conflicts: two clerks changing it at once are both recorded, each
    checked against the other's change; ``changed`` when others kept
    changing it (inside a batch, whose transaction a conflict spoils, at
    once)."""
    for attempt in range(1, CHANGE_RETRIES + 1):
        record = load()
        result = command(record)
        try:
            ledger.save(record)
        except IntegrityError:
            if ledger.in_batch:
                break
            time.sleep(random.uniform(0, 0.005) * attempt)
            continue
        return result
    raise changed()
