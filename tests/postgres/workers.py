"""A clerk's process for the concurrency test (importable by spawned workers)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from domain.errors import ConcurrentChange, TaskRuleError

TODAY = date(2026, 11, 23)


def clerk(url: str, number: int, operations: int, codes: list[str]) -> dict[str, int]:
    """Record notes, completions and reopenings on shared tasks; report what
    was recorded and what was refused."""
    from tracker.wiring import make_tracker

    ledger = make_tracker(url, today=lambda: TODAY)
    rng = random.Random(number)
    counts = {"recorded": 0, "refused": 0, "conflicts": 0}
    on = date(2023, 6, 1)
    for step in range(operations):
        code = rng.choice(codes)
        roll = rng.random()
        day = on + timedelta(days=step % 300)
        try:
            if roll < 0.6:
                ledger.note_progress(
                    code, text=f"{number}:{step}", on=day, actor=f"clerk-{number}"
                )
            elif roll < 0.8:
                ledger.complete_task(
                    code,
                    on=day + timedelta(days=300),
                    document="",
                    actor=f"clerk-{number}",
                )
            else:
                ledger.reopen_task(
                    code,
                    on=day + timedelta(days=330),
                    reason="chưa đạt",
                    actor=f"clerk-{number}",
                )
            counts["recorded"] += 1
        except ConcurrentChange:
            counts["conflicts"] += 1
        except TaskRuleError:
            counts["refused"] += 1
    ledger.close()
    return counts
