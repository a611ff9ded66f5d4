-- What the status page's uptime bars and incident charts read (issue 11).

-- When status was being recorded: one row per stretch a supervisor acted, from when it became
-- the acting one (started_at) to its latest evaluation round (seen_at, moved on every round).
-- Time outside every stretch is "no data" on the uptime bars: Joule cannot say it was up.
CREATE TABLE status_coverage (
    node       TEXT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (node, started_at)
);
CREATE INDEX status_coverage_by_time ON status_coverage (seen_at);

-- The acting supervisor's processing signals, one row per evaluation round (about a second):
-- the backlog and the age of the oldest waiting message, for the incident page's chart. at is
-- the whole second; a second written twice (two supervisors during a hand-over) keeps the first.
CREATE TABLE signal_second (
    at                TIMESTAMPTZ PRIMARY KEY,
    node              TEXT NOT NULL,
    backlog           INT NOT NULL,
    oldest_waiting_ms BIGINT NOT NULL,
    messages_held     INT NOT NULL,
    longest_held_ms   BIGINT NOT NULL
);
