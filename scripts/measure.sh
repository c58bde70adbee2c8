#!/usr/bin/env bash
# Measures the release wasm bundle (raw and gzip) and, with --builds, cold and warm build times.
# Writes nothing; prints a Markdown table to paste into the README.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ "${1:-}" = "--builds" ]; then
  target=$(mktemp -d)
  start=$(date +%s); CARGO_TARGET_DIR=$target cargo leptos build --release >/dev/null 2>&1; cold=$(( $(date +%s) - start ))
  touch app/src/lib.rs
  start=$(date +%s); CARGO_TARGET_DIR=$target cargo leptos build --release >/dev/null 2>&1; warm=$(( $(date +%s) - start ))
  rm -rf "$target"
  echo "| cold release build (empty target dir) | ${cold} s |"
  echo "| warm release build (one app file touched) | ${warm} s |"
fi

pkg=target/site/pkg
for kind in wasm js css; do
  file=$(ls "$pkg"/*."$kind" | head -n 1)
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  echo "| $kind ($(basename "$file")) | $raw B raw | $gz B gzip |"
done
