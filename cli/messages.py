"""The tracker's own messages in the clerk's language.

Code writes every message in English, one finished sentence; this module
turns it into Vietnamese at the boundary (errors, confirmations, notices) by
matching it whole against the templates of ``cli.catalog``: each module there
holds ``VI``, English template -> Vietnamese template, variable parts written
as ``{name}``. A placeholder's value is carried over as it is: it is the
clerk's (a task code, an agency, a file name), and a code or an agency that
happens to read like a catalogued word or an ISO date must come out as typed.
Only the placeholders named in ``PHRASES`` hold text of the tracker's own (a
field name, a nested refusal, an operating-system reason), and only those are
translated; only those named in ``DATES`` hold dates, shown ``dd/mm/yyyy``. A
catalog entry names its placeholders accordingly. Text no template matches is
left as it is, so a missing entry shows up in English, where
``tests/cli/test_languages.py`` catches it.

The templates are compiled once, on the first message: ``tracker --help``
never pays for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

PLACEHOLDER = re.compile(r"\{(\w+)\}")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

# Placeholders whose value is itself a catalogued phrase, translated in turn.
PHRASES = frozenset(
    {
        "field",  # a field's name: "due date"
        "reason",  # a nested refusal, a date's or the system's reason
        "message",  # a whole nested message
        "error",  # a batch line's refusal, a driver's error
        "detail",  # the database driver's reason
        "problem",  # what an audit found
        "character",  # "the control character U+0007"
        "action",  # "extended"
        "what",  # "completion"
        "examples",  # how to write a period
        "input",  # "standard input", else a file name
        "projection",  # "read_models"
    }
)
# Placeholders whose value is a date of the tracker's, ISO in English code.
DATES = frozenset(
    {
        "on",
        "due",
        "to",
        "as_of",
        "date",
        "assigned",
        "done",
        "reopened",
        "set_on",
        "extended",
        "start",
        "end",
        "today",
    }
)

# Placeholders holding a clerk's fact, or the tracker's mark for none.
FACTS = frozenset({"new", "old"})
NO_FACT = "(empty)"

_language = "vi"


def set_language(lang: str) -> None:
    """The language of the command being run (``--lang``), for messages
    printed outside a command's context (notices from the packages)."""
    global _language
    _language = lang


def current_language() -> str:
    """``--lang`` of the running command, else the one last set."""
    import click

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return str(getattr(obj, "lang", None) or _language)


@dataclass(frozen=True)
class Template:
    english: str
    vietnamese: str
    literal: int  # characters of fixed text: the most specific match wins
    head: str  # the fixed text before the first placeholder
    tail: str  # and after the last: a text that lacks either cannot match

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled when a text could match (most never are)."""
        return compile_pattern(self.english)

    def may_match(self, text: str) -> bool:
        return text.startswith(self.head) and text.endswith(self.tail)


def compile_template(english: str, vietnamese: str) -> Template:
    parts = PLACEHOLDER.split(english)
    literal = len(PLACEHOLDER.sub("", english))
    return Template(english, vietnamese, literal, parts[0], parts[-1])


def compile_pattern(english: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    position = 0
    for match in PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[position : match.start()]))
        name = match.group(1)
        # A value never runs on into the next sentence: "X. Y." is matched
        # sentence by sentence instead. A value followed by another after a
        # mere space takes all it can ("The due date 01/01/2300": the field
        # is "due date", the value the date).
        lazy = "" if english.startswith(" {", match.end()) else "?"
        value = r"(?:(?!\.\s+[A-Z]).)+" + lazy
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{value})")
        seen.add(name)
        position = match.end()
    parts.append(re.escape(english[position:]))
    return re.compile("".join(parts), re.DOTALL)


@cache
def templates() -> tuple[Template, ...]:
    """Every catalog module's templates, most specific first."""
    import importlib
    import pkgutil

    import cli.catalog

    merged: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(cli.catalog.__path__), key=str):
        module = importlib.import_module(f"cli.catalog.{info.name}")
        merged.update(getattr(module, "VI", {}))
    compiled = (compile_template(en, vi) for en, vi in merged.items())
    return tuple(sorted(compiled, key=lambda t: -t.literal))


def translate(lang: str, text: str) -> str:
    """``text`` (a finished English message) in ``lang``: itself in English,
    or when no template matches it."""
    if lang != "vi" or not text:
        return text
    translated = _vietnamese(text)
    return text if translated is None else translated


def vietnamese_date(value: str) -> str:
    """``2023-02-14`` -> ``14/02/2023``; any other value as it is."""
    match = ISO_DATE.fullmatch(value)
    return f"{match[3]}/{match[2]}/{match[1]}" if match else value


def _vietnamese(text: str, depth: int = 0, sentence: bool = True) -> str | None:
    """``text`` in Vietnamese, or None. A sentence keeps its capital letter; a
    phrase inside one ("Permission denied" after a colon) does not take it."""
    stripped = text.strip()
    if not stripped or depth > 4:
        return None
    for template in templates():
        if not template.may_match(stripped):
            continue
        match = template.pattern.fullmatch(stripped)
        if match is None:
            continue
        values = {k: _value(k, v, depth) for k, v in match.groupdict().items()}
        result = template.vietnamese.format(**values)
        if sentence and stripped[:1].isupper() and result[:1].islower():
            result = result[:1].upper() + result[1:]
        return _keep_spacing(text, stripped, result)
    for split in SENTENCE_END.finditer(stripped):
        head = _vietnamese(stripped[: split.start()], depth + 1)
        if head is None:
            continue
        tail = _vietnamese(stripped[split.end() :], depth + 1)
        if tail is not None:
            return _keep_spacing(text, stripped, f"{head} {tail}")
    return None


def _value(name: str, value: str, depth: int) -> str:
    if (name in PHRASES and _has_letters(value)) or (
        name in FACTS and value == NO_FACT
    ):
        translated = _vietnamese(value, depth + 1, value.rstrip()[-1:] in ".!?")
        if translated is not None:
            return translated
    return vietnamese_date(value) if name in DATES else value


def _has_letters(value: str) -> bool:
    return any(c.isalpha() for c in value)


def _keep_spacing(original: str, stripped: str, result: str) -> str:
    start = original.index(stripped[:1]) if stripped else 0
    return original[:start] + result + original[start + len(stripped) :]
