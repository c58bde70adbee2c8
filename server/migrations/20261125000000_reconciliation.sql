-- Reconciliation after a crash or a lost answer. Each submission keeps its request as it was sent,
-- so a resend is the very same request (same idempotency key, same texts), and names the instance
-- that may act on it until when, so that two instances never both resend it.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
ALTER TABLE submissions ADD COLUMN request_body TEXT;
ALTER TABLE submissions ADD COLUMN claimed_by TEXT;
ALTER TABLE submissions ADD COLUMN claimed_until TEXT;
