"""The evidence a database keeps of events that are no longer in it.

Removing the newest events and their chain rows leaves a whole, shorter
chain. What still shows them: the position the read models track and each
task's last position in ``tasks_view``; on PostgreSQL, the server's own
count of rows deleted or updated in tables the tracker only appends to is a
hint worth a warning.
"""

from __future__ import annotations

from database.plain_sql import PlainSQL
from projections.tables import TASKS
from tracker.audit.stored_values import shown


def newest_removed(sql: PlainSQL, last: int, tracked: int) -> str | None:
    """What the read models show of events beyond ``last``, the end of a
    whole chain: the position they track, and tasks' last positions."""
    evidence = []
    if tracked > last:
        evidence.append(
            (tracked, f"the read models had applied the log up to position {tracked}")
        )
    latest = _latest_task_position(sql, last)
    if latest is not None:
        code, task_position = latest
        evidence.append(
            (
                task_position,
                f"the read models show task {code}'s last event at position "
                f"{task_position}",
            )
        )
    if not evidence:
        return None
    beyond, told = max(evidence, key=lambda found: found[0])
    return (
        f"The newest events were removed: {told}, but the log now ends at "
        f"position {last}, so at least {_positions(last + 1, beyond)} gone."
    )


def statistics_notice(sql: PlainSQL, events: str, chain: str) -> str | None:
    """What PostgreSQL's statistics say of rows deleted or updated in the
    events and chain tables, where the tracker only inserts: a warning, not
    a proof, since they also count a change that was rolled back, never
    count ``TRUNCATE``, and are lost after a crash."""
    if sql.is_sqlite:
        return None
    for table, (deleted, updated) in _rows_changed(sql, events, chain).items():
        if deleted or updated:
            return (
                f"Warning: PostgreSQL's statistics count {deleted} rows deleted and "
                f"{updated} updated in {table}, where the tracker only inserts "
                "(a change rolled back counts too): if nobody made one, compare "
                "the ledger with a report's fingerprint (verify --fingerprint)."
            )
    return None


def _rows_changed(sql: PlainSQL, events: str, chain: str) -> dict[str, tuple[int, int]]:
    """Rows deleted and updated in the events and chain tables since
    they were created, as PostgreSQL's statistics count them (readable by
    every role; only a superuser can reset them)."""
    rows = sql.rows(
        "SELECT relname, n_tup_del, n_tup_upd FROM pg_stat_user_tables"
        " WHERE relid IN (to_regclass(:events), to_regclass(:chain))"
        " ORDER BY relname DESC",
        events=events,
        chain=chain,
    )
    return {str(name): (int(deleted), int(updated)) for name, deleted, updated in rows}


def _latest_task_position(sql: PlainSQL, last: int) -> tuple[str, int] | None:
    """The task whose last event ``tasks_view`` places furthest beyond
    ``last``, and that position."""
    numeric = " AND typeof(position) = 'integer'" if sql.is_sqlite else ""
    rows = sql.utf8_rows(
        f"SELECT code, position FROM {TASKS} WHERE position > :last{numeric}"
        " ORDER BY position DESC LIMIT 1",
        last=last,
    )
    if not rows:
        return None
    code, position = rows[0]
    text = code.decode("utf-8", "replace") if isinstance(code, bytes) else code
    return shown(text) or "(a code that cannot be shown)", int(position)


def _positions(first: int, last: int) -> str:
    if first == last:
        return f"position {first} is"
    return f"positions {first} to {last} are"
