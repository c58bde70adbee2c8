#!/usr/bin/env bash
# The release build: server and wasm bundle (cargo-leptos), the pages other than the composer
# split into chunks loaded on their first visit (`--split`, Leptos's lazy routes), each wasm
# file's functions laid out for compression (`scripts/shims/wasm-opt`), then the bundle's gzip
# copies made again with zopfli (gzip's format, found by a slower search: 4.6% smaller
# than `gzip -9`, which is itself 18% smaller than cargo-leptos's own copies). Gzip is what a
# browser accepts on a plain-HTTP intranet page (it offers Brotli only over HTTPS and on localhost).
#
# Nothing is done when nothing the build reads has changed since the last build this script
# finished, and what it made is still there as it made it: `make run` right after `make test`
# starts at once. What the build reads: the files git tracks or would track under the crates,
# styles and assets (and this script), the tools' versions and the build's environment.
# FORCE_BUILD=1 builds anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# cargo-leptos runs the wasm-opt in node_modules/.bin: the shim that lays the functions out for
# compression goes there, in the place of npm's link to binaryen's (which the shim runs).
[ -x node_modules/binaryen/bin/wasm-opt ] \
  || { echo "binaryen's wasm-opt is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
command -v python3 >/dev/null \
  || { echo "python3, which orders the bundle's functions, is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
ln -sfn ../../scripts/shims/wasm-opt node_modules/.bin/wasm-opt

BUILD=(cargo leptos build --release --precompress --split)
STAMP=target/.release-build
BINARY=target/release/sms-scheduler
SITE=target/site

# A hash of everything the build reads (this script included), in a git work tree.
inputs() {
  local files=() existing=() file
  mapfile -d '' files < <(git ls-files -z --cached --others --exclude-standard -- \
    Cargo.toml Cargo.lock .cargo app frontend server style public scripts/build.sh \
    scripts/shims scripts/wasm_order.py)
  for file in "${files[@]}"; do [ -f "$file" ] && existing+=("$file"); done
  [ "${#existing[@]}" -gt 0 ] || return 1
  {
    sha256sum -- "${existing[@]}" </dev/null
    rustc -V
    cargo leptos --version
    wasm-bindgen --version
    wasm-opt --version
    python3 --version
    command -v zopfli
    env | grep -E '^(LEPTOS_|RUSTFLAGS=|RUSTC|CARGO_)' | sort || true
    echo "${BUILD[*]}"
  } | sha256sum | cut -d' ' -f1
}

# A hash of what the build made.
outputs() {
  local files=()
  mapfile -d '' files < <(find "$SITE" -type f -print0 | sort -z)
  sha256sum "$BINARY" "${files[@]}" | sha256sum | cut -d' ' -f1
}

# Outside a git work tree (an exported copy), every build runs.
in_work_tree=false
git rev-parse --is-inside-work-tree >/dev/null 2>&1 && in_work_tree=true

can_skip=false
if [ "${FORCE_BUILD:-0}" = 0 ] && $in_work_tree \
  && [ -f "$STAMP" ] && [ -x "$BINARY" ] && [ -d "$SITE/pkg" ]; then
  read -r stamped_from stamped_made < "$STAMP" || true
  now_from=$(inputs || true)
  if [ -n "$now_from" ] && [ "${stamped_from:-}" = "$now_from" ] && [ "${stamped_made:-}" = "$(outputs)" ]; then
    can_skip=true
  fi
fi
if $can_skip; then
  echo "release build: nothing it reads has changed since the last one ($STAMP); FORCE_BUILD=1 builds anyway"
  exit 0
fi

rm -f "$STAMP"
# Read before building: a file changed while the build runs makes the next one build again.
built_from=""
if $in_work_tree; then built_from=$(inputs || true); fi
"${BUILD[@]}"
for file in "$SITE"/pkg/*.wasm "$SITE"/pkg/*.js "$SITE"/pkg/*.css; do
  zopfli "$file"
done
if [ -n "$built_from" ]; then
  echo "$built_from $(outputs)" > "$STAMP"
fi
