-- Local authorization lists Joule keeps for chargers (issue 14, OCPP 1.6 §5.15, §3.5).

-- What the charger holds as far as Joule knows: the entries of the SendLocalList messages it
-- accepted (a Full replaces them, a Differential adds, changes and removes), and the list version
-- they make. When the charger reports another version (GetLocalListVersion), Joule no longer knows
-- its entries and sends a Full list.
ALTER TABLE charger ADD COLUMN local_list_held_version INTEGER;
CREATE TABLE local_list_held (
    charger_id    TEXT NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    id_tag        TEXT NOT NULL,
    status        TEXT NOT NULL,
    expiry_date   TIMESTAMPTZ,
    parent_id_tag TEXT,
    PRIMARY KEY (charger_id, id_tag)
);

-- The lists operators asked for (PUT /chargers/{id}/local-list): the id tags, whose idTagInfo is
-- read from id_tag when sent, and where sending it stands.
-- state: sending | in-sync | waiting (charger offline or not answering) | failed | notsupported
CREATE TABLE local_list (
    charger_id TEXT PRIMARY KEY REFERENCES charger (id) ON DELETE CASCADE,
    state      TEXT NOT NULL,
    detail     TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE local_list_wanted (
    charger_id TEXT NOT NULL REFERENCES local_list (charger_id) ON DELETE CASCADE,
    id_tag     TEXT NOT NULL,
    PRIMARY KEY (charger_id, id_tag)
);
