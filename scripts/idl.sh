#!/usr/bin/env bash
# Builds the programs' Anchor IDL and TypeScript types into idls/ without the anchor CLI
# (crates/idl). `scripts/idl.sh --check` fails if the committed idls/ are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet -p pool-bot-idl -- "$@"
