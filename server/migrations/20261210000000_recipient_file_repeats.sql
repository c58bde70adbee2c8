-- What an upload found of a file's repeated numbers, kept with it, so that reading the file again
-- (each preview, each of a schedule's passes) needs no table of the numbers seen: the rows that
-- repeat an earlier number (a bit a row, by ordinal), the report of them (the first hundred, and
-- how many more, as JSON), and the region numbers without `+` were read in (another region, and
-- the file's repeats are found again). NULL: a file kept before this was.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
ALTER TABLE recipient_files ADD COLUMN repeat_rows BYTEA;
ALTER TABLE recipient_files ADD COLUMN repeats_report TEXT;
ALTER TABLE recipient_files ADD COLUMN read_in_region TEXT;
