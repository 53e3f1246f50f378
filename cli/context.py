"""The root context object every command receives.

It builds the ledger lazily, so commands that never touch the database
(``--help``, a usage error) never open it nor import SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
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

    def quick_read(self, ask: Callable[[Any], Any]) -> Any:
        """Ask the read-only reader (no event store loaded); ``None`` when it
        declines because the read models are behind: then use ``ledger``."""
        if self._ledger is not None:
            return None
        from tracker.reader import Reader
        from tracker.settings import database_url

        reader = Reader.open(database_url(self.db))
        if reader is None:
            return None
        try:
            return ask(reader)
        finally:
            reader.close()

    def position_known_at(self, moment: datetime | None) -> int | None:
        """The log position recorded by ``moment`` (None: the whole ledger)."""
        if moment is None:
            return None
        utc = moment.astimezone(UTC).isoformat(timespec="microseconds")
        return int(self.ledger.position_known_at(utc))

    def done(self, message: str) -> None:
        """Confirm a recorded change (silent inside a batch)."""
        if not self.quiet:
            click.echo(message)


pass_app = click.make_pass_decorator(AppContext)
