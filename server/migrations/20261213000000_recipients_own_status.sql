-- The recipients of a request with a status of their own (a report, a refused number, or left
-- out), found without reading the request's other recipients: a provider's answer to a request
-- of 500 moves those behind it (storage::recipient_moves), and most requests have none, so the
-- answer's write reads a few index entries instead of its 500 rows. Only rows with a status of
-- their own are in the index, so recording a campaign (its recipients follow their requests)
-- does not write to it.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE INDEX recipients_own_status ON recipient_rows (submission_id) WHERE status IS NOT NULL;
