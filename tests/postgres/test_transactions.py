"""PostgreSQL transactions of ``database.transactions.Datastore``: what only
a real server shows about how they end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from eventsourcing.persistence import PersistenceError

from database.transactions import Datastore
from tests.conftest import postgres_url, reset_postgres

# psycopg prepares a statement once it has run this many times.
PREPARE_THRESHOLD = 5


@pytest.fixture
def store() -> Iterator[Datastore]:
    url = postgres_url()
    reset_postgres(url)
    datastore = Datastore(url)
    with datastore.transaction(commit=True) as sql:
        sql.execute("CREATE TABLE probe (n integer)")
    yield datastore
    datastore.close()


def prepared_count(store: Datastore) -> int:
    with store.transaction(commit=False) as sql:
        return int(sql.scalar("SELECT count(*) FROM pg_prepared_statements"))


def test_reads_keep_the_statements_a_save_prepared(store: Datastore) -> None:
    # A ROLLBACK would make psycopg deallocate them, and every save after a
    # read (loading the task) would parse and plan its statements again.
    for n in range(PREPARE_THRESHOLD + 1):
        with store.transaction(commit=True) as sql:
            sql.execute("INSERT INTO probe (n) VALUES (:n)", n=n)
        with store.transaction(commit=False) as sql:
            sql.scalar("SELECT count(*) FROM probe")
    assert prepared_count(store) >= 1


def test_a_read_only_transaction_writes_nothing(store: Datastore) -> None:
    # It ends with COMMIT, so it is the server that refuses the write.
    with pytest.raises(PersistenceError), store.transaction(commit=False) as sql:
        sql.execute("INSERT INTO probe (n) VALUES (1)")
    with store.transaction(commit=True) as sql:
        assert sql.scalar("SELECT count(*) FROM probe") == 0


def test_a_write_keeps_the_servers_defaults(store: Datastore) -> None:
    # A role or server made read-only by default stays so: a writing
    # transaction does not ask for READ WRITE.
    options = "options=-c%20default_transaction_read_only%3Don"
    read_only_store = Datastore(f"{store.url}?{options}")
    try:
        with (
            pytest.raises(PersistenceError, match="read-only"),
            read_only_store.transaction(commit=True) as sql,
        ):
            sql.execute("INSERT INTO probe (n) VALUES (1)")
    finally:
        read_only_store.close()
