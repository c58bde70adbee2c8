#!/usr/bin/env bash
# The crash test at a size of your choosing: for each provider, TRIALS campaigns of RECIPIENTS
# handed by the real server binary to `sms-scheduler sandbox` (another process), the server killed
# with SIGKILL at random points and restarted. Prints, per provider, the trials, kills, campaigns
# recorded, recipients, duplicates and missing recipients, and the seed that replays the run.
#   scripts/crash-trials.sh [TRIALS] [RECIPIENTS] [SEED]   (defaults: 10 trials of 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export SMS_SCHEDULER_CRASH_TRIALS=${1:-10}
export SMS_SCHEDULER_CRASH_RECIPIENTS=${2:-20000}
if [ -n "${3:-}" ]; then export SMS_SCHEDULER_CRASH_SEED=$3; fi
cargo test --release -p sms-scheduler-server --test api crash:: -- --nocapture --test-threads=1 2>&1 \
  | grep -oE 'crash trials.*|panicked.*|^test result.*'
