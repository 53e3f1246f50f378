"""The shell when its lines do not come from a terminal: each line run as
its own transaction, its result on one line, a refusal numbered.

Lines are read and run one at a time, so a program writing to the shell
sees each result as soon as its line is done; a line that ends in a
backslash continues on the next, as in a batch file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from cli.shell.session import Session


def numbered_lines(source: BinaryIO) -> Iterator[tuple[int, str | None]]:
    """``(number, text)`` of each line (joined with its continuations);
    ``text`` is None for a line that is not UTF-8."""
    pending, start = "", 0
    for number, raw in enumerate(source, 1):
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield number, None
            pending = ""
            continue
        text = text.rstrip("\r\n")
        if not pending:
            start = number
        if text.rstrip().endswith("\\"):
            pending += text.rstrip()[:-1] + " "
            continue
        yield start, pending + text
        pending = ""
    if pending:
        yield start, pending


def run_lines(session: Session, lines: Iterable[tuple[int, str | None]]) -> int:
    """Run every line; the exit code of the first refused one, else 0."""
    first_failure = 0
    for number, text in lines:
        if text is None:
            session.number = number
            outcome = session.refuse("The line is not UTF-8 text; save it as UTF-8.", 2)
        else:
            outcome = session.run(text, number)
        if outcome.leave:
            break
        if outcome.exit_code and not first_failure:
            first_failure = outcome.exit_code
    return first_failure
