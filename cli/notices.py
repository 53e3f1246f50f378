"""The application's notices (waiting for a busy database, read models
behind) as plain lines on stderr, in the command's language.

Imported with the first notice (``database.notices``), with ``logging``.
"""

from __future__ import annotations

import logging

NOTICE_LOGGERS = ("database", "projections", "tracker")  # the packages' own


class NoticeLines(logging.Handler):
    """Each notice as one line on stderr, wherever stderr is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        from cli.main import say

        say(record.getMessage(), err=True)


def show_notices() -> None:
    for name in NOTICE_LOGGERS:
        notices = logging.getLogger(name)
        if not any(isinstance(h, NoticeLines) for h in notices.handlers):
            notices.addHandler(NoticeLines(logging.WARNING))
            notices.propagate = False
