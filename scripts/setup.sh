#!/usr/bin/env bash
# Installs what the host side needs: the pinned stable toolchain with clippy and rustfmt.
# (The SBF side installs itself: scripts/build-sbf.sh.) Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup run "$channel" cargo clippy --version >/dev/null 2>&1 \
   || ! rustup run "$channel" rustfmt --version >/dev/null 2>&1; then
  rustup toolchain install "$channel" --profile minimal -c clippy -c rustfmt
fi
