-- Firmware, diagnostics and log campaigns (issue 14, decision 0015): one command sent to many
-- chargers in waves of at most `concurrency` in flight, each charger followed by the status
-- notifications it sends.

-- kind: firmware | signed-firmware | diagnostics | log (domain.campaign.CampaignKind).
-- payload: the request sent to every charger (UpdateFirmware, SignedUpdateFirmware, GetDiagnostics,
-- GetLog), its requestId replaced per charger for the last two kinds.
-- status: running | paused | cancelled | completed (CampaignStatus).
-- not_before: a charger's timeout counts from its turn or from this (the retrieveDate), the later.
CREATE TABLE campaign (
    id                     BIGSERIAL PRIMARY KEY,
    kind                   TEXT NOT NULL,
    payload                JSONB NOT NULL,
    concurrency            INT NOT NULL,
    charger_timeout_s      INT NOT NULL,
    offline_retry_s        INT NOT NULL,
    not_before             TIMESTAMPTZ NOT NULL,
    status                 TEXT NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    finished_at            TIMESTAMPTZ
);
CREATE INDEX campaign_active ON campaign (id) WHERE status IN ('running', 'paused');

-- One row per charger of a campaign. state (CampaignChargerState): pending, then sent, then what
-- the charger reports (downloading, downloaded, installing, installed | uploading, uploaded), or
-- failed, timed-out, cancelled. position: the order chargers get their turn in.
-- turn_at: when it first got its turn; deadline_at: when it times out (set at its first turn);
-- next_try_at: a charger that was not connected is tried again from then on.
-- last_status: the last notification status it sent (as on the wire); error: why it failed.
CREATE TABLE campaign_charger (
    campaign_id  BIGINT NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    charger_id   TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    position     INT NOT NULL,
    state        TEXT NOT NULL,
    last_status  TEXT,
    error        TEXT,
    command_id   BIGINT REFERENCES command (id) ON DELETE SET NULL,
    request_id   INT,
    attempts     INT NOT NULL DEFAULT 0,
    turn_at      TIMESTAMPTZ,
    next_try_at  TIMESTAMPTZ,
    sent_at      TIMESTAMPTZ,
    deadline_at  TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (campaign_id, charger_id)
);
CREATE INDEX campaign_charger_by_position ON campaign_charger (campaign_id, position);
CREATE INDEX campaign_charger_by_state ON campaign_charger (campaign_id, state, position);
-- A notification's handler finds the charger's rows by it (and a deleted charger's cascade).
CREATE INDEX campaign_charger_by_charger ON campaign_charger (charger_id);
-- What the driver looks at every second: the few chargers in flight, and those due to time out.
CREATE INDEX campaign_charger_in_flight ON campaign_charger (charger_id)
    WHERE state IN ('sent', 'downloading', 'downloaded', 'installing', 'uploading');
CREATE INDEX campaign_charger_due ON campaign_charger (deadline_at)
    WHERE state IN ('pending', 'sent', 'downloading', 'downloaded', 'installing', 'uploading');

-- The requestId of each GetLog / SignedUpdateFirmware a campaign sends: unique, so the charger's
-- LogStatusNotification / SignedFirmwareStatusNotification names its campaign row.
CREATE SEQUENCE campaign_request_id_seq AS INTEGER;
