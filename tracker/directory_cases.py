"""Use cases of the directory (danh mục): the Office's official names and
aliases of assigners and agencies.

The directory is one aggregate (``domain.directory_record``), changed the
way the calendar is (``tracker.calendar_cases``): load it (or open it with
the first addition), let it check the addition against every earlier one,
and save through the ledger, so its events, their chain rows and their
read-model rows are recorded together; on a conflict (another clerk filed a
name meanwhile) reload, check again and retry (``tracker.record_changes``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from eventsourcing.application import AggregateNotFoundError

from domain.directory import DIRECTORY_ID, Directory, DirectoryChanged, Entry
from domain.directory_record import DirectoryRecord
from tracker.record_changes import change_record

if TYPE_CHECKING:
    from tracker.ledger import TaskLedger


def add_directory_name(
    ledger: TaskLedger, *, kind: str, name: str, source: str | None, actor: str
) -> Entry:
    """File an assigner (with its source group) or an agency."""
    return _change_directory(
        ledger,
        lambda record: record.add_name(
            kind=kind, name=name, source=source, actor=actor, today=ledger.today()
        ),
        actor,
    )


def add_directory_alias(
    ledger: TaskLedger, *, kind: str, name: str, alias: str, actor: str
) -> Entry:
    """Let ``alias`` also name the entity one of whose names is ``name``."""
    return _change_directory(
        ledger,
        lambda record: record.add_alias(
            kind=kind, name=name, alias=alias, actor=actor, today=ledger.today()
        ),
        actor,
    )


def _change_directory(
    ledger: TaskLedger, command: Callable[[DirectoryRecord], Entry], actor: str
) -> Entry:
    def load() -> DirectoryRecord:
        try:
            return cast(DirectoryRecord, ledger.repository.get(DIRECTORY_ID))
        except AggregateNotFoundError:
            return DirectoryRecord.open(actor=actor, today=ledger.today())

    return change_record(ledger, load, command, DirectoryChanged)


def recorded_directory(ledger: TaskLedger) -> Directory:
    """The directory as its own events say (not a read model)."""
    try:
        record = cast(DirectoryRecord, ledger.repository.get(DIRECTORY_ID))
    except AggregateNotFoundError:
        return Directory.builtin()
    return record.directory
