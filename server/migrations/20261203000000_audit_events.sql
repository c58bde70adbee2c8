-- The audit trail: every action people take, and every attempt their role did not allow. Lines
-- are only ever added (no statement of the app updates or deletes them).
CREATE TABLE audit_events (
    id TEXT PRIMARY KEY,
    -- RFC 3339, UTC, to the microsecond, so that text order is time order.
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    -- 'done' or 'refused'; for a refusal, the right the person lacked.
    outcome TEXT NOT NULL,
    refused_right TEXT,
    campaign_id TEXT,
    phone TEXT,
    count BIGINT,
    detail TEXT,
    address TEXT
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_actor ON audit_events (actor, at);
CREATE INDEX audit_events_campaign ON audit_events (campaign_id, at);
