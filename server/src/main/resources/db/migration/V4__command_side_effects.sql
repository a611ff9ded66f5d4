-- What answered commands imply beyond their own row (issue 4). V3 is another issue's.

-- The transaction a RemoteStartTransaction caused (the next new StartTransaction of that charger
-- with that idTag, and connector if given, within 5 minutes) or a RemoteStopTransaction stopped.
ALTER TABLE command ADD COLUMN transaction_id INTEGER;
CREATE INDEX command_unlinked_remote_start ON command (charger_id, id)
    WHERE action = 'RemoteStartTransaction' AND transaction_id IS NULL;

-- The local authorization list version the charger last accepted (SendLocalList) or reported
-- (GetLocalListVersion).
ALTER TABLE charger ADD COLUMN local_list_version INTEGER;
ALTER TABLE charger ADD COLUMN local_list_updated_at TIMESTAMPTZ;

-- Reservations as sent with ReserveNow. status: reserved (Accepted) | faulted | occupied |
-- rejected | unavailable (the charger's refusal) | cancelled (CancelReservation Accepted).
-- A ReserveNow with the id of an existing reservation replaces it (OCPP 1.6 §5.13) once accepted.
CREATE TABLE reservation (
    charger_id     TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    reservation_id INTEGER NOT NULL,
    connector_id   INTEGER NOT NULL,
    id_tag         TEXT NOT NULL,
    parent_id_tag  TEXT,
    expiry_date    TIMESTAMPTZ NOT NULL,
    status         TEXT NOT NULL,
    command_id     BIGINT NOT NULL REFERENCES command (id) ON DELETE CASCADE,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charger_id, reservation_id)
);

-- Charging profiles as sent with SetChargingProfile. status: installed (Accepted) | rejected |
-- notsupported (the charger's refusal) | replaced (another profile with the same connector,
-- purpose and stack level was installed, OCPP 1.6 §3.13.2) | cleared (ClearChargingProfile).
CREATE TABLE charging_profile (
    charger_id          TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    charging_profile_id INTEGER NOT NULL,
    connector_id        INTEGER NOT NULL,
    purpose             TEXT NOT NULL,
    stack_level         INTEGER NOT NULL,
    profile             JSONB NOT NULL,
    status              TEXT NOT NULL,
    command_id          BIGINT NOT NULL REFERENCES command (id) ON DELETE CASCADE,
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charger_id, charging_profile_id)
);
