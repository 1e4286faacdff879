#!/usr/bin/env bash
# The local validator (crates/localnet): JSON-RPC on 127.0.0.1:8899, websocket on 8900, with
# pool_bot and local_amm deployed from target/deploy.
#
#   scripts/localnet.sh [FLAGS]        build if needed and run in the foreground (Ctrl-C stops)
#   scripts/localnet.sh start [FLAGS]  run in the background; returns once getHealth answers ok
#   scripts/localnet.sh stop [--rpc-port P]  stop the background validator on that port (8899)
#
# FLAGS go to poolbot-localnet (--rpc-port, --ws-port, --programs-dir, --program ID=PATH,
# --upgrade-authority, --slot-time-ms, --log-transactions; see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
state=target/localnet
bin=${CARGO_TARGET_DIR:-target}/release/poolbot-localnet
mkdir -p "$state"

build() {
  cargo build --quiet --release -p pool-bot-localnet
  [[ -f target/deploy/pool_bot.so ]] || scripts/build-sbf.sh
}

rpc_port() {
  local port=8899 args=("$@")
  for ((i = 0; i < ${#args[@]}; i++)); do
    [[ ${args[i]} == --rpc-port ]] && port=${args[i + 1]}
    [[ ${args[i]} == --rpc-port=* ]] && port=${args[i]#--rpc-port=}
  done
  echo "$port"
}

healthy() {
  curl -s -m 2 -X POST -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' "http://127.0.0.1:$1" | grep -q '"ok"'
}

case "${1:-run}" in
  start)
    shift
    port=$(rpc_port "$@")
    pidfile=$state/$port.pid log=$state/validator-$port.log
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "a local validator is already running on port $port (pid $(cat "$pidfile")); scripts/localnet.sh stop --rpc-port $port first" >&2
      exit 1
    fi
    build
    # The validator outlives this script: it must not keep the caller's other descriptors
    # (a pipe someone waits on, a lock such as `flock`'s) open.
    (
      for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if ((fd > 2)); then eval "exec $fd>&-"; fi
      done
      exec "$bin" "$@" >"$log" 2>&1 </dev/null
    ) &
    echo $! >"$pidfile"
    for _ in $(seq 1 600); do
      if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        cat "$log" >&2
        rm -f "$pidfile"
        exit 1
      fi
      if grep -q "poolbot-localnet ready" "$log" && healthy "$port"; then
        sed -n '/ready/,/Stop with/p' "$log" | sed '$d'
        echo "  (pid $(cat "$pidfile"), log $log; stop with scripts/localnet.sh stop --rpc-port $port)"
        exit 0
      fi
      sleep 0.2
    done
    echo "the local validator did not become healthy in 120 s; see $log" >&2
    exit 1
    ;;
  stop)
    shift
    port=$(rpc_port "$@")
    pidfile=$state/$port.pid
    if [[ ! -f $pidfile ]]; then
      echo "no local validator on port $port started by this script"
      exit 0
    fi
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    echo "local validator on port $port stopped"
    ;;
  run)
    build
    exec "$bin"
    ;;
  -*)
    build
    exec "$bin" "$@"
    ;;
  *)
    echo "usage: scripts/localnet.sh [start|stop] [FLAGS]" >&2
    exit 2
    ;;
esac
