-- Ingest speed: every index costs on each of thousands of events a second, and PGlite writes them
-- on one thread. Only filed events are read by time and unit (the documents list, the quota
-- counts); the rest are read by time only when retention drops them. So one index by time over
-- every event, and two over filed events only, instead of two by kind over every event. The
-- filed ones keep their own time order, so a list's newest page needs no sort and no statistics
-- (PGlite runs no ANALYZE).
DROP INDEX IF EXISTS events_unit_kind_at;
DROP INDEX IF EXISTS events_kind_at;
CREATE INDEX events_at ON events (at);
CREATE INDEX events_filed_at ON events (at) WHERE kind = 'filed';
CREATE INDEX events_filed_unit_at ON events (unit, at) WHERE kind = 'filed';
