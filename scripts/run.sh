#!/usr/bin/env bash
# The main job: `poolbot simulate`, the seed pool's whole lifecycle on an embedded in-process
# chain (LiteSVM running the SBF builds): members deposit, a random market moves DEX prices, a
# competing arbitrageur closes gaps, the real keeper and validator agents find, approve and
# execute arbitrage (voted trade by trade, and under a mandate, side by side), profit is split
# between the insurance reserve and the members. Every step is a real transaction.
# Extra arguments go to `poolbot simulate` (e.g. --days 7 --seed 42 --validator-delay 1h
# --json --csv trades.csv, or --delay-curve 1s,1m,1h). A release build: 30 simulated days take
# about a second once built.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-sbf.sh >/dev/null
cargo run --release --quiet -p pool-bot-cli --bin poolbot -- simulate "$@"
