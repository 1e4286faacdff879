#!/usr/bin/env bash
# Measures compute units per instruction on the SBF build (LiteSVM) and writes the table into
# README.md between the CU-TABLE markers. `--check` fails instead when the README is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(cargo run --quiet -p pool-bot-tests --bin cu_report)
python3 - "$table" "${1:-}" <<'PY'
import sys
table, mode = sys.argv[1], sys.argv[2]
start, end = "<!-- CU-TABLE:START -->", "<!-- CU-TABLE:END -->"
readme = open("README.md").read()
head, rest = readme.split(start, 1)
_, tail = rest.split(end, 1)
updated = f"{head}{start}\n{table}\n{end}{tail}"
if mode == "--check":
    if updated != readme:
        sys.exit("README.md's compute-unit table is stale: run scripts/cu-report.sh")
    print("README compute-unit table is current")
else:
    open("README.md", "w").write(updated)
    print(table)
PY
