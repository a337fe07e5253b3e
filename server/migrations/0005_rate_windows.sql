-- Rate limits shared by every instance on one PostgreSQL: requests per token and minute.
CREATE TABLE rate_windows (
  key       text NOT NULL,
  minute    bigint NOT NULL,                -- minutes since the epoch
  n         integer NOT NULL,
  PRIMARY KEY (key, minute)
);
