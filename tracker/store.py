"""The event store: eventsourcing-sqlalchemy plus the ledger's hash chain.

The chain row of every event is written by the recorder in the same
transaction as the event itself, after the insert has taken the write lock
(SQLite's database lock; on PostgreSQL a transaction-scoped advisory lock), so
concurrent writers get consecutive positions in commit order and always chain
onto the hash committed just before them. One code path serves SQLite and
PostgreSQL.

Why an advisory lock rather than the library's ``LOCK TABLE ... IN EXCLUSIVE
MODE``: PostgreSQL only grants that lock mode to roles that may UPDATE, DELETE
or TRUNCATE the table, and the append-only clerk role (``tracker db harden``)
must have none of those. Every writer goes through this recorder, so every
writer takes the same advisory lock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Notification, StoredEvent, Transcoding
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from eventsourcing_sqlalchemy.recorders import SQLAlchemyApplicationRecorder
from sqlalchemy import (
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from projections.bulk import insert_many
from tracker.chain import GENESIS, chain_hash
from tracker.tables import chain_table_for


def utc_now_text() -> str:
    """Recording times are stored as fixed-width UTC ISO text: they sort as
    they happened and hash identically on every database."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_xact_lock``."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class ChainedApplicationRecorder(SQLAlchemyApplicationRecorder):
    """Writes each event's chain row in the event's own transaction."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chain_table = chain_table_for(self.events_table_name)
        self.tables.append(self.chain_table)
        self.write_lock_key = advisory_key(f"{self.events_table_name}:append")

    def _lock_table(self, session: Session) -> None:
        """Serialise appends until commit (see the module docstring)."""
        assert self.datastore.engine is not None
        if self.datastore.engine.dialect.name == "postgresql":
            session.execute(
                text("SELECT pg_advisory_xact_lock(:key)"),
                {"key": self.write_lock_key},
            )

    def uuid_value(self, value: UUID | str) -> Any:
        """An aggregate ID as the events table stores it on this database."""
        uuid = value if isinstance(value, UUID) else UUID(str(value))
        return uuid.bytes if self.is_sqlite else uuid

    @property
    def is_sqlite(self) -> bool:
        assert self.datastore.engine is not None
        return bool(self.datastore.engine.dialect.name == "sqlite")

    def _insert_stored_events(
        self, session: Session, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int]:
        """Append events at the next positions, with their chain rows.

        Under the append lock the next positions are known (the highest plus
        one onwards), so the events go in with explicit positions in one
        ``executemany`` instead of one ORM object (or one RETURNING row) per
        event: bulk recording is several times cheaper.
        """
        table = self.events_record_cls.__table__
        self._lock_table(session)
        last = session.execute(select(func.max(table.c.id))).scalar() or 0
        positions = list(range(last + 1, last + 1 + len(stored_events)))
        insert_many(
            session,
            table,
            [
                {
                    "id": position,
                    "originator_id": self.uuid_value(stored.originator_id),
                    "originator_version": stored.originator_version,
                    "topic": stored.topic,
                    "state": stored.state,
                }
                for position, stored in zip(positions, stored_events, strict=True)
            ],
        )
        self._notify_channel(session)
        chain = self.chain_table
        previous = session.execute(
            select(chain.c.hash).order_by(chain.c.position.desc()).limit(1)
        ).scalar()
        previous = previous or GENESIS
        recorded_at = utc_now_text()
        rows = []
        for position, stored in zip(positions, stored_events, strict=True):
            digest = chain_hash(
                previous,
                position,
                stored.originator_id,
                stored.originator_version,
                stored.topic,
                stored.state,
                recorded_at,
            )
            rows.append(
                {
                    "position": position,
                    "recorded_at": recorded_at,
                    "previous_hash": previous,
                    "hash": digest,
                }
            )
            previous = digest
        insert_many(session, chain, rows)
        return positions

    def select_notifications(
        self,
        start: int | None,
        limit: int,
        stop: int | None = None,
        topics: Sequence[str] = (),
        *,
        inclusive_of_start: bool = True,
    ) -> list[Notification]:
        """The library's query without ORM objects (three times cheaper for
        catching up and rebuilding read models)."""
        table = self.events_record_cls.__table__
        query = select(
            table.c.id,
            table.c.originator_id,
            table.c.originator_version,
            table.c.topic,
            table.c.state,
        )
        if start is not None:
            query = query.where(
                table.c.id >= start if inclusive_of_start else table.c.id > start
            )
        if stop is not None:
            query = query.where(table.c.id <= stop)
        if topics:
            query = query.where(table.c.topic.in_(list(topics)))
        query = query.order_by(table.c.id).limit(limit)
        with self.transaction(commit=False) as session:
            rows = session.execute(query).all()
        return [
            Notification(
                id=row[0],
                originator_id=row[1],
                originator_version=row[2],
                topic=row[3],
                state=bytes(row[4]),
            )
            for row in rows
        ]


class LedgerFactory(SQLAlchemyFactory):
    application_recorder_class = ChainedApplicationRecorder


class DateAsISO(Transcoding):
    """``datetime.date`` has no built-in transcoding in eventsourcing."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)
