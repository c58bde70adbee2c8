-- The provider request kept with each submission (for a resend after a lost answer) is stored
-- deflated: it repeats the same keys for every recipient, and was the ledger's largest part
-- after the recipients' rows (55 bytes a recipient as text, a fifth of that deflated).
-- Requests recorded before keep their text in request_body, which new ones leave empty.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
ALTER TABLE submissions ADD COLUMN request_deflated BYTEA;
