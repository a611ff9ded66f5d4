-- What each gateway node saw of its chargers' CALLs, per second (issue 11, postmortem draft).
-- at: the start of the second (UTC, whole seconds).
-- Written by each node's status recorder from the gateway's in-memory seconds (only seconds in
-- which something happened or CALLs were in flight); the postmortem sums every node's rows over
-- an incident. Counts are by the second a CALL was answered (received: arrived); the *_total
-- columns run since started_at (the node's gateway start), so that in flight at the end of a second
-- is received_total - answered_total - abandoned_total and a missing second can be detected.
-- bucket_upper_us / bucket_count: the latency histogram's non-empty buckets (upper bound of each
-- in microseconds, fixed log-scale buckets four per power of two) and their counts.
CREATE TABLE call_second (
    node                  TEXT NOT NULL,
    at                    TIMESTAMPTZ NOT NULL,
    started_at            TIMESTAMPTZ NOT NULL,
    received              BIGINT NOT NULL,
    answered              BIGINT NOT NULL,
    delayed               BIGINT NOT NULL,
    deadlines_missed      BIGINT NOT NULL,
    abandoned             BIGINT NOT NULL,
    longest_wait_us       BIGINT NOT NULL,
    bucket_upper_us       BIGINT[] NOT NULL,
    bucket_count          BIGINT[] NOT NULL,
    delayed_chargers      TEXT[] NOT NULL,
    more_delayed_chargers BIGINT NOT NULL,
    commands_sent         BIGINT NOT NULL,
    commands_timed_out    BIGINT NOT NULL,
    received_total        BIGINT NOT NULL,
    answered_total        BIGINT NOT NULL,
    abandoned_total       BIGINT NOT NULL,
    PRIMARY KEY (node, at)
);
CREATE INDEX call_second_by_time ON call_second (at);
