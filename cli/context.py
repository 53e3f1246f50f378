"""The root context object every command receives.

It builds the ledger lazily, so commands that never touch the database
(``--help``, a usage error) never open it, and a report whose read models are
current never builds it at all (``reading``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import click


@dataclass
class AppContext:
    db: str | None
    actor: str
    lang: str
    quiet: bool = False
    _ledger: Any = field(default=None, repr=False)

    @property
    def ledger(self) -> Any:
        """The ``TaskLedger`` on ``--db`` (kept alive for the whole command)."""
        if self._ledger is None:
            from tracker.wiring import make_tracker

            self._ledger = make_tracker(self.db)
        return self._ledger

    @property
    def ledger_to_read(self) -> Any:
        """``ledger``, for a command that only reads: refused (``NoLedger``)
        when ``--db`` names a SQLite file that does not exist or a database
        without the ledger's tables (reading never creates a ledger)."""
        if self._ledger is None:
            from tracker.wiring import make_tracker

            self._ledger = make_tracker(self.url_to_read(), create=False)
        return self._ledger

    @property
    def reading(self) -> Any:
        """The one read path (``tracker.reading.Reading``) on ``--db``: it
        opens the ledger only if the read models need it."""
        from tracker.reading import Reading

        return Reading(self.url_to_read(), lambda: self.ledger_to_read, self._ledger)

    def url_to_read(self) -> str:
        """The database URL, refused (``NoLedger``) when it names a SQLite
        file that does not exist."""
        from database.connect import existing
        from tracker.settings import database_url

        return existing(database_url(self.db))

    def output(self, path: str | None, what: str = "output file") -> str | None:
        """``path``, once it is known to be writable and not the ledger's
        own file (a typing slip must not overwrite the ledger)."""
        if path is None or path == "-":
            return path
        from cli.files import check_writable
        from database.connect import sqlite_file
        from tracker.settings import database_url

        check_writable(path, what=what, ledger=sqlite_file(database_url(self.db)))
        return path

    def done(self, message: str) -> None:
        """Confirm a recorded change (silent inside a batch), in ``lang``."""
        if not self.quiet:
            from cli.main import say

            say(message, lang=self.lang)


pass_app = click.make_pass_decorator(AppContext)
