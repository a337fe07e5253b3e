-- Ingest speed: every index costs on each of thousands of events a second. Time-only queries
-- are rare (the overview's per-kind count) and events_kind_at / events_unit_kind_at serve the rest.
DROP INDEX IF EXISTS events_at;
