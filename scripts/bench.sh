#!/usr/bin/env bash
# The 100,000-recipient campaign benchmark (see server/benches/campaign_100k.rs): prints the time of
# the schedule call and the peak memory. Numbers from the development machine are in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo bench -p sms-scheduler-server --bench campaign_100k
