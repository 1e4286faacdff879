#!/usr/bin/env bash
# Keeper detection latency: criterion benchmark of the re-evaluation after one pool update in
# markets of 100, 1,000 and 10,000 pools (crates/arb/benches/detect.rs), printed as the
# README's table (written between the BENCH-TABLE markers). Target: <= 50 us per update at
# 10,000 pools. Then the simulation's wall time: 30 simulated days of both paths as
# `scripts/run.sh` runs them (release build), written between the SIM-BENCH markers.
# Target: under 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
log=$(mktemp)
cargo bench --quiet -p pool-bot-arb --bench detect -- --warm-up-time 1 --measurement-time 3 2>&1 | tee "$log" >/dev/null
python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rows = re.findall(r"^(update\S*|rescore\S*)\s+time:\s+\[([^\]]+)\]", text, re.M)
if not rows:
    sys.exit("no benchmark results found:\n" + text[-2000:])
table = ["| benchmark | time (low / estimate / high) |", "|---|---|"]
table += [f"| `{name}` | {times.strip()} |" for name, times in rows]
table = "\n".join(table)
print(table)
start, end = "<!-- BENCH-TABLE:START -->", "<!-- BENCH-TABLE:END -->"
readme = open("README.md").read()
head, rest = readme.split(start, 1)
_, tail = rest.split(end, 1)
open("README.md", "w").write(f"{head}{start}\n{table}\n{end}{tail}")
PY

cargo build --release --quiet -p pool-bot-cli --bin poolbot
start=$(date +%s.%N)
target/release/poolbot simulate --days 30 --seed 1 --quiet >/dev/null
end=$(date +%s.%N)
python3 - "$start" "$end" <<'PY'
import sys
seconds = float(sys.argv[2]) - float(sys.argv[1])
line = f"30 simulated days, both paths (`scripts/run.sh`, release build): {seconds:.1f} s wall (target < 10 s)"
print(line)
start, end = "<!-- SIM-BENCH:START -->", "<!-- SIM-BENCH:END -->"
readme = open("README.md").read()
head, rest = readme.split(start, 1)
_, tail = rest.split(end, 1)
open("README.md", "w").write(f"{head}{start}\n{line}\n{end}{tail}")
PY
