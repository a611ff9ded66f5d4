-- A MeterValue element as one row, its sampled values as arrays (issue 15): a MeterValues message
-- with ten samples was eleven row inserts (its group and ten samples, V5), now one. The unique
-- index of V5 stays the rule-4 key: charger, connector, transaction, timestamp and the md5 of the
-- element's sorted distinct sample keys (measurand/phase/location). The arrays are parallel: the
-- n-th value has the n-th context, format, measurand, phase, location and unit, in the order the
-- charger sent them. meter_value stays as a view with the columns it had, one row per sample; its
-- id orders the samples of one timestamp (element id × 65,536 + position).
CREATE TABLE meter_value_element (
    id             BIGSERIAL PRIMARY KEY,
    charger_id     TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    connector_id   INTEGER NOT NULL,
    transaction_id INTEGER,
    timestamp      TIMESTAMPTZ NOT NULL,
    sample_keys    UUID NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    source         TEXT NOT NULL,                 -- MeterValues or StopTransaction
    value          TEXT[] NOT NULL,
    context        TEXT[] NOT NULL,               -- elements NULL where the charger sent none
    format         TEXT[] NOT NULL,
    measurand      TEXT[] NOT NULL,
    phase          TEXT[] NOT NULL,               -- '' where none
    location       TEXT[] NOT NULL,               -- '' where none
    unit           TEXT[] NOT NULL
);

-- The samples stored so far, one element per message's MeterValue (same timestamp and receive
-- time), in the order they were stored, with the key the server computes (Java: the distinct
-- keys in code-point order, joined by commas).
INSERT INTO meter_value_element (charger_id, connector_id, transaction_id, timestamp, sample_keys,
    received_at, source, value, context, format, measurand, phase, location, unit)
SELECT charger_id, connector_id, transaction_id, timestamp,
       md5(string_agg(DISTINCT k, ',' ORDER BY k))::uuid,
       received_at, min(source),
       array_agg(value ORDER BY id), array_agg(context ORDER BY id), array_agg(format ORDER BY id),
       array_agg(measurand ORDER BY id), array_agg(phase ORDER BY id),
       array_agg(location ORDER BY id), array_agg(unit ORDER BY id)
FROM (SELECT *, (measurand || '/' || phase || '/' || location) COLLATE "C" AS k FROM meter_value) s
GROUP BY charger_id, connector_id, transaction_id, timestamp, received_at
ORDER BY min(id);

DROP TABLE meter_value;
DROP TABLE meter_value_group;

-- A redelivery of a message stored before this migration (the same timestamp, received again
-- later) finds its element here: the index is created after the back-fill, and back-filled
-- elements with the same key (one message's samples split over two receive times cannot happen;
-- a retried message was refused by V5's index) would make it fail loudly rather than drop data.
CREATE UNIQUE INDEX meter_value_element_unique ON meter_value_element
    (charger_id, connector_id, COALESCE(transaction_id, -1), timestamp, sample_keys);
-- The energy of an open transaction: its newest elements first (api.TransactionQueries).
CREATE INDEX meter_value_element_by_transaction ON meter_value_element
    (transaction_id, timestamp, id);

CREATE VIEW meter_value AS
SELECT e.id * 65536 + s.n AS id, e.charger_id, e.connector_id, e.transaction_id, e.timestamp,
       s.value, s.context, s.format, s.measurand, s.phase, s.location, s.unit, e.received_at,
       e.source
FROM meter_value_element e,
     unnest(e.value, e.context, e.format, e.measurand, e.phase, e.location, e.unit)
         WITH ORDINALITY AS s (value, context, format, measurand, phase, location, unit, n);
