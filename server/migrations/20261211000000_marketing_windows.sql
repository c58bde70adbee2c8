-- The frequency cap reads the marketing sends around a time. It found them through an index of
-- every marketing recipient's send time (about 33 bytes a recipient); it now finds the campaigns
-- whose marketing sends fall around that time (each marketing campaign keeps the first and last
-- of its recipients' send times, widened when a request of it is moved), then their recipients
-- through the (campaign, line) index every campaign already has. A marketing campaign without
-- them (recorded by an earlier version of the app sharing this database) has all its recipients
-- read.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
ALTER TABLE campaigns ADD COLUMN marketing_from TEXT;
ALTER TABLE campaigns ADD COLUMN marketing_until TEXT;
UPDATE campaigns SET
    marketing_from = (SELECT MIN(send_at) FROM recipients
                      WHERE recipients.campaign_id = campaigns.id AND recipients.marketing = 1),
    marketing_until = (SELECT MAX(send_at) FROM recipients
                       WHERE recipients.campaign_id = campaigns.id AND recipients.marketing = 1)
WHERE purpose = 'marketing';
CREATE INDEX campaigns_marketing ON campaigns (purpose, marketing_until, marketing_from, id);
DROP INDEX recipients_marketing_send_at;
