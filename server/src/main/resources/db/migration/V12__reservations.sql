-- Reservations as first-class things (issue 14): created through the API before their ReserveNow
-- is sent (pending, no command yet), used by a StartTransaction (linked), expired at their expiry.
-- status: pending | reserved | rejected | occupied | faulted | unavailable | failed | used |
-- expired | cancelled (ReservationStatus).

ALTER TABLE reservation ALTER COLUMN command_id DROP NOT NULL;
ALTER TABLE reservation ADD COLUMN transaction_id INTEGER;
ALTER TABLE reservation ADD COLUMN created_at TIMESTAMPTZ;
UPDATE reservation SET created_at = updated_at;
ALTER TABLE reservation ALTER COLUMN created_at SET NOT NULL;

-- Ids of reservations created through the API, unique across Joule (OCPP 1.6 §6.45 leaves the
-- reservationId to the central system). Starts above the ids raw ReserveNow commands used.
CREATE SEQUENCE reservation_id_seq AS INTEGER;
SELECT setval('reservation_id_seq', COALESCE(MAX(reservation_id), 0) + 1, false) FROM reservation;

CREATE INDEX reservation_by_id ON reservation (reservation_id);
-- What the expiry scheduler looks at every second: the few reservations still holding a connector.
CREATE INDEX reservation_due ON reservation (expiry_date)
    WHERE status IN ('pending', 'reserved', 'failed');
