-- The provider's own options chosen for a campaign: Octopush's blacklist, Infobip's flash SMS and
-- validity period (minutes; NULL: Infobip's default). Campaigns recorded before have none.
ALTER TABLE campaigns ADD COLUMN remove_blacklisted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN flash BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN validity_minutes BIGINT;
