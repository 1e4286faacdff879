#!/usr/bin/env bash
# The main job: the seed pool's whole lifecycle on an embedded in-process chain (LiteSVM
# running the SBF builds of the programs), every step a real transaction.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-sbf.sh >/dev/null
cargo run --quiet -p pool-bot-tests --bin lifecycle
