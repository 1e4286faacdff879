#!/usr/bin/env bash
# The main job: `poolbot simulate`, the seed pool's whole lifecycle on an embedded in-process
# chain (LiteSVM running the SBF builds): members deposit, a random market moves DEX prices,
# the real keeper and validator agents find, approve and execute arbitrage, profit is split
# between the insurance reserve and the members. Every step is a real transaction.
# Extra arguments go to `poolbot simulate` (e.g. --days 7 --seed 42 --json --csv trades.csv).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-sbf.sh >/dev/null
cargo run --quiet -p pool-bot-cli --bin poolbot -- simulate "$@"
