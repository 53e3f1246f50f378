"""Matching keys for Vietnamese text typed with or without diacritics.

Clerks search for ``so tu phap`` and expect ``Sở Tư pháp``: the key drops
tone marks and vowel hats, maps đ to d and folds case, so one indexed column
answers every spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks (tones, hats, horns), deleted by one regular expression,
# which is quicker than ``str.translate`` looking every character up in a
# dict: every task imported or rebuilt has its title folded.
_MARKS = re.compile("[\u0300-\u036f]+")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Return the diacritics- and case-insensitive key of ``text``.

    Cached: agency and assigner names repeat on every task of a province."""
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return " ".join(stripped.casefold().split())


def normalise(text: str) -> str:
    """Return ``text`` in NFC with collapsed whitespace, as it is stored.

    Terminals and spreadsheets deliver Vietnamese both composed and decomposed;
    storing one form keeps equal names equal.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())
