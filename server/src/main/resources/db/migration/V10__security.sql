-- The security whitepaper's charger messages (issue 12, decision 0012).

-- One row per SecurityEventNotification. critical: the type is one the whitepaper's appendix
-- "Security events" marks critical (unknown types are kept, as not critical); charger_timestamp is
-- the charger's, received_at Joule's. A redelivered CALL (same call id and receive time) adds nothing.
CREATE TABLE security_event (
    id                BIGSERIAL PRIMARY KEY,
    charger_id        TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    type              TEXT NOT NULL,
    critical          BOOLEAN NOT NULL,
    charger_timestamp TIMESTAMPTZ NOT NULL,
    tech_info         TEXT,
    received_at       TIMESTAMPTZ NOT NULL,
    call_id           TEXT NOT NULL,
    UNIQUE (charger_id, call_id, received_at)
);
CREATE INDEX security_event_by_charger ON security_event (charger_id, received_at DESC, id DESC);

-- LogStatusNotification and SignedFirmwareStatusNotification, linked to the GetLog or
-- SignedUpdateFirmware command of the same charger with the same requestId (the newest such
-- command when the notification arrived; null when there is none or no requestId).
CREATE TABLE command_notification (
    id          BIGSERIAL PRIMARY KEY,
    charger_id  TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    action      TEXT NOT NULL,
    status      TEXT NOT NULL,
    request_id  INT,
    command_id  BIGINT REFERENCES command (id) ON DELETE SET NULL,
    received_at TIMESTAMPTZ NOT NULL,
    call_id     TEXT NOT NULL,
    UNIQUE (charger_id, call_id, received_at)
);
CREATE INDEX command_notification_by_command ON command_notification (command_id, id);
CREATE INDEX command_notification_by_charger ON command_notification (charger_id, received_at);

-- Charger certificates Joule's CA signed for a SignCertificate (sent back with CertificateSigned).
-- One per CALL: a redelivered SignCertificate finds its row and is neither signed nor sent again.
CREATE TABLE signed_certificate (
    id            BIGSERIAL PRIMARY KEY,
    charger_id    TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    serial_number TEXT NOT NULL,
    subject       TEXT NOT NULL,
    not_before    TIMESTAMPTZ NOT NULL,
    not_after     TIMESTAMPTZ NOT NULL,
    certificate   TEXT NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    call_id       TEXT NOT NULL,
    UNIQUE (charger_id, call_id, received_at)
);
CREATE INDEX signed_certificate_by_charger ON signed_certificate (charger_id, id DESC);
