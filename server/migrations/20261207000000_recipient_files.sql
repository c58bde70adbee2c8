-- Recipient lists uploaded as files (`POST …/recipient-files`), kept for a day so that the
-- composer can preview and schedule them by id instead of sending the whole list each time.
-- In the app's own database so that every instance on one PostgreSQL can read them.
CREATE TABLE recipient_files (
    id TEXT PRIMARY KEY,
    -- Who uploaded it: only they may use it.
    owner TEXT NOT NULL,
    -- The file's name on the uploader's machine, for display.
    name TEXT NOT NULL,
    -- RFC 3339, UTC; files older than a day are deleted.
    created_at TEXT NOT NULL,
    -- Set once every part is written: until then the file cannot be used.
    finished_at TEXT,
    bytes BIGINT NOT NULL
);
CREATE INDEX recipient_files_created ON recipient_files (created_at);

-- The file's bytes, as received, in parts of about a megabyte, in order.
CREATE TABLE recipient_file_parts (
    file_id TEXT NOT NULL,
    part BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (file_id, part)
);
