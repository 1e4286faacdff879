#!/usr/bin/env bash
# The project's test command (README, CI): build the programs to SBF, check formatting, lints
# and the committed IDL, run every test against the built .so files (in process, then over
# JSON-RPC against the local validator), and check that the README's compute-unit table is
# what the programs measure today.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}   # CI builds once: incremental data only costs disk
export RUST_LOG=${RUST_LOG:-error}   # solana-program-test logs every instruction at debug level
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "toolchains"
scripts/setup.sh
step "SBF build"
scripts/build-sbf.sh
step "format"
cargo fmt --all --check
step "lint"
cargo clippy --workspace --all-targets --quiet -- -D warnings
step "IDL"
scripts/idl.sh --check
step "local validator (release build, the binary scripts/localnet.sh runs)"
cargo build --release --quiet -p pool-bot-localnet
cargo test --release --quiet -p pool-bot-localnet
step "tests (in process, and over JSON-RPC against the local validator: tests/tests/localnet.rs)"
cargo test --workspace --exclude pool-bot-localnet --quiet
step "TypeScript: install, types, format"
source scripts/node-env.sh
npm ci --prefer-offline --no-audit --no-fund
sha256sum package-lock.json | cut -d" " -f1 >node_modules/.poolbot-lock # scripts/app-test.sh installs again only when the lock changes
npm run --silent typecheck
npm run --silent lint
step "TypeScript SDK tests against the local validator"
# web3.js derives the websocket port as the RPC port + 1.
scripts/localnet.sh start --rpc-port 8999 --ws-port 9000
trap 'scripts/localnet.sh stop --rpc-port 8999' EXIT
ANCHOR_PROVIDER_URL=http://127.0.0.1:8999 npm test
step "web app: types, unit tests, build, browser tests (headless Chromium)"
POOLBOT_RPC_URL=http://127.0.0.1:8999 POOLBOT_SCREENSHOTS=$PWD/target/app-screenshots scripts/app-test.sh
scripts/localnet.sh stop --rpc-port 8999
trap - EXIT
step "compute units in README"
scripts/cu-report.sh --check
step "done"
