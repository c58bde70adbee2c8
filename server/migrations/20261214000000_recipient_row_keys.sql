-- A recipient's row names its campaign and its provider request by integer keys instead of their
-- 36-character ids: every row repeated both, and its two largest indexes too (about half of a
-- campaign's database, and of the time its recording takes; README, "Recipients keyed by
-- number"). Readers still see both ids in the `recipients` view.
-- - `campaigns.seq`: numbered in order of creation; the next is taken from `campaign_seq_counter`
--   (storage::campaigns), in a statement of its own, so that instances sharing a database never
--   wait on one another for it.
-- - `submissions.seq`: a campaign's requests are numbered from its own: its seq × 2^32 + the
--   request's number in the campaign, from 1 (storage::campaign_recording). A request outside any
--   campaign has no recipients' rows and no seq.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
ALTER TABLE campaigns ADD COLUMN seq BIGINT;
CREATE TABLE campaign_seqs AS
SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS seq FROM campaigns;
CREATE UNIQUE INDEX campaign_seqs_id ON campaign_seqs (id);
UPDATE campaigns SET seq = (SELECT n.seq FROM campaign_seqs n WHERE n.id = campaigns.id);
DROP TABLE campaign_seqs;
CREATE UNIQUE INDEX campaigns_seq ON campaigns (seq);

CREATE TABLE campaign_seq_counter (last_seq BIGINT NOT NULL);
INSERT INTO campaign_seq_counter (last_seq) SELECT COALESCE(MAX(seq), 0) FROM campaigns;

ALTER TABLE submissions ADD COLUMN seq BIGINT;
CREATE TABLE submission_seqs AS
SELECT s.id, c.seq * 4294967296
    + ROW_NUMBER() OVER (PARTITION BY s.campaign_id ORDER BY s.created_at, s.id) AS seq
FROM submissions s JOIN campaigns c ON c.id = s.campaign_id;
CREATE UNIQUE INDEX submission_seqs_id ON submission_seqs (id);
UPDATE submissions SET seq = (SELECT n.seq FROM submission_seqs n WHERE n.id = submissions.id);
DROP TABLE submission_seqs;
CREATE UNIQUE INDEX submissions_seq ON submissions (seq);

DROP VIEW recipients;

-- Every row's campaign and request were recorded with it, in one transaction. Should one be
-- missing all the same, the migration stops (a NOT NULL refused) and the ledger stays as it was,
-- rather than a row being lost or taken for one left out before any request.
CREATE TABLE recipient_rows_unkeyed (request_seq BIGINT NOT NULL);
INSERT INTO recipient_rows_unkeyed (request_seq)
SELECT s.seq FROM recipient_rows r LEFT JOIN submissions s ON s.id = r.submission_id
WHERE r.submission_id IS NOT NULL AND s.seq IS NULL;
DROP TABLE recipient_rows_unkeyed;

CREATE TABLE recipient_rows_keyed (
    campaign_seq BIGINT NOT NULL,
    -- NULL: left out before any request.
    request_seq BIGINT,
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

INSERT INTO recipient_rows_keyed (campaign_seq, request_seq, position, line, phone, parts,
    encoding, send_at, marketing, status, reason, warnings)
SELECT c.seq, s.seq, r.position, r.line, r.phone, r.parts, r.encoding, r.send_at, r.marketing,
    r.status, r.reason, r.warnings
FROM recipient_rows r
LEFT JOIN campaigns c ON c.id = r.campaign_id
LEFT JOIN submissions s ON s.id = r.submission_id;

DROP TABLE recipient_rows;
ALTER TABLE recipient_rows_keyed RENAME TO recipient_rows;

CREATE INDEX recipients_campaign_line ON recipient_rows (campaign_seq, line);
CREATE UNIQUE INDEX recipients_submission_position ON recipient_rows (request_seq, position, phone);
CREATE INDEX recipients_phone ON recipient_rows (phone);
CREATE INDEX recipients_own_status ON recipient_rows (request_seq)
    WHERE status IS NOT NULL AND request_seq IS NOT NULL;

-- Both keys are shown too, for reads that find rows by them.
CREATE VIEW recipients AS
SELECT c.id AS campaign_id, s.id AS submission_id, r.campaign_seq, r.request_seq, r.position,
    r.line, r.phone, r.parts, r.encoding, r.send_at, r.marketing,
    COALESCE(r.status, q.status, 'pending') AS status,
    CASE WHEN r.status IS NULL THEN q.reason ELSE r.reason END AS reason,
    r.warnings
FROM recipient_rows r
JOIN campaigns c ON c.seq = r.campaign_seq
LEFT JOIN submissions s ON s.seq = r.request_seq
LEFT JOIN request_recipients q ON q.submission_id = s.id;
