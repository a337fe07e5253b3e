-- New events wait here to be folded into the rollup cubes (and quota_docs): ingest only appends (cheap and never
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
  rule_id     text,
  -- For the yearly count of filed documents (quota_docs).
  id          text NOT NULL,
  doc_hash    text,
  action      text
);

-- Filed documents per unit, year (in the service's time zone) and 文种, once each (by their
-- fingerprint, else the event id): the 发文配额 counts, kept by the fold like the cubes, so a
-- quota page counts documents instead of scanning two years of events. Blocked or returned
-- filings are not counted (as before).
CREATE TABLE quota_docs (
  unit      text NOT NULL,
  year      integer NOT NULL,
  doc_type  text NOT NULL,
  doc_key   text NOT NULL,
  PRIMARY KEY (unit, year, doc_key, doc_type)
);
INSERT INTO quota_docs (unit, year, doc_type, doc_key)
  SELECT DISTINCT unit, extract(year FROM at AT TIME ZONE coalesce((SELECT value #>> '{}' FROM settings WHERE key = 'rollup.tz'), 'Asia/Shanghai'))::int,
    doc_type, coalesce(doc_hash, id)
  FROM events WHERE kind = 'filed' AND coalesce(action, '') NOT IN ('block', 'returned');
