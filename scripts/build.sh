#!/usr/bin/env bash
# The release build: server and wasm bundle (cargo-leptos), the pages other than the composer
# split into chunks loaded on their first visit (`--split`, Leptos's lazy routes), then the
# bundle's gzip copies made again at gzip's best level. cargo-leptos's own gzip copies are about 18% larger, and gzip is
# what a browser accepts on a plain-HTTP intranet page (it offers Brotli only over HTTPS and on
# localhost).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo leptos build --release --precompress --split
for file in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  gzip -9 --no-name --keep --force "$file"
done
