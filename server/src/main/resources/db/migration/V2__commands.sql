-- Operator commands (CS -> charger calls) and API access tokens (issue 4).

-- One row per command. status: queued -> sent -> accepted | rejected | error | timeout | offline.
-- queued_at, sent_at and completed_at record each step; response is the charger's CALLRESULT
-- payload, error_code/error_description its CALLERROR (or Joule's reason for error).
CREATE TABLE command (
    id                BIGSERIAL PRIMARY KEY,
    charger_id        TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    action            TEXT NOT NULL,
    payload           JSONB NOT NULL,
    status            TEXT NOT NULL,
    queued_at         TIMESTAMPTZ NOT NULL,
    sent_at           TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    response          JSONB,
    error_code        TEXT,
    error_description TEXT
);
CREATE INDEX command_by_charger ON command (charger_id, id DESC);
CREATE INDEX command_by_status ON command (status, id DESC);

-- API bearer tokens created with `joule token create`: only the SHA-256 of the token is kept.
CREATE TABLE api_token (
    id         BIGSERIAL PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The charger's configuration as Joule last learnt it from GetConfiguration / ChangeConfiguration.
CREATE TABLE charger_configuration (
    charger_id  TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    value       TEXT,
    readonly    BOOLEAN,
    reported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charger_id, key)
);
