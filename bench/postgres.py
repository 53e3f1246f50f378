"""A PostgreSQL database for a benchmark (or a test) to start from."""

from __future__ import annotations

from datetime import date


def empty_schema(url: str) -> None:
    """Drop every table of the URL's current schema: what this product
    creates, so that each run starts from an empty ledger."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            rows = connection.execute(
                text(
                    "SELECT tablename FROM pg_tables"
                    " WHERE schemaname = current_schema()"
                )
            )
            for (name,) in rows.fetchall():
                connection.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    finally:
        engine.dispose()


def shared_ledger(url: str, tasks: int, today: date) -> list[str]:
    """An emptied database holding ``tasks`` open tasks without deadline, for
    writers to record on; their codes."""
    from tracker.wiring import make_tracker

    empty_schema(url)
    ledger = make_tracker(url, today=lambda: today)
    codes = [f"NV-{n:04d}" for n in range(tasks)]
    for code in codes:
        ledger.assign_task(
            actor="bench",
            code=code,
            title=f"Nhiệm vụ {code}",
            assigner="UBND tỉnh",
            lead_agency="Sở Tư pháp",
            assigned_on=date(2023, 12, 1),
            due_on=None,
            document="",
            co_agencies=[],
        )
    ledger.close()
    return codes
