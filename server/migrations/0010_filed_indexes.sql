-- Ingest speed: every index costs on each of thousands of events a second, and PGlite writes them
-- on one thread. Only filed events are read by unit and time (the documents list, the quota
-- counts); the rest are read by time only when retention drops them. So one index by time for
-- every event, and one by unit and time for filed events only, instead of two over every event.
DROP INDEX IF EXISTS events_unit_kind_at;
DROP INDEX IF EXISTS events_kind_at;
CREATE INDEX events_at ON events (at);
CREATE INDEX events_filed ON events (unit, at) WHERE kind = 'filed';
