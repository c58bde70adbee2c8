-- A recipient is looked up by its number alone (the campaign list's search, the campaigns an
-- opt-out still reaches, a report that names a number): its send time leaves that index (25 bytes
-- a recipient). The frequency cap reads the marketing sends around a time: a partial index holds
-- those alone, so that the cap no longer reads every recipient of the ledger.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
DROP INDEX recipients_phone_send_at;
CREATE INDEX recipients_phone ON recipients (phone);
CREATE INDEX recipients_marketing_send_at ON recipients (send_at) WHERE marketing = 1;
