-- Every hand-over to a provider, written before the provider is called.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    actor TEXT NOT NULL,
    status TEXT NOT NULL,
    message_text TEXT NOT NULL,
    recipients TEXT NOT NULL,
    recipient_count BIGINT NOT NULL,
    send_at TEXT,
    time_zone TEXT,
    simulation BIGINT NOT NULL,
    provider_reference TEXT,
    total_cost DOUBLE PRECISION,
    error_code TEXT,
    error_message TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX submissions_created_at ON submissions (created_at);
