-- A campaign's list kept with it, a recorded part at a time, so that it can be scheduled again
-- with its placeholder values and time zones (the recipients' rows keep only the numbers): the
-- part's recipients, sent or left out, as CSV rows `line,phone,<placeholders…>,time_zone`,
-- deflated (domain::list_copy). Campaigns recorded before have none: they are scheduled again
-- with their numbers alone.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE TABLE campaign_list_parts (
    campaign_seq BIGINT NOT NULL,
    part BIGINT NOT NULL,
    list_deflated BYTEA NOT NULL,
    PRIMARY KEY (campaign_seq, part)
);
