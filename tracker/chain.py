"""The hash chain that makes edits behind the tool's back visible.

Each stored event gets ``sha256(previous hash, position, event bytes, recording
time)``; the recording time is hashed as the exact UTC text stored beside it.
The function is pure so that recording, verification, export and restore all
compute the very same bytes.
"""

from __future__ import annotations

import hashlib
from uuid import UUID

GENESIS = "0" * 64


def chain_hash(
    previous: str,
    position: int,
    originator_id: UUID | str,
    originator_version: int,
    topic: str,
    state: bytes,
    recorded_at: str,
) -> str:
    digest = hashlib.sha256()
    for part in (
        previous,
        str(position),
        str(originator_id),
        str(originator_version),
        topic,
        recorded_at,
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    digest.update(state)
    return digest.hexdigest()
