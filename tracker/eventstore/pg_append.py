"""PostgreSQL's append path: ``SECURITY DEFINER`` functions the owner makes.

On a shared server the clerks' role has no INSERT on any table (``tracker db
harden``); the only way it can write is to call ``<prefix>_append(ids,
versions, topics, states)``, which runs with the table owner's rights and
does the whole append itself:

- it takes the append lock (``LOCK TABLE ... IN EXCLUSIVE MODE``), which a
  clerk's role cannot take any other way;
- it holds every event to what the tracker itself writes: a known topic, an
  aggregate created by its creation event and no other, versions that follow
  each other, a code no other task has, the directory's events on its one
  aggregate (``domain.directory.DIRECTORY_ID``) and no other, and each field
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
from domain.directory_record import DIRECTORY_ID, DirectoryRecord
from domain.limits import EARLIEST_DATE, LATEST_DATE, MAX_CO_AGENCIES, REFUSED_RANGES

NOTIFY_CHANNEL = "tracker_events"
PATH = "SET search_path = pg_catalog, pg_temp"

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

# Why an event's document is not one the tracker writes, or NULL.
FAULT_BODY = """
DECLARE
  fields jsonb := {schema}::jsonb -> topic;
  name text;
  rule jsonb;
  value jsonb;
  kind text;
  item jsonb;
  day date;
  written text;
  tag text;
BEGIN
  IF fields IS NULL OR jsonb_typeof(document) IS DISTINCT FROM 'object' THEN
    RETURN 'it is not an event of this ledger';
  END IF;
  FOR name IN SELECT jsonb_object_keys(document) LOOP
    IF NOT fields ? name THEN
      RETURN format('it has a field %s its kind has not', name);
    END IF;
  END LOOP;
  FOR name, rule IN SELECT key, rule_value FROM jsonb_each(fields) AS r(key, rule_value)
  LOOP
    value := document -> name;
    kind := rule ->> 0;
    IF value IS NULL THEN
      RETURN format('it has no %s', name);
    ELSIF jsonb_typeof(value) = 'null' THEN
      IF right(kind, 1) <> '?' THEN
        RETURN format('its %s is empty', name);
      END IF;
      CONTINUE;
    END IF;
    kind := rtrim(kind, '?');
    IF kind = 'text' AND NOT {text_ok}(value, (rule ->> 1)::integer) THEN
      RETURN format('its %s is not text the tracker accepts', name);
    ELSIF kind = 'texts' THEN
      IF jsonb_typeof(value) <> 'array'
         OR jsonb_array_length(value) > {max_items} THEN
        RETURN format('its %s is not a list the tracker accepts', name);
      END IF;
      FOR item IN SELECT jsonb_array_elements(value) LOOP
        IF NOT {text_ok}(item, (rule ->> 1)::integer) THEN
          RETURN format('its %s holds text the tracker does not accept', name);
        END IF;
      END LOOP;
    ELSIF kind IN ('date', 'timestamp') THEN
      written := '^\\d{{4}}-\\d{{2}}-\\d{{2}}$';
      tag := 'date_iso';
      IF kind = 'timestamp' THEN
        written := '^\\d{{4}}-\\d{{2}}-\\d{{2}}T\\d{{2}}:\\d{{2}}:\\d{{2}}'
                   || '(\\.\\d{{1,6}})?([+-]\\d{{2}}:\\d{{2}})?$';
        tag := 'datetime_iso';
      END IF;
      IF jsonb_typeof(value) <> 'object'
         OR value ->> '_type_' IS DISTINCT FROM tag
         OR (SELECT count(*) FROM jsonb_object_keys(value)) <> 2
         OR coalesce(value ->> '_data_', '') !~ written THEN
        RETURN format('its %s is not a %s', name, kind);
      END IF;
      BEGIN
        day := left(value ->> '_data_', 10)::date;
      EXCEPTION WHEN others THEN
        RETURN format('its %s is no real date', name);
      END;
      IF to_char(day, 'YYYY-MM-DD') <> left(value ->> '_data_', 10)
         OR day < DATE '{earliest}' OR day > DATE '{latest}' THEN
        RETURN format('its %s is not a date the tracker accepts', name);
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END"""

TEXT_OK_BODY = """
  SELECT jsonb_typeof(value) = 'string'
     AND char_length(value #>> '{{}}') <= limit_length
     AND (value #>> '{{}}') !~ {refused}
"""

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
  v_fault text;
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
    BEGIN
      v_document := convert_from(states[i], 'UTF8')::jsonb;
    EXCEPTION WHEN others THEN
      RAISE EXCEPTION 'append: event % of % is not UTF-8 JSON', versions[i], ids[i]
        USING ERRCODE = 'invalid_parameter_value';
    END;
    v_fault := {fault}(topics[i], v_document);
    IF v_fault IS NULL AND (versions[i] = 1) <> (topics[i] = ANY ({created})) THEN
      v_fault := 'only a creation event may begin a task, and only begin it';
    END IF;
    IF v_fault IS NULL AND versions[i] = 1
       AND NOT (v_document ->> 'originator_topic' = ANY ({aggregates})) THEN
      v_fault := 'it creates an aggregate this ledger does not keep';
    END IF;
    IF v_fault IS NULL AND versions[i] = 1
       AND (v_document ->> 'originator_topic' = {singleton_topic})
           <> (ids[i] = {singleton_id}::uuid) THEN
      v_fault := 'the directory is one aggregate, of its own ID';
    END IF;
    IF v_fault IS NULL AND starts_with(topics[i], {singleton_events})
       <> (ids[i] = {singleton_id}::uuid) THEN
      v_fault := 'the directory''s events belong to the directory alone';
    END IF;
    IF v_fault IS NOT NULL THEN
      RAISE EXCEPTION 'append: event % of % is not one this ledger writes: %',
        versions[i], ids[i], v_fault USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF versions[i] = 1 AND ids[i] <> {singleton_id}::uuid THEN
      -- a second task of that code: unique_violation
      INSERT INTO {codes} (code, originator_id)
        VALUES (v_document ->> 'code', ids[i]);
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
    return "ARRAY[" + ", ".join(_literal(t) for t in sorted(texts)) + "]::text[]"


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
            singleton_topic=_literal(get_topic(DirectoryRecord)),
            singleton_id=_literal(str(DIRECTORY_ID)),
            singleton_events=_literal(get_topic(DirectoryRecord) + "."),
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
