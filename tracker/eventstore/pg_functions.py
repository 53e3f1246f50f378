"""The PL/pgSQL bodies of PostgreSQL's append path
(``tracker.eventstore.pg_append`` says what they do and why): ``{events}``
and the like are filled in by ``pg_append.definitions``, and braces that
are PL/pgSQL's own are doubled."""

from __future__ import annotations

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
    IF value IS NULL AND (rule ->> 2)::boolean THEN
      CONTINUE;
    ELSIF value IS NULL THEN
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
    ELSIF kind = 'version' THEN
      -- an event's version, as a void names it: a whole number from 1
      IF jsonb_typeof(value) <> 'number' OR value::text !~ '^[1-9][0-9]{{0,9}}$' THEN
        RETURN format('its %s is not a version of a task', name);
      END IF;
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
  v_one_topics text[] := {singleton_topics};
  v_one_ids uuid[] := {singleton_ids};
  v_names text[] := {singleton_names};
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
    FOR k IN 1..array_length(v_one_ids, 1) LOOP
      IF v_fault IS NULL AND versions[i] = 1
         AND (v_document ->> 'originator_topic' = v_one_topics[k])
             <> (ids[i] = v_one_ids[k]) THEN
        v_fault := format('the %s is one aggregate, of its own ID', v_names[k]);
      END IF;
      IF v_fault IS NULL AND starts_with(topics[i], v_one_topics[k] || '.')
         <> (ids[i] = v_one_ids[k]) THEN
        v_fault := format('the %1$s''s events belong to the %1$s alone', v_names[k]);
      END IF;
    END LOOP;
    IF v_fault IS NULL AND versions[i] > 1 AND v_document ? 'code'
       AND NOT EXISTS (SELECT 1 FROM {codes} WHERE originator_id = ids[i]
                       AND code = v_document ->> 'code') THEN
      -- a task assigned again after a void keeps the code it began with
      v_fault := 'it names a code its task does not have';
    END IF;
    IF v_fault IS NOT NULL THEN
      RAISE EXCEPTION 'append: event % of % is not one this ledger writes: %',
        versions[i], ids[i], v_fault USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF versions[i] = 1 AND ids[i] <> ALL (v_one_ids) THEN
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
