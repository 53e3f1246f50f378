"""Matching keys for Vietnamese text typed with or without diacritics.

Clerks search for ``so tu phap`` and expect ``Sở Tư pháp``: the key drops
tone marks and vowel hats, maps đ to d and folds case, so one indexed column
answers every spelling.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Combining marks (tones, hats, horns) deleted by one C-level translate call.
_STRIP_MARKS = {code: None for code in range(0x0300, 0x0370)} | {
    ord("đ"): "d",
    ord("Đ"): "D",
}


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Return the diacritics- and case-insensitive key of ``text``.

    Cached: agency and assigner names repeat on every task of a province."""
    stripped = unicodedata.normalize("NFD", text).translate(_STRIP_MARKS)
    return " ".join(stripped.casefold().split())


def normalise(text: str) -> str:
    """Return ``text`` in NFC with collapsed whitespace, as it is stored.

    Terminals and spreadsheets deliver Vietnamese both composed and decomposed;
    storing one form keeps equal names equal.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())
