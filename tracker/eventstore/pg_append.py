"""PostgreSQL's append path: two ``SECURITY DEFINER`` functions.

On a shared server the clerks' role has no INSERT on any table (``tracker db
harden``); the only way it can write is to call these functions, which run
with the table owner's rights and do the whole append themselves:

- ``<prefix>_lock_appends(wait_ms)`` takes the append lock (``LOCK TABLE
  ... IN EXCLUSIVE MODE`` on the events table), waiting at most ``wait_ms``;
  it answers ``false`` when the lock stayed taken, so the caller can say so
  and wait again. A clerk cannot take that lock any other way (it needs more
  than SELECT), so raw SQL cannot stop the others from writing, except by
  holding its own transaction open after it appended.
- ``<prefix>_append(ids, versions, topics, states)`` takes the same lock,
  refuses what the tracker itself would never write (an unknown topic, an
  aggregate created by any other event than its creation event, a version
  that does not follow the aggregate's last one, a state that is not a JSON
  object, a date outside 1900-2199), gives the events the next positions and
  writes each one's chain row: the recording time is the server's clock, the
  hash is computed here, as ``tracker.eventstore.chain.chain_hash`` computes it. It ends
  with ``pg_notify`` so that a following projector wakes up.

A version that someone else recorded first raises ``unique_violation``, as
the unique index does, so the application retries a conflicting change the
same way on both databases.
"""

from __future__ import annotations

from collections.abc import Sequence

from database.plain_sql import PlainSQL

NOTIFY_CHANNEL = "tracker_events"
# The range of dates the domain accepts (``domain.limits``), as the ISO text
# eventsourcing's JSON holds them in.
EARLIEST, LATEST = "1900-01-01", "2199-12-31"


# The functions' bodies: ``{events}`` and the like are filled in by
# ``definitions`` (braces that are PL/pgSQL's own are doubled).
LOCK_BODY = """
DECLARE
  before text := current_setting('lock_timeout');
BEGIN
  PERFORM set_config('lock_timeout', greatest(wait_ms, 1) || 'ms', true);
  LOCK TABLE {events} IN EXCLUSIVE MODE;
  PERFORM set_config('lock_timeout', before, true);
  RETURN true;
EXCEPTION WHEN lock_not_available THEN
  RETURN false;
END"""

APPEND_BODY = """
DECLARE
  n integer := coalesce(array_length(ids, 1), 0);
  v_last bigint;
  v_previous text;
  v_stamp text;
  v_position bigint;
  v_expected bigint;
  v_digest text;
  v_document jsonb;
  v_positions bigint[] := '{{}}';
BEGIN
  IF coalesce(array_length(versions, 1), 0) <> n
     OR coalesce(array_length(topics, 1), 0) <> n
     OR coalesce(array_length(states, 1), 0) <> n THEN
    RAISE EXCEPTION 'append: the four arrays differ in length'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF n = 0 THEN
    RETURN v_positions;
  END IF;
  LOCK TABLE {events} IN EXCLUSIVE MODE;
  SELECT coalesce(max(id), 0) INTO v_last FROM {events};
  SELECT hash INTO v_previous FROM {chain} ORDER BY position DESC LIMIT 1;
  v_previous := coalesce(v_previous, repeat('0', 64));
  v_stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                   'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00';
  FOR i IN 1..n LOOP
    IF ids[i] IS NULL OR versions[i] IS NULL OR topics[i] IS NULL
       OR states[i] IS NULL THEN
      RAISE EXCEPTION 'append: event % has an empty field', i
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT (topics[i] = ANY ({topics})) THEN
      RAISE EXCEPTION 'append: % is not an event of this ledger', topics[i]
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT coalesce(max(originator_version), 0) + 1 INTO v_expected
      FROM {events} WHERE originator_id = ids[i];
    IF versions[i] < v_expected THEN
      RAISE EXCEPTION 'append: version % of % is already recorded',
        versions[i], ids[i] USING ERRCODE = 'unique_violation';
    ELSIF versions[i] > v_expected THEN
      RAISE EXCEPTION 'append: version % of % does not follow version %',
        versions[i], ids[i], v_expected - 1
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_document := convert_from(states[i], 'UTF8')::jsonb;
    IF jsonb_typeof(v_document) <> 'object'
       OR (versions[i] = 1) <> (topics[i] = ANY ({created}))
       OR (versions[i] = 1 AND NOT (coalesce(v_document->>'originator_topic', '')
                                    = ANY ({aggregates})))
       OR jsonb_path_exists(v_document, '$.** ? (@._type_ == "date_iso"
            && (@._data_ < "{earliest}" || @._data_ > "{latest}"))') THEN
      RAISE EXCEPTION 'append: event % of % is not one this ledger writes',
        versions[i], ids[i] USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_position := v_last + i;
    INSERT INTO {events} (id, originator_id, originator_version, topic, state)
      VALUES (v_position, ids[i], versions[i], topics[i], states[i]);
    v_digest := encode(sha256(convert_to(
        v_previous || chr(31) || v_position::text || chr(31) || ids[i]::text
        || chr(31) || versions[i]::text || chr(31) || topics[i] || chr(31)
        || v_stamp || chr(31), 'UTF8') || states[i]), 'hex');
    INSERT INTO {chain} (position, recorded_at, previous_hash, hash)
      VALUES (v_position, v_stamp, v_previous, v_digest);
    v_previous := v_digest;
    v_positions := v_positions || v_position;
  END LOOP;
  PERFORM pg_notify({channel}, v_position::text);
  RETURN v_positions;
END"""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _array(texts: Sequence[str]) -> str:
    return "ARRAY[" + ", ".join(_literal(t) for t in texts) + "]::text[]"


def function_names(prefix: str) -> tuple[str, str]:
    return f"{prefix}_lock_appends", f"{prefix}_append"


def function_signatures(prefix: str) -> tuple[str, str]:
    lock, append = function_names(prefix)
    return f"{lock}(integer)", f"{append}(uuid[], bigint[], text[], bytea[])"


def definitions(
    prefix: str,
    schema: str,
    topics: Sequence[str],
    created: Sequence[str],
    aggregates: Sequence[str],
) -> list[str]:
    """The statements that (re)create both functions, for tables named
    ``<prefix>_events`` and ``<prefix>_chain`` in ``schema``."""
    lock, append = function_names(prefix)
    lock_signature, append_signature = function_signatures(prefix)
    path = f'SET search_path = "{schema}", pg_temp'
    names = {"events": f"{prefix}_events", "chain": f"{prefix}_chain"}
    lock_body = LOCK_BODY.format(**names)
    append_body = APPEND_BODY.format(
        **names,
        topics=_array(topics),
        created=_array(created),
        aggregates=_array(aggregates),
        channel=_literal(NOTIFY_CHANNEL),
        earliest=EARLIEST,
        latest=LATEST,
    )
    return [
        f"CREATE OR REPLACE FUNCTION {lock}(wait_ms integer) RETURNS boolean"
        f" LANGUAGE plpgsql SECURITY DEFINER {path} AS $body${lock_body}\n$body$",
        f"CREATE OR REPLACE FUNCTION {append}(ids uuid[], versions bigint[],"
        " topics text[], states bytea[]) RETURNS bigint[]"
        f" LANGUAGE plpgsql SECURITY DEFINER {path} AS $body${append_body}\n$body$",
        # PostgreSQL lets every role execute a new function: only the roles
        # ``db harden`` names may.
        f"REVOKE ALL ON FUNCTION {lock_signature} FROM PUBLIC",
        f"REVOKE ALL ON FUNCTION {append_signature} FROM PUBLIC",
    ]


def installed_bodies(sql: PlainSQL, prefix: str) -> dict[str, str]:
    """The source of each function as the server holds it (none: absent)."""
    rows = sql.rows(
        "SELECT p.proname, p.prosrc FROM pg_proc p"
        " JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = current_schema() AND p.proname IN (:lock, :append)",
        lock=function_names(prefix)[0],
        append=function_names(prefix)[1],
    )
    return {name: source for name, source in rows}


def bodies_of(statements: Sequence[str]) -> list[str]:
    """The bodies ``definitions`` gives, as ``prosrc`` shows them."""
    return [s.split("$body$")[1] for s in statements if "$body$" in s]
