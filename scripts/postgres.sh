#!/usr/bin/env bash
# Installs (if needed) and starts Debian's PostgreSQL, and creates a database for the storage tests.
# Prints the URL to export as SMS_SCHEDULER_TEST_POSTGRES_URL. Needs root (CI runs as root).
set -euo pipefail
DB=${1:-sms_scheduler_test}
# Only the URL goes to stdout: everything the tools print goes to stderr.
exec 3>&1 1>&2

if ! command -v pg_ctlcluster >/dev/null || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  apt-get update -qq >&2
  # Installing starts the server: it too must not inherit this script's output (see below).
  LOG=$(mktemp)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql </dev/null >"$LOG" 2>&1 3>&- \
    || { cat "$LOG"; exit 1; }
  rm -f "$LOG"
fi
VERSION=$(ls /etc/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  # The server must not inherit this script's output: a caller reading it with $(...) would wait for the
  # server to close it, that is, forever. The server's own log is in /var/log/postgresql.
  LOG=$(mktemp)
  pg_ctlcluster "$VERSION" main start </dev/null >"$LOG" 2>&1 3>&- || { cat "$LOG"; exit 1; }
  rm -f "$LOG"
fi
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'root'\"" | grep -q 1 \
  || su postgres -c "psql -qc 'CREATE ROLE root SUPERUSER LOGIN'" >&2
psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 || createdb "$DB"
echo "postgres:///$DB?host=/var/run/postgresql" >&3
