"""Settings for the few long jobs that create millions of small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Python's cycle collector runs after every 700 net allocations and, every
# so often, walks every live object. An import or a rebuild allocates
# millions of short-lived, acyclic objects (rows, events, facts), all freed by
# reference counting, so those walks find nothing and only take time.
# Collecting less often changes nothing else.
BULK_THRESHOLD = 50_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cycle collector rarely until the block ends."""
    previous = gc.get_threshold()
    gc.set_threshold(BULK_THRESHOLD, previous[1], previous[2])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
