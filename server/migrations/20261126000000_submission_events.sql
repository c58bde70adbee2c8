-- What happened to a whole provider request (the provider's answer to the hand-over, its
-- reconciliation), recorded once rather than once per recipient: a recipient's history is its own
-- events and its request's.
CREATE TABLE submission_events (
    submission_id TEXT NOT NULL,
    status TEXT NOT NULL,
    detail TEXT,
    source TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, status, occurred_at)
);
