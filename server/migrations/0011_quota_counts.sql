-- Filed-document counts per unit and year, per 文种 (grouped 0) and over every 文种 (grouped 1,
-- doc_type ''), kept by the fold beside quota_docs: the quota pages read these few rows instead
-- of counting every document of two years, which grew with the documents filed.
CREATE TABLE quota_counts (
  unit      text NOT NULL,
  year      integer NOT NULL,
  grouped   smallint NOT NULL,
  doc_type  text NOT NULL,
  n         integer NOT NULL,
  PRIMARY KEY (unit, year, grouped, doc_type)
);
INSERT INTO quota_counts (unit, year, grouped, doc_type, n)
  SELECT unit, year, grouping(doc_type), coalesce(doc_type, ''), count(DISTINCT doc_key)
  FROM quota_docs GROUP BY GROUPING SETS ((unit, year, doc_type), (unit, year));
