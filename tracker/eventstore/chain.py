"""The hash chain that makes edits behind the tool's back visible.

Each stored event gets ``sha256(previous hash, position, event bytes, recording
time)``; the recording time is hashed as the exact UTC text stored beside it.
The function is pure so that recording, verification, export and restore all
compute the very same bytes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

GENESIS = "0" * 64
MIN_FINGERPRINT_HEX = 16
# A recording time as both databases write it (``utc_text``; PostgreSQL's
# append function formats the server's clock the same way).
UTC_TEXT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00", re.ASCII)


def utc_text(moment: datetime) -> str:
    """Recording times are stored as fixed-width UTC ISO text: they sort as
    they happened and hash identically on every database."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


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


@dataclass(frozen=True)
class Fingerprint:
    position: int
    hash: str

    def __str__(self) -> str:
        return f"{self.position}:{self.hash}"

    @property
    def short(self) -> str:
        return f"{self.position}:{self.hash[:MIN_FINGERPRINT_HEX]}"

    def as_dict(self) -> dict[str, Any]:
        return {"position": self.position, "hash": self.hash}


def parse_fingerprint(text: str) -> Fingerprint:
    """``POSITION:HASH``; the hash may be shortened to 16 hex digits."""
    position, _, digest = text.strip().partition(":")
    digest = digest.lower()
    if (
        not position.isdigit()
        or len(digest) < MIN_FINGERPRINT_HEX
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise ValueError(
            f"{text!r} is not a fingerprint; copy it from a report's footer "
            "(POSITION:HASH, at least 16 hex digits of the hash)."
        )
    return Fingerprint(int(position), digest)
