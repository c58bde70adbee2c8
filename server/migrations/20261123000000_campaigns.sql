-- Campaigns, the per-recipient ledger with its history, opt-outs and the record of who did what.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Instants are RFC 3339 text in UTC
-- ("…Z"), so they compare as strings.

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    actor TEXT NOT NULL,
    message_text TEXT NOT NULL,
    sender TEXT,
    purpose TEXT NOT NULL,
    campaign_type TEXT NOT NULL,
    -- The user's intent: wall-clock time and zone; NULL send time means now.
    requested_send_at TEXT,
    time_zone TEXT NOT NULL,
    local_time BIGINT NOT NULL,
    outside_window TEXT NOT NULL,
    override_reason TEXT,
    simulation BIGINT NOT NULL,
    recipient_count BIGINT NOT NULL,
    paused BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX campaigns_created_at ON campaigns (created_at);

ALTER TABLE submissions ADD COLUMN campaign_id TEXT;
CREATE INDEX submissions_campaign ON submissions (campaign_id);
CREATE INDEX submissions_status ON submissions (status);
CREATE INDEX submissions_reference ON submissions (provider, provider_reference);

CREATE TABLE recipients (
    -- The id the provider knows for sent recipients (Infobip messageId); excluded ones get their own.
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    submission_id TEXT,
    line BIGINT NOT NULL,
    phone TEXT NOT NULL,
    parts BIGINT NOT NULL,
    encoding TEXT NOT NULL,
    send_at TEXT,
    marketing BIGINT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    warnings TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX recipients_campaign_line ON recipients (campaign_id, line);
CREATE INDEX recipients_submission_phone ON recipients (submission_id, phone);
CREATE INDEX recipients_phone_send_at ON recipients (phone, send_at);

-- Every status a recipient went through, kept after the provider forgets (Infobip keeps 48 h).
CREATE TABLE recipient_events (
    recipient_id TEXT NOT NULL,
    status TEXT NOT NULL,
    detail TEXT,
    source TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (recipient_id, status, occurred_at)
);

CREATE TABLE opt_outs (
    phone TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    detail TEXT,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE campaign_actions (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT,
    at TEXT NOT NULL
);
CREATE INDEX campaign_actions_campaign ON campaign_actions (campaign_id, at);
