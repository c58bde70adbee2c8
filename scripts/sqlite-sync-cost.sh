#!/usr/bin/env bash
# What SQLite's `synchronous = FULL` costs the ledger over `NORMAL`, both in WAL mode as the server
# runs it: the writes of a 100,000-recipient campaign handed over in 200 requests of 500 (one
# transaction recording the campaign, then one per provider answer moving its 500 recipients and
# adding their events), and 2,000 one-row commits (a claim or a delivery report each). Prints the
# time of each. Needs the sqlite3 command; the database goes in data/ (the default's disk), or $1.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-data}
mkdir -p "$dir"
db="$dir/sync-cost-$$.db"
trap 'rm -f "$db" "$db-wal" "$db-shm"' EXIT

schema="CREATE TABLE recipients (id INTEGER PRIMARY KEY, phone TEXT, status TEXT, batch INTEGER);
CREATE TABLE events (recipient_id INTEGER, status TEXT, occurred_at TEXT);
CREATE TABLE claims (id INTEGER PRIMARY KEY, holder TEXT, until TEXT);"

# The campaign in one transaction, then one transaction per provider answer.
campaign_sql() {
    echo "BEGIN;"
    echo "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
          INSERT INTO recipients SELECT i, '+336' || printf('%08d', i), 'pending', i / 500 FROM n;"
    echo "COMMIT;"
    for batch in $(seq 0 199); do
        echo "BEGIN;
UPDATE recipients SET status = 'scheduled' WHERE batch = $batch;
INSERT INTO events SELECT id, 'scheduled', '2026-12-07T08:00:00Z' FROM recipients WHERE batch = $batch;
COMMIT;"
    done
}

# One small commit at a time, as claims and delivery reports are written.
small_commits_sql() {
    for n in $(seq 1 2000); do
        echo "INSERT OR REPLACE INTO claims VALUES ($((n % 50)), 'instance', '2026-12-07T08:0$((n % 10)):00Z');"
    done
}

measure() {
    local mode=$1 what=$2
    rm -f "$db" "$db-wal" "$db-shm"
    sqlite3 "$db" "PRAGMA journal_mode = WAL;" >/dev/null
    sqlite3 "$db" "$schema"
    local started ended
    started=$(date +%s.%N)
    { echo "PRAGMA synchronous = $mode;"; "$what"; } | sqlite3 "$db" >/dev/null
    ended=$(date +%s.%N)
    printf '%-7s %-18s %6.2f s\n' "$mode" "$what" "$(echo "$ended - $started" | bc)"
}

for what in campaign_sql small_commits_sql; do
    for mode in NORMAL FULL; do
        measure "$mode" "$what"
    done
done
