-- A recipient of a provider request no longer carries its status while it stands where its
-- request put it: its row's status is NULL, and its status (and why) is the request's, kept once
-- in `request_recipients`. A provider's answer to a request of 500 then writes one row instead of
-- 500 (the hand-over's largest write). A recipient moved on its own (a report, a refused number)
-- has its own status, which it keeps unless a later move of its request is further along
-- (storage::ledger). Readers see every recipient's status in the `recipients` view; writes go to
-- `recipient_rows`. A request with no row here has had no move: its recipients are pending.
-- Rows written before this migration keep their own status.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE TABLE request_recipients (
    submission_id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT
);

CREATE TABLE recipient_rows (
    campaign_id TEXT NOT NULL,
    submission_id TEXT,
    position BIGINT,
    line BIGINT NOT NULL,
    phone TEXT NOT NULL,
    parts BIGINT NOT NULL,
    encoding TEXT NOT NULL,
    send_at TEXT,
    marketing BIGINT NOT NULL,
    -- NULL: as its request (request_recipients).
    status TEXT,
    reason TEXT,
    warnings TEXT
);

INSERT INTO recipient_rows (campaign_id, submission_id, position, line, phone, parts, encoding,
    send_at, marketing, status, reason, warnings)
SELECT campaign_id, submission_id, position, line, phone, parts, encoding, send_at, marketing,
    status, reason, warnings
FROM recipients;

DROP TABLE recipients;

CREATE INDEX recipients_campaign_line ON recipient_rows (campaign_id, line);
CREATE UNIQUE INDEX recipients_submission_position ON recipient_rows (submission_id, position, phone);
CREATE INDEX recipients_phone ON recipient_rows (phone);

CREATE VIEW recipients AS
SELECT r.campaign_id, r.submission_id, r.position, r.line, r.phone, r.parts, r.encoding,
    r.send_at, r.marketing,
    COALESCE(r.status, q.status, 'pending') AS status,
    CASE WHEN r.status IS NULL THEN q.reason ELSE r.reason END AS reason,
    r.warnings
FROM recipient_rows r
LEFT JOIN request_recipients q ON q.submission_id = r.submission_id;
