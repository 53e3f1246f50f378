"""Emptying a PostgreSQL database for a benchmark (or a test) to start from."""

from __future__ import annotations


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
