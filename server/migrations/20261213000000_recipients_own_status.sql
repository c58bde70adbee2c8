-- The recipients of a request with a status of their own (a report, a refused number), found
-- without reading the request's other recipients: a provider's answer to a request of 500 moves
-- those behind it (storage::recipient_moves), and most requests have none, so the answer's write
-- reads a few index entries instead of its 500 rows. Only such rows are in the index: the
-- recipients of a campaign as it is recorded follow their request, and those left out have no
-- request (rows written before recipients followed their requests keep their own status and are
-- in it).
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE INDEX recipients_own_status ON recipient_rows (submission_id)
    WHERE status IS NOT NULL AND submission_id IS NOT NULL;
