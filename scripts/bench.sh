#!/usr/bin/env bash
# Keeper detection latency: criterion benchmark of the re-evaluation after one pool update in
# markets of 100, 1,000 and 10,000 pools (crates/arb/benches/detect.rs), printed as the
# README's table (written between the BENCH-TABLE markers). Target: <= 50 us per update at
# 10,000 pools. Then the simulation's wall time: 30 simulated days of both paths as
# `scripts/run.sh` runs them (release build), written between the SIM-BENCH markers.
# Target: under 10 s. Then the keeper's reaction time on the local validator (REACTION-BENCH).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Prints TEXT and writes it into the README between <!-- NAME:START --> and <!-- NAME:END -->.
write_between() {
    python3 - "$1" "$2" <<'PY'
import sys
name, text = sys.argv[1], sys.argv[2].strip()
print(text)
start, end = f"<!-- {name}:START -->", f"<!-- {name}:END -->"
readme = open("README.md").read()
head, rest = readme.split(start, 1)
_, tail = rest.split(end, 1)
open("README.md", "w").write(f"{head}{start}\n{text}\n{end}{tail}")
PY
}

log=$(mktemp)
cargo bench --quiet -p pool-bot-arb --bench detect -- --warm-up-time 1 --measurement-time 3 2>&1 | tee "$log" >/dev/null
table=$(python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rows = re.findall(r"^(update\S*|rescore\S*)\s+time:\s+\[([^\]]+)\]", text, re.M)
if not rows:
    sys.exit("no benchmark results found:\n" + text[-2000:])
table = ["| benchmark | time (low / estimate / high) |", "|---|---|"]
table += [f"| `{name}` | {times.strip()} |" for name, times in rows]
print("\n".join(table))
PY
)
write_between BENCH-TABLE "$table"

cargo build --release --quiet -p pool-bot-cli --bin poolbot
start=$(date +%s.%N)
target/release/poolbot simulate --days 30 --seed 1 --quiet >/dev/null
end=$(date +%s.%N)
seconds=$(python3 -c "print(f'{$end - $start:.1f}')")
write_between SIM-BENCH "30 simulated days, both paths (\`scripts/run.sh\`, release build): $seconds s wall (target < 10 s)"

# The keeper's reaction time on the local validator (tests/src/bin/reaction.rs), subscribed and
# polling.
cargo build --release --quiet -p pool-bot-localnet -p pool-bot-tests --bin poolbot-localnet --bin reaction
write_between REACTION-BENCH "$(target/release/reaction)"
