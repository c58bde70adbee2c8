#!/usr/bin/env bash
# Every test: formatting, clippy, unit and integration tests (PostgreSQL ones when
# SMS_SCHEDULER_TEST_POSTGRES_URL is set), then Playwright against the release build.
# Ends with one line summing what ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT

say() { printf '\n==> %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

say "formatting"
cargo fmt --all -- --check || fail "cargo fmt (run: cargo fmt --all)"

say "clippy, server side"
cargo clippy --release -p sms-scheduler-app -p sms-scheduler-server -p regex-cache -p phonenumber --all-targets -- -D warnings || fail clippy
say "clippy, browser side"
cargo clippy --release -p sms-scheduler-app -p sms-scheduler-frontend --target wasm32-unknown-unknown -- -D warnings \
  || fail "clippy (wasm)"

say "release build (server and wasm bundle)"
scripts/build.sh || fail "release build"

say "the first screen's size"
# The budget: what the composer's first screen loads, at most 300 KB gzip (see the README's
# Measurements, which also say what to look for when a change goes over it).
FIRST_SCREEN_BUDGET=300000
first_screen=$(scripts/measure.sh --first-screen) || fail "measuring the first screen"
echo "first screen: $first_screen B gzip (budget $FIRST_SCREEN_BUDGET B)"
[ "$first_screen" -le "$FIRST_SCREEN_BUDGET" ] \
  || fail "the first screen loads $first_screen B gzip, over its budget of $FIRST_SCREEN_BUDGET B"

say "release archive (the browser tests run it unpacked)"
scripts/dist.sh --no-build || fail "release archive"

if [ -n "${SMS_SCHEDULER_TEST_POSTGRES_URL:-}" ]; then
  say "unit and integration tests (SQLite and PostgreSQL)"
else
  say "unit and integration tests (SQLite; set SMS_SCHEDULER_TEST_POSTGRES_URL for PostgreSQL)"
fi
# The tests and benchmarks build in a target directory of their own: with their dev-dependencies'
# features, cargo would otherwise build the server again over the release build above, and
# `make run` after `make test` would start by rebuilding it.
export CARGO_TARGET_DIR="$PWD/target/tests"
cargo test --release -p sms-scheduler-app -p sms-scheduler-server -p regex-cache -p phonenumber 2>&1 | tee "$LOGS/cargo.log"
cargo_status=${PIPESTATUS[0]}

if [ -n "${SMS_SCHEDULER_TEST_POSTGRES_URL:-}" ]; then
  say "the HTTP integration suite again, each app on a fresh PostgreSQL database"
  # The databases earlier runs made go first.
  for stale in $(psql "$SMS_SCHEDULER_TEST_POSTGRES_URL" -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'sms\_test\_%' OR datname LIKE 'sms\_bench\_%'"); do
    psql "$SMS_SCHEDULER_TEST_POSTGRES_URL" -qc "DROP DATABASE $stale WITH (FORCE)" || true
  done
  SMS_SCHEDULER_TEST_APPS_ON_POSTGRES=1 cargo test --release -p sms-scheduler-server --test api 2>&1 \
    | tee -a "$LOGS/cargo.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || cargo_status=1
fi

say "benchmarks at a small size (1,000 recipients, 8 calls a client, a file of 1,000), so a change that breaks one fails here"
for bench in campaign_100k status_views; do
  env -u SMS_SCHEDULER_BENCH_POSTGRES_URL SMS_SCHEDULER_BENCH_RECIPIENTS=1000 \
    cargo bench -p sms-scheduler-server --bench "$bench" 2>&1 | tee -a "$LOGS/cargo.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || cargo_status=1
done
# The campaign benchmark as a marketing campaign too (its recipients kept for the frequency cap).
env -u SMS_SCHEDULER_BENCH_POSTGRES_URL SMS_SCHEDULER_BENCH_RECIPIENTS=1000 SMS_SCHEDULER_BENCH_PURPOSE=marketing \
  cargo bench -p sms-scheduler-server --bench campaign_100k 2>&1 | tee -a "$LOGS/cargo.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || cargo_status=1
SMS_SCHEDULER_BENCH_CALLS=8 cargo bench -p sms-scheduler-server --bench proxy_overhead 2>&1 | tee -a "$LOGS/cargo.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || cargo_status=1
SMS_SCHEDULER_BENCH_SIZES=1000 cargo bench -p sms-scheduler-server --bench recipient_upload 2>&1 | tee -a "$LOGS/cargo.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || cargo_status=1
if [ -n "${SMS_SCHEDULER_TEST_POSTGRES_URL:-}" ]; then
  # The campaign benchmark's PostgreSQL run, in a database of its own it drops after.
  SMS_SCHEDULER_BENCH_RECIPIENTS=1000 SMS_SCHEDULER_BENCH_POSTGRES_URL="$SMS_SCHEDULER_TEST_POSTGRES_URL" \
    cargo bench -p sms-scheduler-server --bench campaign_100k 2>&1 | tee -a "$LOGS/cargo.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || cargo_status=1
fi

say "how soon the composer is usable, on loopback and on a slow link (2 visits each)"
(cd end2end && BENCH_RUNS=2 npx playwright test --config bench.config.ts --reporter=line) 2>&1 | grep -v WARNING
load_status=${PIPESTATUS[0]}
[ "$load_status" -eq 0 ] || echo "FAILED: the load measurement (end2end/bench)" >&2

say "browser tests (Playwright, Chromium)"
(cd end2end && PLAYWRIGHT_JSON_OUTPUT_NAME="$LOGS/playwright.json" npx playwright test --reporter=list,json)
playwright_status=$?

read -r cargo_passed cargo_failed cargo_ignored < <(awk '/^test result:/ {p += $4; f += $6; i += $8} END {print p+0, f+0, i+0}' "$LOGS/cargo.log")
read -r pw_passed pw_failed < <(node -e '
  try {
    const s = require(process.argv[1]).stats;
    console.log(s.expected + s.flaky, s.unexpected);
  } catch (e) { console.log(0, 1); }' "$LOGS/playwright.json")

echo
echo "cargo test: $cargo_passed passed, $cargo_failed failed, $cargo_ignored ignored (each marked #[ignore] where it is written; why for the vendored phonenumber crate's: vendor/phonenumber/PATCH.md)"
echo "playwright: $pw_passed passed, $pw_failed failed"
[ "$cargo_status" -eq 0 ] && [ "$playwright_status" -eq 0 ] && [ "$load_status" -eq 0 ] || { echo "total: $((cargo_passed + pw_passed)) passed, $((cargo_failed + pw_failed)) failed"; exit 1; }
echo "total: $((cargo_passed + pw_passed)) passed, $((cargo_failed + pw_failed)) failed"
