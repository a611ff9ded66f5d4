-- Charger authentication, security profiles 0-3 of "Improved security for OCPP 1.6-J" (decision 0011).
-- A charger without a row here has its own profile 0 and no key: it is then held to the
-- security-profile key alone.
CREATE TABLE charger_auth (
    charger_id        TEXT PRIMARY KEY REFERENCES charger (id) ON DELETE CASCADE,
    security_profile  SMALLINT NOT NULL DEFAULT 0 CHECK (security_profile BETWEEN 0 AND 3),
    key_hash          TEXT,         -- pbkdf2-sha256$<iterations>$<salt>$<hash>: never the key itself
    admission         TEXT NOT NULL DEFAULT 'accepted' CHECK (admission IN ('accepted', 'pending')),
    updated_at        TIMESTAMPTZ NOT NULL
);
