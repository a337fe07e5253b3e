-- The receiving side (docs/receiving.md): the unit registry, what filed documents ask of each
-- recipient, 直报, 逆向评估, the 督查检查考核 plan and quotas per issuer kind. No document text.

CREATE TABLE org_units (
  name          text PRIMARY KEY,
  level         text NOT NULL CHECK (level IN ('county', 'township', 'village', 'department')),
  parent        text,
  issuer_kind   text,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_units_parent ON org_units (parent);

CREATE TABLE recipient_aliases (
  phrase        text PRIMARY KEY,
  units         jsonb NOT NULL DEFAULT '[]'::jsonb,
  level         text,
  parent        text
);

-- One row per filed event that carried a profile: once, whatever the retries.
CREATE TABLE filed_docs (
  id            text PRIMARY KEY,
  doc_hash      text,
  issuer        text NOT NULL,
  doc_type      text NOT NULL,
  filed_at      timestamptz NOT NULL,
  filed_on      date NOT NULL,
  -- Recurring demands run from the 成文日期, or the filing day when the text has none.
  start_on      date NOT NULL,
  -- New (one-off) demands by module.
  m_meeting     integer NOT NULL,
  m_inspection  integer NOT NULL,
  m_ranking     integer NOT NULL,
  m_report      integer NOT NULL,
  m_trace       integer NOT NULL,
  m_app         integer NOT NULL,
  recipients    integer NOT NULL,
  -- The set of units reached: most documents go to the same few sets (各乡镇, 各村, 县直各单位),
  -- so the monitor sums per set and spreads the sums over the members once.
  target_set    text NOT NULL,
  unresolved    jsonb NOT NULL DEFAULT '[]'::jsonb,
  burden        jsonb NOT NULL
);
CREATE INDEX filed_docs_on ON filed_docs (filed_on, target_set);
CREATE INDEX filed_docs_hash ON filed_docs (doc_hash) WHERE doc_hash IS NOT NULL;
CREATE INDEX filed_docs_issuer ON filed_docs (issuer, filed_on);

-- A set never changes once written: its id is a hash of its members.
CREATE TABLE target_sets (
  set_id        text NOT NULL,
  unit          text NOT NULL,
  PRIMARY KEY (set_id, unit)
);
CREATE INDEX target_sets_unit ON target_sets (unit);

CREATE TABLE filed_recurring (
  id            bigserial PRIMARY KEY,
  doc           text NOT NULL REFERENCES filed_docs (id) ON DELETE CASCADE,
  target_set    text NOT NULL,
  issuer        text NOT NULL,
  module        text NOT NULL,
  frequency     text NOT NULL,
  start_on      date NOT NULL,
  until_on      date
);
CREATE INDEX filed_recurring_span ON filed_recurring (start_on, until_on);
CREATE INDEX filed_recurring_doc ON filed_recurring (doc);

-- The last code computed for a unit in a period, so turning red raises one alert.
CREATE TABLE unit_codes (
  unit          text NOT NULL,
  period_kind   text NOT NULL,
  period_from   date NOT NULL,
  code          text NOT NULL,
  idx           real NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit, period_kind, period_from)
);

CREATE TABLE burden_alerts (
  id            bigserial PRIMARY KEY,
  unit          text NOT NULL,
  period_kind   text NOT NULL,
  period_from   date NOT NULL,
  period_to     date NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  idx           real NOT NULL,
  top_issuers   jsonb NOT NULL
);
CREATE INDEX burden_alerts_at ON burden_alerts (at DESC);

-- 基层直报: the reporter's own words, for admins only; an anonymous report keeps its unit for the
-- monitor's count and shows it nowhere.
CREATE TABLE direct_reports (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  unit          text NOT NULL,
  token_id      text,
  module        text NOT NULL,
  doc_hash      text,
  text          text NOT NULL,
  anonymous     boolean NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  answer        text,
  answered_at   timestamptz,
  answered_by   text
);
CREATE INDEX direct_reports_at ON direct_reports (at);
CREATE INDEX direct_reports_unit ON direct_reports (unit, at);

-- 逆向评估: one rating per recipient unit and document.
CREATE TABLE ratings (
  doc_hash      text NOT NULL,
  unit          text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  effect        text NOT NULL CHECK (effect IN ('好', '一般', '差')),
  burden        text NOT NULL CHECK (burden IN ('轻', '适中', '重')),
  mergeable     boolean NOT NULL,
  unnecessary   boolean NOT NULL,
  heaviest      jsonb,
  PRIMARY KEY (doc_hash, unit)
);

CREATE TABLE explanations (
  doc_hash      text PRIMARY KEY,
  text          text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  by_unit       text,
  by_token      text NOT NULL
);

CREATE TABLE plan_items (
  id            bigserial PRIMARY KEY,
  year          integer NOT NULL,
  item          jsonb NOT NULL
);
CREATE INDEX plan_items_year ON plan_items (year);

CREATE TABLE issuer_quotas (
  kind          text NOT NULL,
  year          integer NOT NULL,
  cut           real NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, year)
);
