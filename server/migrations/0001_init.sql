-- banwen service schema, version 1. Never edit an applied migration: add the next file.

CREATE TABLE tokens (
  id            text PRIMARY KEY,
  hash          text NOT NULL UNIQUE,           -- sha-256 (hex) of the bearer token
  role          text NOT NULL CHECK (role IN ('drafter', 'reviewer', 'admin')),
  name          text NOT NULL,
  unit          text,                           -- when set, the token speaks for this unit only
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    text,
  revoked_at    timestamptz,
  last_used_at  timestamptz
);

CREATE TABLE rulesets (
  rev           serial PRIMARY KEY,
  set_id        text NOT NULL,
  version       text NOT NULL UNIQUE,
  body          jsonb NOT NULL,
  note          text,
  published_by  text NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE settings (
  key           text PRIMARY KEY,
  value         jsonb NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  unit          text PRIMARY KEY,
  store_text    boolean NOT NULL DEFAULT false,
  overrides     jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE quotas (
  unit          text NOT NULL,
  year          integer NOT NULL,
  total         integer,
  by_doc_type   jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit, year)
);

CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor         text NOT NULL,
  actor_name    text NOT NULL,
  action        text NOT NULL,
  target        text,
  detail        jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

CREATE TABLE superior_docs (
  id            text PRIMARY KEY,
  title         text NOT NULL,
  issuer        text,
  doc_no        text,
  issued_on     date,
  chars         integer NOT NULL,
  k             integer NOT NULL,
  hashes        jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    text NOT NULL
);

-- Telemetry: scores, counts and rule ids; never document text.
CREATE TABLE events (
  id                 text PRIMARY KEY,
  kind               text NOT NULL,
  at                 timestamptz NOT NULL,
  received_at        timestamptz NOT NULL DEFAULT now(),
  unit               text NOT NULL,
  usr                text NOT NULL,
  doc_type           text NOT NULL,
  chars              integer NOT NULL,
  cap                integer,
  score              real NOT NULL,
  counts             jsonb NOT NULL,
  rule_ids           text[] NOT NULL,
  ruleset_version    text NOT NULL,
  extension_version  text NOT NULL,
  action             text,
  reason             text,
  rule_id            text,
  doc_hash           text,
  over_cap           boolean,
  disguised          boolean,
  frame              boolean,
  copied_share       real,
  token_id           text
);
CREATE INDEX events_at ON events (at);
CREATE INDEX events_unit_kind_at ON events (unit, kind, at);
CREATE INDEX events_kind_at ON events (kind, at);
CREATE INDEX events_doc_hash ON events (doc_hash) WHERE doc_hash IS NOT NULL;

-- Document text, kept only for units whose admin turned storing on.
CREATE TABLE document_texts (
  doc_hash      text PRIMARY KEY,
  unit          text NOT NULL,
  title         text,
  text          text NOT NULL,
  stored_at     timestamptz NOT NULL DEFAULT now(),
  stored_by     text NOT NULL
);
