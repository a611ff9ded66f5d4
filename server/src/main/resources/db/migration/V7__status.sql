-- The status page and its history (issue 11): alert transitions, component state changes,
-- incidents and their updates. Written by the status recorder's one thread (alerts of every
-- node; components and automatic incidents only by the acting supervisor) and by operators
-- through /api/v1/incidents.

-- One row per alert transition (pending is not recorded). fired_at is when the alert fired
-- (on the resolved row too), resolved_at only on the resolved row; node is the node whose
-- rules fired it.
CREATE TABLE alert_event (
    id          BIGSERIAL PRIMARY KEY,
    alert       TEXT NOT NULL,
    state       TEXT NOT NULL,
    severity    TEXT NOT NULL,
    node        TEXT NOT NULL,
    text        TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    fired_at    TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE INDEX alert_event_by_time ON alert_event (at DESC, id DESC);
CREATE INDEX alert_event_by_alert ON alert_event (alert, at DESC, id DESC);
CREATE INDEX alert_event_by_node ON alert_event (node, at DESC, id DESC);

-- One row per change of a component's state; instance is '' for the component itself and the
-- node id for a node's row under it (state 'left' when the node left the cluster).
CREATE TABLE component_state_change (
    id        BIGSERIAL PRIMARY KEY,
    component TEXT NOT NULL,
    instance  TEXT NOT NULL,
    state     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX component_state_change_by_component
    ON component_state_change (component, instance, at DESC, id DESC);

-- status: investigating -> identified -> monitoring -> resolved; impact: none, minor, major,
-- critical; automatic: opened by an alert (Joule writes its updates) or by an operator.
CREATE TABLE incident (
    id          BIGSERIAL PRIMARY KEY,
    title       TEXT NOT NULL,
    status      TEXT NOT NULL,
    impact      TEXT NOT NULL,
    components  TEXT[] NOT NULL,
    alerts      TEXT[] NOT NULL,
    automatic   BOOLEAN NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE INDEX incident_by_time ON incident (opened_at DESC, id DESC);
CREATE INDEX incident_open ON incident (automatic, id DESC) WHERE status <> 'resolved';

-- Each update as the timeline shows it; components is [{"id","state"}] at that moment.
CREATE TABLE incident_update (
    id          BIGSERIAL PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    text        TEXT NOT NULL,
    components  JSONB NOT NULL,
    author      TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX incident_update_by_incident ON incident_update (incident_id, at, id);
CREATE INDEX incident_update_by_time ON incident_update (at DESC, id DESC);
