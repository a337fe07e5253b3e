-- Rollups kept at ingest, so dashboard aggregates read thousands of rows, not millions of events.
-- Days are in the service's time zone; settings 'rollup.tz' names it, and the service rebuilds
-- these tables from events when it is missing (this migration) or differs (BANWEN_TZ changed).
CREATE TABLE event_rollup (
  day             date NOT NULL,
  unit            text NOT NULL,
  doc_type        text NOT NULL,
  kind            text NOT NULL,
  n               integer NOT NULL,
  score_sum       double precision NOT NULL,
  over_cap_known  integer NOT NULL,
  over_cap        integer NOT NULL,
  disguised       integer NOT NULL,
  frame           integer NOT NULL,
  c_tao           bigint NOT NULL,
  c_burden        bigint NOT NULL,
  c_frame         bigint NOT NULL,
  c_length        bigint NOT NULL,
  c_disguise      bigint NOT NULL,
  c_copy          bigint NOT NULL,
  c_escalation    bigint NOT NULL,
  -- Score histogram: h0 counts scores 0–9.x, … h9 counts 90–100.
  h0 integer NOT NULL, h1 integer NOT NULL, h2 integer NOT NULL, h3 integer NOT NULL, h4 integer NOT NULL,
  h5 integer NOT NULL, h6 integer NOT NULL, h7 integer NOT NULL, h8 integer NOT NULL, h9 integer NOT NULL,
  PRIMARY KEY (day, unit, doc_type, kind)
);

-- Who was active: distinct users per day, unit, 文种 and kind.
CREATE TABLE user_rollup (
  day       date NOT NULL,
  unit      text NOT NULL,
  doc_type  text NOT NULL,
  kind      text NOT NULL,
  usr       text NOT NULL,
  PRIMARY KEY (day, unit, doc_type, kind, usr)
);

-- Rule hits (analyzed/filed: each of rule_ids) and feedback (dismiss/false-positive: rule_id).
CREATE TABLE rule_rollup (
  day       date NOT NULL,
  unit      text NOT NULL,
  doc_type  text NOT NULL,
  kind      text NOT NULL,
  rule_id   text NOT NULL,
  n         integer NOT NULL,
  PRIMARY KEY (day, unit, doc_type, kind, rule_id)
);
