"""The words of a line being typed, where each begins, quotes and all.

``shlex`` refuses a line whose quote is still open, which is every line a
clerk is in the middle of typing (``--agency "Sở T``); completion needs the
words so far and where the last one began, so that a completion replaces
it whole, opening quote included.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    text: str  # as it reads, quotes removed
    start: int  # where it begins in the line (its opening quote, if any)


def words(line: str) -> list[Word]:
    """The words of ``line``; the last is empty when the line ends in a
    space outside quotes (the clerk is starting a new word)."""
    found: list[Word] = []
    current: list[str] = []
    start: int | None = None
    quote: str | None = None
    escaped = False
    for position, character in enumerate(line):
        if start is None and not character.isspace():
            start = position
        if escaped:
            current.append(character)
            escaped = False
        elif character == "\\" and quote != "'":
            escaped = True
        elif quote is not None:
            if character == quote:
                quote = None
            else:
                current.append(character)
        elif character in "'\"":
            quote = character
        elif character.isspace():
            if start is not None:
                found.append(Word("".join(current), start))
                current, start = [], None
        else:
            current.append(character)
    if start is not None:
        found.append(Word("".join(current), start))
    else:
        found.append(Word("", len(line)))
    return found


def quoted(text: str) -> str:
    """``text`` as typed on the line: in double quotes when it has a space
    or a character the shell would read."""
    if text and not any(c.isspace() or c in "'\"\\#" for c in text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
