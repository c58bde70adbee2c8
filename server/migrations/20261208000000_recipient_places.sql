-- A recipient's ledger id is no longer stored: it is made from where the recipient stands,
-- `<request>-<position>` (the id Infobip echoes as messageId), or, for one left out before any
-- request, `<campaign>-line<line>-<number's digits>` (`storage::recipients::recipient_id`). The
-- row keeps its position in its request instead, and the text id and its index go (96 of the
-- 509 bytes a recipient took in the database file). The time of a recipient's last move is in its
-- history (recipient_events and submission_events), not in the row.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE TABLE recipients_by_place (
    campaign_id TEXT NOT NULL,
    submission_id TEXT,
    -- Its place among the request's recipients, from 0; NULL: left out before any request.
    position BIGINT,
    line BIGINT NOT NULL,
    phone TEXT NOT NULL,
    parts BIGINT NOT NULL,
    encoding TEXT NOT NULL,
    send_at TEXT,
    marketing BIGINT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    warnings TEXT
);

-- Ids were always `<request>-<position>` for recipients in a request; the cast is guarded all
-- the same (PostgreSQL refuses to cast anything but digits).
INSERT INTO recipients_by_place (campaign_id, submission_id, position, line, phone, parts,
    encoding, send_at, marketing, status, reason, warnings)
SELECT campaign_id, submission_id,
    CASE WHEN submission_id IS NOT NULL
        AND substr(id, 1, length(submission_id) + 1) = submission_id || '-'
        AND length(id) > length(submission_id) + 1
        AND ltrim(substr(id, length(submission_id) + 2), '0123456789') = ''
        THEN CAST(substr(id, length(submission_id) + 2) AS BIGINT) END,
    line, phone, parts, encoding, send_at, marketing, status, reason, warnings
FROM recipients;

DROP TABLE recipients;
ALTER TABLE recipients_by_place RENAME TO recipients;

CREATE INDEX recipients_campaign_line ON recipients (campaign_id, line);
-- A request's recipients, found by position (Infobip's reports) or by number (Octopush's); a row
-- written twice is refused, as the stored id refused it.
CREATE UNIQUE INDEX recipients_submission_position ON recipients (submission_id, position, phone);
CREATE INDEX recipients_phone_send_at ON recipients (phone, send_at);
