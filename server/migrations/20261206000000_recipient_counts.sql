-- How many of each campaign's recipients are in each status, by provider request: the ledger's
-- writes keep these in the same transaction as the recipients they move, so that the campaign
-- page and the list read a few rows instead of counting every recipient at each poll.
CREATE TABLE recipient_counts (
    campaign_id TEXT NOT NULL,
    -- The provider request; '' for recipients left out before any request.
    submission_id TEXT NOT NULL,
    status TEXT NOT NULL,
    recipients BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, submission_id, status)
);
-- A campaign's counts by status, read from the index alone.
CREATE INDEX recipient_counts_by_status ON recipient_counts (campaign_id, status, submission_id, recipients);

INSERT INTO recipient_counts (campaign_id, submission_id, status, recipients)
SELECT campaign_id, COALESCE(submission_id, ''), status, COUNT(*) FROM recipients
GROUP BY campaign_id, COALESCE(submission_id, ''), status;

-- A campaign's requests as the operations' rules read them, from the index alone: the rows
-- themselves carry the request's numbers and body, kilobytes each.
CREATE INDEX submissions_due ON submissions (campaign_id, status, id, provider_reference, send_at, created_at);
