-- New events wait here to be folded into the rollup cubes: ingest only appends (cheap and never
-- contended), and one folder at a time adds many events to the cubes at once — every second, and
-- before any dashboard read, so a read always counts every acknowledged event. A copy of the
-- columns the rollups read, so folding never touches the (partitioned, retained) events table.
CREATE TABLE rollup_queue (
  kind        text NOT NULL,
  at          timestamptz NOT NULL,
  unit        text NOT NULL,
  usr         text NOT NULL,
  doc_type    text NOT NULL,
  score       real NOT NULL,
  over_cap    boolean,
  disguised   boolean,
  frame       boolean,
  c_tao integer NOT NULL, c_burden integer NOT NULL, c_frame integer NOT NULL, c_length integer NOT NULL,
  c_disguise integer NOT NULL, c_copy integer NOT NULL, c_escalation integer NOT NULL,
  rule_ids    jsonb NOT NULL,
  rule_id     text
);
