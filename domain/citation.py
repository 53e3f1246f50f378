"""Source-document citations: kept as typed, with the number and date parsed.

Real citations contain mistakes (a wrong year, a missing hyphen), so the
ledger never rejects or rewrites what the clerk typed; it only adds the parts
it could read, to list and group tasks by document. Only what no store can
hold is refused (``checked_citation``): a citation too long, a number longer
than its column, a control character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from domain.dates import find_date
from domain.limits import CITATION_LENGTH, DOCUMENT_NUMBER_LENGTH, TooLong, checked_text
from domain.text import normalise

_NUMBER = re.compile(r"(\d+(?:/[\w.\-]+)+)")


@dataclass(frozen=True)
class Citation:
    text: str
    number: str | None
    issued_on: date | None


def parse_citation(text: str | None) -> Citation:
    """Split ``495/UBND-TTHC ngày 14/02/2023`` into its number and date."""
    return _parsed(normalise(text or ""))


def _parsed(typed: str) -> Citation:
    match = _NUMBER.search(typed)
    number = match.group(1).rstrip(".-") if match else None
    if number and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", number):
        number = None  # a bare date, not a document number
    return Citation(text=typed, number=number, issued_on=find_date(typed))


def checked_citation(text: str | None, field: str = "document citation") -> Citation:
    """``parse_citation`` of a new value, within the limits the stores have."""
    typed = checked_text(text or "", field, CITATION_LENGTH, required=False)
    citation = _parsed(typed)
    number = citation.number
    if number is not None and len(number) > DOCUMENT_NUMBER_LENGTH:
        raise TooLong(
            field,
            f"The document number in the {field} is {len(number):,} characters "
            f"long; at most {DOCUMENT_NUMBER_LENGTH:,} are allowed.",
        )
    return citation
