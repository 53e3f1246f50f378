"""PostgreSQL's append path: ``SECURITY DEFINER`` functions the owner makes.

On a shared server the clerks' role has no INSERT on any table (``tracker db
harden``); the only way it can write is to call ``<prefix>_append(ids,
versions, topics, states)``, which runs with the table owner's rights and
does the whole append itself:

- it takes the append lock (``LOCK TABLE ... IN EXCLUSIVE MODE``), which a
  clerk's role cannot take any other way;
- it holds every event to what the tracker itself writes: a known topic, an
  aggregate created by its creation event and no other, versions that follow
  each other, a code no other task has, the directory's and the calendar's
  events each on its one aggregate (``singletons``) and no other, and each field
  of the event's kind present with a value of its kind (``event_schema``):
  real dates from 1900 to 2199, text within its length and free of the
  characters ``domain.limits`` refuses;
- it gives the events the next positions and writes each one's chain row:
  the recording time is the server's clock, the hash is computed here as
  ``tracker.eventstore.chain.chain_hash`` computes it; and it notifies a
  following projector (``pg_notify``).

``<prefix>_lock_appends(wait_ms)`` lets the owner's own batches take the
append lock before they read (waiting at most ``wait_ms``); clerks are not
given it. The functions' search path is ``pg_catalog`` alone and every table
is named with its schema, so no object a role creates can stand in for one
the functions use.

A version or a code that someone else recorded first raises
``unique_violation``, as the unique index does, so the application retries a
conflicting change the same way on both databases. What the function does not
check is whether an event obeys the domain's rules (a completion dated
before its assignment): a clerk calling it with raw SQL can record such an
event, with the server's time in its chain row and whatever actor it
names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from eventsourcing.utils import get_topic

from database.plain_sql import PlainSQL
from domain.limits import EARLIEST_DATE, LATEST_DATE, MAX_CO_AGENCIES, REFUSED_RANGES
from tracker.eventstore.pg_functions import (
    APPEND_BODY,
    FAULT_BODY,
    LOCK_BODY,
    TEXT_OK_BODY,
)

NOTIFY_CHANNEL = "tracker_events"
PATH = "SET search_path = pg_catalog, pg_temp"


def singletons() -> tuple[tuple[type, object, str], ...]:
    """Aggregates of one ID each and no other's events: (it, its ID, its
    name); imported only to write the functions, which SQLite never does."""
    from domain.calendar_record import CALENDAR_ID, CalendarRecord
    from domain.directory_record import DIRECTORY_ID, DirectoryRecord

    return (
        (DirectoryRecord, DIRECTORY_ID, "directory"),
        (CalendarRecord, CALENDAR_ID, "calendar"),
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _array(texts: Sequence[str], kind: str = "text", *, ordered: bool = False) -> str:
    """``texts`` as a PostgreSQL array of ``kind``: sorted, or in their order."""
    listed = texts if ordered else sorted(texts)
    return "ARRAY[" + ", ".join(_literal(t) for t in listed) + f"]::{kind}[]"


def refused_pattern() -> str:
    """``domain.limits``' refused characters as a PostgreSQL bracket
    expression (NUL aside: PostgreSQL text cannot hold it at all)."""

    def point(code: int) -> str:
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

    ranges = [(max(low, 1), high) for low, high in REFUSED_RANGES]
    return "[" + "".join(f"{point(low)}-{point(high)}" for low, high in ranges) + "]"


def function_names(prefix: str) -> tuple[str, str]:
    return f"{prefix}_lock_appends", f"{prefix}_append"


def function_signatures(prefix: str) -> tuple[str, str]:
    lock, append = function_names(prefix)
    return f"{lock}(integer)", f"{append}(uuid[], bigint[], text[], bytea[])"


def codes_table(prefix: str) -> str:
    """The owner's table of every task code and its aggregate (PostgreSQL
    only): a second task of one code is refused as the first is kept."""
    return f"{prefix}_codes"


def definitions(
    prefix: str,
    schema: str,
    created: Sequence[str],
    aggregates: Sequence[str],
    fields: Mapping[str, Mapping[str, tuple[str, int]]],
) -> list[str]:
    """The statements that (re)create the functions and the codes table, for
    the tables of application ``prefix`` in ``schema``."""
    lock, append = function_names(prefix)
    lock_signature, append_signature = function_signatures(prefix)
    fault = f'"{schema}"."{prefix}_event_fault"'
    text_ok = f'"{schema}"."{prefix}_text_ok"'
    events, chain, codes = (
        f'"{schema}"."{prefix}_{name}"' for name in ("events", "chain", "codes")
    )
    bodies = _bodies(events, chain, codes, fault, text_ok, created, aggregates, fields)
    return [
        *_codes_table(codes, events),
        f"CREATE OR REPLACE FUNCTION {text_ok}(value jsonb, limit_length integer)"
        f" RETURNS boolean LANGUAGE sql IMMUTABLE {PATH}"
        f" AS $body${bodies['text_ok']}$body$",
        f"CREATE OR REPLACE FUNCTION {fault}(topic text, document jsonb)"
        f" RETURNS text LANGUAGE plpgsql IMMUTABLE {PATH}"
        f" AS $body${bodies['fault']}\n$body$",
        f"CREATE OR REPLACE FUNCTION {lock}(wait_ms integer) RETURNS boolean"
        f" LANGUAGE plpgsql SECURITY DEFINER {PATH}"
        f" AS $body${bodies['lock']}\n$body$",
        f"CREATE OR REPLACE FUNCTION {append}(ids uuid[], versions bigint[],"
        " topics text[], states bytea[]) RETURNS bigint[]"
        f" LANGUAGE plpgsql SECURITY DEFINER {PATH}"
        f" AS $body${bodies['append']}\n$body$",
        # PostgreSQL lets every role execute a new function: only the roles
        # ``db harden`` names may.
        f"REVOKE ALL ON FUNCTION {lock_signature} FROM PUBLIC",
        f"REVOKE ALL ON FUNCTION {append_signature} FROM PUBLIC",
        f"REVOKE ALL ON FUNCTION {fault}(text, jsonb) FROM PUBLIC",
        f"REVOKE ALL ON FUNCTION {text_ok}(jsonb, integer) FROM PUBLIC",
        f"REVOKE ALL ON {codes} FROM PUBLIC",
    ]


def _bodies(
    events: str,
    chain: str,
    codes: str,
    fault: str,
    text_ok: str,
    created: Sequence[str],
    aggregates: Sequence[str],
    fields: Mapping[str, Mapping[str, tuple[str, int]]],
) -> dict[str, str]:
    """The functions' bodies, with the tables' names and the rules' values
    written in."""
    named = [(get_topic(kind), str(id_), name) for kind, id_, name in singletons()]
    one_topics, one_ids, one_names = zip(*named, strict=True)
    return {
        "text_ok": TEXT_OK_BODY.format(refused=_literal(refused_pattern())),
        "fault": FAULT_BODY.format(
            schema=_literal(json.dumps(fields, sort_keys=True)),
            text_ok=text_ok,
            max_items=MAX_CO_AGENCIES,
            earliest=EARLIEST_DATE.isoformat(),
            latest=LATEST_DATE.isoformat(),
        ),
        "lock": LOCK_BODY.format(events=events),
        "append": APPEND_BODY.format(
            events=events,
            chain=chain,
            codes=codes,
            fault=fault,
            created=_array(created),
            aggregates=_array(aggregates),
            singleton_topics=_array(one_topics, ordered=True),
            singleton_ids=_array(one_ids, "uuid", ordered=True),
            singleton_names=_array(one_names, ordered=True),
            channel=_literal(NOTIFY_CHANNEL),
        ),
    }


def _codes_table(codes: str, events: str) -> list[str]:
    """The table that gives each code to one task, filled from the tasks
    already recorded (a database made before it had one)."""
    return [
        f"CREATE TABLE IF NOT EXISTS {codes} (code text PRIMARY KEY,"
        " originator_id uuid NOT NULL UNIQUE)",
        f"INSERT INTO {codes} (code, originator_id)"
        " SELECT DISTINCT ON (code) code, originator_id FROM (SELECT"
        " convert_from(state, 'UTF8')::jsonb ->> 'code' AS code, originator_id, id"
        f" FROM {events} WHERE originator_version = 1) AS created"
        " WHERE code IS NOT NULL ORDER BY code, id ON CONFLICT DO NOTHING",
    ]


def installed(sql: PlainSQL, prefix: str) -> list[str]:
    """The source of each of the functions as the server holds them, and the
    codes table's name if it exists, to compare with ``expected``."""
    names = [*function_names(prefix), f"{prefix}_event_fault", f"{prefix}_text_ok"]
    rows = sql.rows(
        "SELECT p.prosrc FROM pg_proc p"
        " JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = current_schema() AND p.proname IN (:a, :b, :c, :d)"
        " UNION ALL SELECT tablename FROM pg_tables"
        " WHERE schemaname = current_schema() AND tablename = :codes",
        a=names[0],
        b=names[1],
        c=names[2],
        d=names[3],
        codes=codes_table(prefix),
    )
    return sorted(str(row[0]) for row in rows)


def expected(statements: Sequence[str], prefix: str) -> list[str]:
    """What ``installed`` shows once ``statements`` have run."""
    bodies = [s.split("$body$")[1] for s in statements if "$body$" in s]
    return sorted([*bodies, codes_table(prefix)])
