#!/usr/bin/env bash
# The release archive: the server binary, the built site, the example configuration, a systemd unit
# and INSTALL.md, in `dist/sms-scheduler-<version>-<arch>-linux.tar.gz`, to run on a Debian machine
# with neither Rust nor Node. Builds first unless `--no-build` (the build is already there).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

[ "${1:-}" = "--no-build" ] || scripts/build.sh
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
NAME="sms-scheduler-$VERSION-$(uname -m)-linux"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
ROOT="$STAGE/$NAME"
mkdir -p "$ROOT"
install -m 0755 target/release/sms-scheduler "$ROOT/sms-scheduler"
cp -R target/site "$ROOT/site"
cp sms-scheduler.example.toml "$ROOT/sms-scheduler.example.toml"
cp dist-files/sms-scheduler.service dist-files/INSTALL.md "$ROOT/"
mkdir -p dist
tar -C "$STAGE" -czf "dist/$NAME.tar.gz" "$NAME"
ln -sf "$NAME.tar.gz" dist/sms-scheduler.tar.gz
echo "dist/$NAME.tar.gz"
