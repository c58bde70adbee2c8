#!/usr/bin/env bash
# The status views on a campaign of 1,000,000 recipients (server/benches/status_views.rs), what
# the app adds to a provider call (server/benches/proxy_overhead.rs), recipient files uploaded and scheduled at
# three sizes (server/benches/recipient_upload.rs), then the 100,000-recipient
# campaign benchmark (see server/benches/campaign_100k.rs): the time of the schedule call and the
# peak memory, with metrics on and off, alternately, RUNS times each (default 3), then the median
# of each. Numbers from the development machine are in the README.
# Last, the same campaign once as a marketing one (SMS_SCHEDULER_BENCH_PURPOSE=marketing): its
# recipients are also kept for the frequency cap, and its database size is printed.
# SMS_SCHEDULER_BENCH_RECIPIENTS sets the size; SMS_SCHEDULER_BENCH_POSTGRES_URL (a PostgreSQL server,
# e.g. what scripts/postgres.sh prints) records the 100,000-recipient campaign there instead of SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
RUNS=${RUNS:-3}
cargo bench -p sms-scheduler-server --bench campaign_100k --no-run
echo "== status views (SMS_SCHEDULER_VIEWS_RECIPIENTS, default 1,000,000)"
SMS_SCHEDULER_BENCH_RECIPIENTS=${SMS_SCHEDULER_VIEWS_RECIPIENTS:-1000000} \
  cargo bench -q -p sms-scheduler-server --bench status_views
echo "== proxy overhead (50 clients; SMS_SCHEDULER_BENCH_CALLS per client and side, default 400)"
cargo bench -q -p sms-scheduler-server --bench proxy_overhead
echo "== recipient files uploaded, then scheduled (SMS_SCHEDULER_BENCH_SIZES, default 10,000, 100,000 and 1,000,000)"
cargo bench -q -p sms-scheduler-server --bench recipient_upload
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
for run in $(seq "$RUNS"); do
  for metrics in on off; do
    echo "== run $run, metrics $metrics"
    SMS_SCHEDULER_BENCH_METRICS=$metrics cargo bench -q -p sms-scheduler-server --bench campaign_100k \
      | tee -a "$OUT"
  done
done
echo
for metrics in on off; do
  awk -v want="$metrics" '/^metrics:/ {now = $2} /^schedule call:/ && now == want {print $3}' "$OUT" \
    | sort -n \
    | awk -v m="$metrics" '{v[NR] = $1}
        END {printf "median schedule call, metrics %s: %.2f s (%d runs)\n", m, v[int((NR + 1) / 2)], NR}'
done
echo "== a marketing campaign of the same size"
SMS_SCHEDULER_BENCH_PURPOSE=marketing cargo bench -q -p sms-scheduler-server --bench campaign_100k \
  | grep -E '^(schedule call|peak memory|database):'
