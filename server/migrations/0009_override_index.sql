-- The dashboard's 放行记录 (overrides) are read from the events, not the rollups: their counts by
-- action and the latest ones, under the dashboard's filters. Overrides are a small share of the
-- events; this index holds just them, with what the filters and counts read, so those reads scan
-- the overrides only (index-only once vacuumed) instead of every event of the period.
CREATE INDEX events_overrides ON events (at) INCLUDE (action, unit, doc_type) WHERE kind = 'override';
