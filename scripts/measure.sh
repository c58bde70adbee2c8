#!/usr/bin/env bash
# Measures the release wasm bundle (raw and gzip); with --builds, cold and warm build times; with
# --load, how soon the composer is usable after navigation (Chromium on loopback and on a slow
# link, the release build as `make build` leaves it); with --shell (and nothing else), what the
# app costs before any page is drawn; with --first-screen (and nothing else), the bytes the first
# screen loads, gzip. Writes nothing but build caches; prints Markdown tables to paste into the README.
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

if [ "${1:-}" = "--shell" ]; then
  # What the app costs before any page is drawn (the frame, the router, both languages, the
  # server-function client): built again with the composer, too, in a chunk of its own
  # (feature lazy-composer), into a site of its own, and only its first-load files measured.
  site=$(mktemp -d)
  LEPTOS_SITE_ROOT=$site cargo leptos build --release --split --frontend-only --lib-features lazy-composer >/dev/null 2>&1
  wasm=$(ls "$site"/pkg/sms-scheduler.*.wasm | head -n 1)
  js=$(ls "$site"/pkg/sms-scheduler.*.js | head -n 1)
  raw=$(( $(stat -c %s "$wasm") + $(stat -c %s "$js") ))
  gzip=$(( $(gzip -9 --no-name -c "$wasm" | wc -c) + $(gzip -9 --no-name -c "$js" | wc -c) ))
  rm -rf "$site"
  echo "| the app's shell, no page drawn (wasm + JS loaded first) | $raw B | $gzip B |"
  exit 0
fi

if [ "${1:-}" = "--first-screen" ]; then
  # What the composer's first screen loads, gzip as served (the wasm, the JS glue and the
  # wasm-split loader it imports, the CSS of the release build): one number, in bytes.
  total=0
  for file in target/site/pkg/sms-scheduler.*.wasm.gz target/site/pkg/sms-scheduler.*.js.gz \
    target/site/pkg/__wasm_split.*.js.gz target/site/pkg/sms-scheduler.*.css.gz; do
    total=$((total + $(stat -c %s "$file")))
  done
  echo "$total"
  exit 0
fi

if [ "${1:-}" = "--load" ]; then
  (cd end2end && npx playwright test --config bench.config.ts --reporter=line) | grep '^|\|^composer'
fi

# Sizes of what the server sends: the raw file, and the precompressed copies. The app's own files
# load first; the split chunks load when a page other than the composer is first visited.
pkg=target/site/pkg
size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo "-"; fi; }
total() { local sum=0 f; for f in "$@"; do [ -f "$f" ] && sum=$((sum + $(stat -c %s "$f"))); done; echo "$sum"; }
echo "| file | raw | gzip (served) | brotli (served) |"
echo "|---|---|---|---|"
for kind in wasm js css; do
  file=$(ls "$pkg"/sms-scheduler.*."$kind" | head -n 1)
  echo "| $kind (first load) | $(size "$file") B | $(size "$file.gz") B | $(size "$file.br") B |"
done
chunks=$(ls "$pkg"/*.wasm "$pkg"/__wasm_split*.js 2>/dev/null | grep -v '/sms-scheduler\.' || true)
if [ -n "$chunks" ]; then
  # shellcheck disable=SC2086
  echo "| split chunks ($(echo $chunks | wc -w) files, after the first screen) | $(total $chunks) B | $(total $(printf '%s.gz ' $chunks)) B | $(total $(printf '%s.br ' $chunks)) B |"
fi

# What each part loaded after the first screen fetches: its own chunk and the chunks it shares
# with other parts (from wasm-split's manifest), gzip.
manifest=$(ls "$pkg"/__wasm_split_manifest.*.json 2>/dev/null | head -n 1 || true)
if [ -n "$manifest" ]; then
  echo
  echo "| part loaded after the first screen | files | gzip |"
  echo "|---|---|---|"
  node -e '
    const fs = require("fs"), path = require("path");
    const [manifest, pkg] = process.argv.slice(1);
    for (const [part, chunks] of Object.entries(JSON.parse(fs.readFileSync(manifest, "utf8")))) {
      const gzip = chunks.reduce((sum, c) => sum + fs.statSync(path.join(pkg, c + ".wasm.gz")).size, 0);
      // Names end with a hash of where the part is declared.
      console.log(`| ${part.replace(/^_+/, "").replace(/_\d+$/, "")} | ${chunks.length} | ${gzip} B |`);
    }' "$manifest" "$pkg"
fi
