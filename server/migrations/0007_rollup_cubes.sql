-- Coarser rollups, so a dashboard reads hundreds of rows whatever the number of events.
-- event_rollup and rule_rollup become cubes: each day, and each month (span), counted per unit
-- and 文种, per unit, per 文种 and overall. `grouped` says which: PostgreSQL's grouping(unit,
-- doc_type), bit 1 for all units, bit 0 for all 文种; a column counted over all holds ''.
-- A query picks one level and full months from the month rows, the days at its edges from the
-- day rows. The day rows are the record (kept before the retention cutoff); months follow them.
CREATE TABLE event_cube (
  span            text NOT NULL CHECK (span IN ('day', 'month')),
  -- The day, or the month's first day.
  period          date NOT NULL,
  grouped         smallint NOT NULL,
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
  h0 integer NOT NULL, h1 integer NOT NULL, h2 integer NOT NULL, h3 integer NOT NULL, h4 integer NOT NULL,
  h5 integer NOT NULL, h6 integer NOT NULL, h7 integer NOT NULL, h8 integer NOT NULL, h9 integer NOT NULL,
  PRIMARY KEY (grouped, unit, doc_type, span, period, kind)
);
-- Per unit under one 文种 (or all): the units table of the dashboard.
CREATE INDEX event_cube_by_doc_type ON event_cube (grouped, doc_type, span, period);

CREATE TABLE rule_cube (
  span      text NOT NULL CHECK (span IN ('day', 'month')),
  period    date NOT NULL,
  grouped   smallint NOT NULL,
  unit      text NOT NULL,
  doc_type  text NOT NULL,
  kind      text NOT NULL,
  rule_id   text NOT NULL,
  n         integer NOT NULL,
  PRIMARY KEY (grouped, unit, doc_type, span, period, kind, rule_id)
);

-- Who drafted (analyzed, filed) on which days of a year: bit d is day d of the year (0 = 1 January),
-- at the same levels as the cubes. Distinct users over any days read one row per user and kind.
-- user_rollup stays the record it is rebuilt from.
CREATE TABLE user_year (
  grouped   smallint NOT NULL,
  unit      text NOT NULL,
  doc_type  text NOT NULL,
  kind      text NOT NULL,
  year      integer NOT NULL,
  usr       text NOT NULL,
  days      bit(366) NOT NULL,
  PRIMARY KEY (grouped, unit, doc_type, kind, year, usr)
);

INSERT INTO event_cube (span, period, grouped, unit, doc_type, kind, n, score_sum, over_cap_known, over_cap, disguised, frame, c_tao, c_burden, c_frame, c_length, c_disguise, c_copy, c_escalation, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9)
  SELECT 'day', day, grouping(unit, doc_type), coalesce(unit, ''), coalesce(doc_type, ''), kind, sum(n), sum(score_sum), sum(over_cap_known), sum(over_cap), sum(disguised), sum(frame), sum(c_tao), sum(c_burden), sum(c_frame), sum(c_length), sum(c_disguise), sum(c_copy), sum(c_escalation), sum(h0), sum(h1), sum(h2), sum(h3), sum(h4), sum(h5), sum(h6), sum(h7), sum(h8), sum(h9)
  FROM event_rollup GROUP BY day, kind, GROUPING SETS ((unit, doc_type), (unit), (doc_type), ());

INSERT INTO event_cube (span, period, grouped, unit, doc_type, kind, n, score_sum, over_cap_known, over_cap, disguised, frame, c_tao, c_burden, c_frame, c_length, c_disguise, c_copy, c_escalation, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9)
  SELECT 'month', date_trunc('month', day)::date, grouping(unit, doc_type), coalesce(unit, ''), coalesce(doc_type, ''), kind, sum(n), sum(score_sum), sum(over_cap_known), sum(over_cap), sum(disguised), sum(frame), sum(c_tao), sum(c_burden), sum(c_frame), sum(c_length), sum(c_disguise), sum(c_copy), sum(c_escalation), sum(h0), sum(h1), sum(h2), sum(h3), sum(h4), sum(h5), sum(h6), sum(h7), sum(h8), sum(h9)
  FROM event_rollup GROUP BY date_trunc('month', day)::date, kind, GROUPING SETS ((unit, doc_type), (unit), (doc_type), ());

INSERT INTO rule_cube (span, period, grouped, unit, doc_type, kind, rule_id, n)
  SELECT 'day', day, grouping(unit, doc_type), coalesce(unit, ''), coalesce(doc_type, ''), kind, rule_id, sum(n)
  FROM rule_rollup GROUP BY day, kind, rule_id, GROUPING SETS ((unit, doc_type), (unit), (doc_type), ());

INSERT INTO rule_cube (span, period, grouped, unit, doc_type, kind, rule_id, n)
  SELECT 'month', date_trunc('month', day)::date, grouping(unit, doc_type), coalesce(unit, ''), coalesce(doc_type, ''), kind, rule_id, sum(n)
  FROM rule_rollup GROUP BY date_trunc('month', day)::date, kind, rule_id, GROUPING SETS ((unit, doc_type), (unit), (doc_type), ());

INSERT INTO user_year (grouped, unit, doc_type, kind, year, usr, days)
  SELECT grouping(unit, doc_type), coalesce(unit, ''), coalesce(doc_type, ''), kind, year, usr, bit_or(B'1'::bit(366) >> (day - make_date(year, 1, 1)))
  FROM (SELECT *, extract(year FROM day)::int AS year FROM user_rollup WHERE kind IN ('analyzed', 'filed')) u
  GROUP BY kind, year, usr, GROUPING SETS ((unit, doc_type), (unit), (doc_type), ());

DROP TABLE event_rollup;
DROP TABLE rule_rollup;
