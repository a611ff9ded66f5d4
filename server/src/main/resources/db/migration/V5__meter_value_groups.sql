-- Rule 4 for meter values, checked once per MeterValue element instead of once per sample
-- (issue 6, decision 0008). The per-sample unique index and the per-row foreign key made every
-- sample cost an index probe, a speculative insertion and a trigger: most of PostgreSQL's time
-- under load.
--
-- A MeterValue element (one timestamp, its sampled values) is a group: the charger, connector,
-- transaction, timestamp and the set of sample keys (measurand/phase/location, sorted, MD5).
-- A redelivered or retried message repeats the group and adds nothing; a different set of
-- samples with the same timestamp (clock-aligned next to periodic ones, say) is a new group.
CREATE TABLE meter_value_group (
    charger_id      TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    connector_id    INTEGER NOT NULL,
    transaction_id  INTEGER,
    timestamp       TIMESTAMPTZ NOT NULL,
    sample_keys     UUID NOT NULL,                        -- md5 of the sorted sample keys
    received_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX meter_value_group_unique ON meter_value_group
    (charger_id, connector_id, COALESCE(transaction_id, -1), timestamp, sample_keys);

-- The groups of the samples stored so far, with the same key the server computes.
INSERT INTO meter_value_group (charger_id, connector_id, transaction_id, timestamp, sample_keys,
    received_at)
SELECT charger_id, connector_id, transaction_id, timestamp,
       md5(string_agg(measurand || '/' || phase || '/' || location, ','
           ORDER BY measurand || '/' || phase || '/' || location COLLATE "C"))::uuid,
       min(received_at)
FROM meter_value
GROUP BY charger_id, connector_id, transaction_id, timestamp;

DROP INDEX meter_value_unique;
-- Samples are only written together with their group, which references the charger.
ALTER TABLE meter_value DROP CONSTRAINT meter_value_charger_id_fkey;
