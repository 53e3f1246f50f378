"""The limits every value is checked against before anything is written.

A value the domain accepts must be one every later step can store and
compute with: the event store, both read-model databases (SQLite and
PostgreSQL) and the deadline arithmetic. Checking here, before an event
exists, is what lets a command that exits non-zero have recorded nothing.

Why each limit is what it is:

``EARLIEST_DATE``, ``LATEST_DATE``
    The Office has no task before 1900 or after 2199. Far outside that range
    a date is a typing mistake (``01/01/0001``, ``9999-12-31``), and at the
    very ends of Python's calendar the rules' one-day steps overflow.
``CODE_LENGTH``
    ``tasks_view.code`` and ``overdue_entries.code`` are VARCHAR(64)
    (``projections/table_definitions.py``); counted after upper-casing,
    which can lengthen a code ('ß' becomes 'SS').
``TITLE_LENGTH``, ``NOTE_LENGTH``
    Titles, reasons, progress notes and correction values are TEXT columns
    or event fields: the limit is the longest sentence a clerk plausibly
    types, generous for official titles, and keeps every row small.
``NAME_LENGTH``, ``NAME_KEY_LENGTH``
    Assigners and agencies are official names (the longest real ones are
    under 150 characters). Their matching keys (``fold``) fill the
    ``agency_key`` and ``assigner_key`` VARCHAR(255) columns; case-folding
    can lengthen text, so the key is checked as well as the name.
``MAX_CO_AGENCIES``
    More co-agencies than any real assignment lists; the list is stored whole
    in one row, so it is bounded like any text.
``CITATION_LENGTH``, ``DOCUMENT_NUMBER_LENGTH``
    A citation is a document's number, kind and date, plus a clerk's note;
    the number parsed out of it fills ``tasks_view.document_number``,
    VARCHAR(128).
``ACTOR_LENGTH``
    A person's or service's name, shown in every audit line.

Refused characters, in every text (the code and the actor included), checked
after ``normalise`` has turned tabs and line breaks into single spaces: the
control characters (Unicode category Cc: NUL, which PostgreSQL text cannot
hold, BEL, ESC and the C1 controls, which rewrite a terminal's screen);
unpaired surrogates (Cs: Python's stand-ins for argv bytes that were not
UTF-8, which no database can encode); and the bidirectional formatting
characters, which make a name display as something other than what it is.

The checks run on every value of a bulk import, so each is one comparison
or one regular-expression search on the path where the value is fine;
messages are built only when refusing.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from domain.codes import normalise_code
from domain.errors import TaskRuleError
from domain.text import fold, normalise

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)

CODE_LENGTH = 64
TITLE_LENGTH = 2000
NAME_LENGTH = 200
NAME_KEY_LENGTH = 255
MAX_CO_AGENCIES = 20
CITATION_LENGTH = 500
DOCUMENT_NUMBER_LENGTH = 128
NOTE_LENGTH = 2000
ACTOR_LENGTH = 100

# ``fold`` turns one character into at most this many (checked over every
# code point by the tests): a name this short cannot have a key too long, so
# the length of most names' keys is never compared here.
FOLD_GROWTH = 3
# What a name's key must hold: one made of marks or punctuation alone (or
# empty) would match every other such name at once.
LETTER_OR_DIGIT = re.compile(r"[^\W_]")

BIDI_FORMATTING = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Characters that show nothing, or show as something else, so that two
# values look alike and are not (ten tasks "NV-1"): the invisible formatting
# characters (zero-width space and joiners, word joiner, soft hyphen, byte
# order mark, tags...) and blank letters (Hangul fillers, variation
# selectors, the combining grapheme joiner).
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200D),
    (0x2060, 0x2065),
    (0x206A, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
# Every refused character, as ranges of code points: the control characters,
# the lone surrogates, the bidirectional formatting and the invisible ones.
# PostgreSQL's append function refuses the same (``tracker.eventstore``).
REFUSED_RANGES = (
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0xD800, 0xDFFF),
    *((ord(c), ord(c)) for c in sorted(BIDI_FORMATTING)),
    *INVISIBLE_RANGES,
)
_REFUSED = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in REFUSED_RANGES) + "]"
)
# What a task code may hold besides letters and digits.
CODE_PUNCTUATION = frozenset(" -_./:#()&+")


class ValueRefused(TaskRuleError):
    """A value outside the limits; ``field`` names it as the clerk knows it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class TooLong(ValueRefused):
    """A text longer than its field holds."""


class TooMany(ValueRefused):
    """A list with more items than its field holds."""


class ForbiddenCharacter(ValueRefused):
    """A control, surrogate or bidirectional formatting character."""


class DateOutOfRange(ValueRefused):
    """A date outside ``EARLIEST_DATE`` .. ``LATEST_DATE``, or not a date."""


def in_date_range(day: date) -> bool:
    return EARLIEST_DATE <= day <= LATEST_DATE


def show_range() -> str:
    return f"{_show(EARLIEST_DATE)} to {_show(LATEST_DATE)}"


def refused_character(text: str) -> str | None:
    """The first character of ``text`` no field may hold, if any."""
    match = _REFUSED.search(text)
    return match.group() if match else None


def printable(text: str) -> str:
    """``text`` safe to show on a terminal, refused characters as ``<U+001B>``:
    for a value that was refused and is named in the refusal (a code)."""
    return _REFUSED.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


def describe_character(character: str) -> str:
    """``the control character U+001B``: what the refusal calls it."""
    code = f"U+{ord(character):04X}"
    if character in BIDI_FORMATTING:
        return f"the bidirectional formatting character {code}"
    if unicodedata.category(character) == "Cs":
        return f"the lone surrogate {code} (usually a byte that was not UTF-8)"
    if unicodedata.category(character) == "Cc":
        return f"the control character {code}"
    return f"the invisible character {code}"


def checked_text(value: str, field: str, limit: int, *, required: bool = True) -> str:
    """``value`` as stored (``normalise``d), or a refusal naming ``field``.

    ``required`` refuses an empty text; the limit counts characters."""
    text = text_of(value, field)
    # Plain printable ASCII holds no refused character: the regular
    # expression only looks at other text.
    if (
        len(text) > limit
        or (not (text.isascii() and text.isprintable()) and _REFUSED.search(text))
        or (required and not text)
    ):
        _refuse_text(text, field, limit)
    return text


def optional_text(value: str, field: str, limit: int) -> str:
    """A text the clerk may leave empty (a reason, a document)."""
    return checked_text(value, field, limit, required=False)


def checked_name(value: str, field: str) -> str:
    """An assigner's or agency's name, whose matching key must also fit, and
    hold a letter or a digit: names are matched by that key, and one made of
    marks or punctuation alone would be every such name at once."""
    name = checked_text(value, field, NAME_LENGTH)
    key = fold(name)  # cached: names repeat on every task of a province
    if len(name) * FOLD_GROWTH > NAME_KEY_LENGTH and len(key) > NAME_KEY_LENGTH:
        raise TooLong(
            field,
            f"The {field} is {len(key):,} characters long once folded for matching "
            f"(accents dropped, letters case-folded); at most "
            f"{NAME_KEY_LENGTH:,} are allowed.",
        )
    if LETTER_OR_DIGIT.search(key) is None:
        raise ValueRefused(field, f"The {field} has no letter or digit.")
    return name


def checked_co_agencies(values: list[str] | tuple[str, ...]) -> list[str]:
    """Each co-agency's name, and at most ``MAX_CO_AGENCIES`` of them."""
    field = "co-agency"
    if not isinstance(values, (list, tuple)):
        raise ValueRefused(field, "The co-agencies must be a list of names.")
    if len(values) > MAX_CO_AGENCIES:
        raise TooMany(
            field,
            f"A task may have at most {MAX_CO_AGENCIES:,} co-agencies; "
            f"{len(values):,} were given.",
        )
    return [checked_name(value, field) for value in values]


def checked_code(value: str) -> str:
    """A task code as stored: normalised and upper-cased, then checked; a
    code holds letters, digits and ``CODE_PUNCTUATION`` only, so that two
    codes that look alike are alike."""
    code = checked_text(
        normalise_code(text_of(value, "task code")), "task code", CODE_LENGTH
    )
    for character in code:
        if not (character.isalnum() or character in CODE_PUNCTUATION):
            raise ForbiddenCharacter(
                "task code",
                f"The task code contains {character!r} (U+{ord(character):04X}); a "
                "code holds letters, digits, spaces and - _ . / : # ( ) & + only.",
            )
    return code


def checked_actor(value: str) -> str:
    """Who logs the event, as every audit line shows it."""
    return checked_text(value, "actor", ACTOR_LENGTH)


def checked_date(value: date, field: str) -> date:
    """``value`` if it is a calendar date in the accepted range."""
    if type(value) is date and EARLIEST_DATE <= value <= LATEST_DATE:
        return value
    if value is None:
        raise DateOutOfRange(field, f"The {field} is missing.")
    if type(value) is not date:
        raise DateOutOfRange(
            field, f"The {field} must be a calendar date, not {type(value).__name__}."
        )
    raise DateOutOfRange(
        field,
        f"The {field} {_show(value)} is outside the dates the tracker accepts "
        f"({show_range()}).",
    )


def checked_optional_date(value: date | None, field: str) -> date | None:
    return None if value is None else checked_date(value, field)


def text_of(value: object, field: str) -> str:
    """``value`` normalised, or a refusal if it is not text at all."""
    try:
        return normalise(value)  # type: ignore[arg-type]
    except TypeError:
        raise ValueRefused(
            field, f"The {field} must be text, not {type(value).__name__}."
        ) from None


def _refuse_text(text: str, field: str, limit: int) -> None:
    if len(text) > limit:
        raise TooLong(
            field,
            f"The {field} is {len(text):,} characters long; at most {limit:,} "
            "are allowed.",
        )
    character = refused_character(text)
    if character is not None:
        raise ForbiddenCharacter(
            field,
            f"The {field} contains {describe_character(character)}, which no "
            "text may hold.",
        )
    raise ValueRefused(field, f"The {field} must not be empty.")


def _show(day: date) -> str:
    """``dd/mm/yyyy`` with four-digit years, for dates far out of range."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
