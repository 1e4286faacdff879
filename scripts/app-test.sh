#!/usr/bin/env bash
# The web app's checks (app/): install, types, format, unit tests, the production build, then
# the browser tests in headless Chromium against a local validator with the localnet pool made
# by real transactions (migrations/deploy.ts and app/e2e/fixture.ts).
#
#   scripts/app-test.sh
#
# POOLBOT_RPC_URL  the validator (default http://127.0.0.1:8999). If nothing answers there, this
#                  script starts one with scripts/localnet.sh on that port (and the next, for
#                  the websocket) and stops it at the end.
# POOLBOT_CHROMIUM the browser (default /usr/bin/chromium; installed with apt-get if absent).
# POOLBOT_SCREENSHOTS where page screenshots go (default app/screenshots/, the committed set;
#                  scripts/test.sh writes them to target/app-screenshots/ instead).
#
# Installs what is missing (Debian's chromium, the npm workspaces: `npm ci` at the root installs
# sdk/, app/ and the tests in one node_modules/) and nothing else; safe to run again against the
# same validator.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/node-env.sh
export POOLBOT_RPC_URL=${POOLBOT_RPC_URL:-http://127.0.0.1:8999}
export POOLBOT_CHROMIUM=${POOLBOT_CHROMIUM:-/usr/bin/chromium}
began=$(date +%s)
step() { printf '\n== app: %s (%s, +%ss)\n' "$1" "$(date +%T)" "$(($(date +%s) - began))"; }

work=$(mktemp -d)
preview_pid=""
started_validator=""
cleanup() {
  [[ -n $preview_pid ]] && kill "$preview_pid" 2>/dev/null || true
  [[ -n $started_validator ]] && (cd "$root" && scripts/localnet.sh stop --rpc-port "$port") || true
  rm -rf "$work"
}
trap cleanup EXIT

step "Node and Chromium"
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' || {
  echo "app: Node >= 20.19 is needed (Vite 8); scripts/setup.sh installs Node 20.20 under ~/.cache/poolbot" >&2
  exit 1
}
node --version
if [[ ! -x $POOLBOT_CHROMIUM ]]; then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
"$POOLBOT_CHROMIUM" --version 2>/dev/null

step "install (npm ci at the root when package-lock.json changed)"
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f node_modules/.poolbot-lock ]] || [[ $(cat node_modules/.poolbot-lock) != "$lock_hash" ]]; then
  npm ci --prefer-offline --no-audit --no-fund
  echo "$lock_hash" >node_modules/.poolbot-lock
else
  echo "node_modules matches package-lock.json"
fi
cd app

step "types, format, unit tests"
npm run --silent typecheck
npm run --silent lint
npm test

step "production build"
npm run --silent build

step "validator at $POOLBOT_RPC_URL"
healthy() {
  curl -s -m 2 -X POST -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' "$POOLBOT_RPC_URL" | grep -q '"ok"'
}
if healthy; then
  echo "a validator answers at $POOLBOT_RPC_URL"
else
  port=$(node -e 'const u = new URL(process.argv[1]); if (!["127.0.0.1", "localhost"].includes(u.hostname)) process.exit(1); console.log(u.port || 80)' "$POOLBOT_RPC_URL") || {
    echo "nothing answers at $POOLBOT_RPC_URL, and it is not on this machine to start one there" >&2
    exit 1
  }
  (cd "$root" && scripts/localnet.sh start --rpc-port "$port" --ws-port "$((port + 1))")
  started_validator=1
fi

step "localnet state by real transactions (migration + fixture)"
node --conditions=source --import tsx e2e/fixture.ts --url "$POOLBOT_RPC_URL" --json "$work/fixture.json"

step "serve the build (vite preview)"
app_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
"$root/node_modules/.bin/vite" preview --host 127.0.0.1 --port "$app_port" --strictPort >"$work/preview.log" 2>&1 &
preview_pid=$!
export POOLBOT_APP_URL=http://127.0.0.1:$app_port
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "$POOLBOT_APP_URL/" && break
  kill -0 "$preview_pid" 2>/dev/null || {
    cat "$work/preview.log" >&2
    exit 1
  }
  sleep 0.1
done
echo "serving $POOLBOT_APP_URL"

step "browser tests (headless Chromium)"
POOLBOT_FIXTURE=$work/fixture.json npm run --silent e2e

step "done: screenshots in ${POOLBOT_SCREENSHOTS:-app/screenshots}/"
