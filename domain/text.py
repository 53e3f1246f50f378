"""Matching keys for Vietnamese text typed with or without diacritics.

Clerks search for ``so tu phap`` and expect ``Sở Tư pháp``: the key drops
tone marks and vowel hats, maps đ to d and folds case, so one indexed column
answers every spelling.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Return the diacritics- and case-insensitive key of ``text``."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return " ".join(stripped.casefold().split())


def normalise(text: str) -> str:
    """Return ``text`` in NFC with collapsed whitespace, as it is stored.

    Terminals and spreadsheets deliver Vietnamese both composed and decomposed;
    storing one form keeps equal names equal.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())
