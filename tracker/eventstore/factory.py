"""What eventsourcing's ``Application`` is built on: the tracker's recorder,
and the transcoding of the dates its events carry."""

from __future__ import annotations

from datetime import date
from typing import Any, NoReturn

from eventsourcing import persistence
from eventsourcing.persistence import InfrastructureFactory, Transcoding
from eventsourcing.utils import strtobool

from database.connect import NoLedger, redact, sqlite_file
from database.transactions import Datastore
from tracker.eventstore.recorder import LedgerRecorder


class LedgerFactory(InfrastructureFactory):  # type: ignore[type-arg]
    """What ``Application`` asks for, on the tracker's own recorder.

    Only the application recorder exists: the tracker takes no snapshots, and
    its read models keep their tracking row themselves (``CatchUp``).
    """

    URL = "LEDGER_URL"
    CREATE_TABLE = "CREATE_TABLE"  # eventsourcing's name for it

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        url = self.env.get(self.URL)
        if not url:
            raise persistence.ProgrammingError(f"No database URL ({self.URL}).")
        self.datastore = Datastore(url)

    def application_recorder(self) -> LedgerRecorder:
        """The recorder, its tables created if missing; with ``CREATE_TABLE``
        false (a command that only reads), refused (``NoLedger``) instead."""
        recorder = LedgerRecorder(self.datastore, self.env.name.lower())
        if strtobool(self.env.get(self.CREATE_TABLE) or "yes"):
            recorder.create_tables()
        elif self.datastore.missing_tables(
            [recorder.events_table, recorder.chain_table]
        ):
            url = self.datastore.url
            path = sqlite_file(url)
            raise NoLedger(f"in {path}" if path else f"in {redact(url)}")
        return recorder

    def aggregate_recorder(self, purpose: str = "events") -> NoReturn:
        raise NotImplementedError(f"The tracker keeps no {purpose} recorder.")

    def tracking_recorder(self, tracking_recorder_class: Any = None) -> NoReturn:
        raise NotImplementedError("Read models track themselves (CatchUp).")

    def process_recorder(self) -> NoReturn:
        raise NotImplementedError("The tracker runs no process applications.")

    def close(self) -> None:
        self.datastore.close()


class DateAsISO(Transcoding):
    """``datetime.date`` has no built-in transcoding in eventsourcing."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)
