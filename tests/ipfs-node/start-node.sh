#!/usr/bin/env bash
# Starts an offline js-ipfs node for tests and prints its RPC API address (http://127.0.0.1:PORT).
# Usage: start-node.sh [IPFS_PATH]   (default: a new temporary directory)
# The daemon's pid is written to $IPFS_PATH/daemon.pid; stop it with: kill -INT "$(cat "$IPFS_PATH/daemon.pid")"
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ! -x "$here/node_modules/.bin/jsipfs" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

export IPFS_PATH="${1:-$(mktemp -d -t medblocks-ipfs-XXXXXX)}"
mkdir -p "$IPFS_PATH"
jsipfs=(node --require "$here/polyfill.cjs" "$here/node_modules/ipfs/src/cli.js")

if [[ ! -f "$IPFS_PATH/config" ]]; then
  "${jsipfs[@]}" init --profile test >"$IPFS_PATH/init.log" 2>&1
  "${jsipfs[@]}" config Addresses.RPC /ip4/127.0.0.1/tcp/0 >>"$IPFS_PATH/init.log" 2>&1
  "${jsipfs[@]}" config Addresses.Gateway /ip4/127.0.0.1/tcp/0 >>"$IPFS_PATH/init.log" 2>&1
fi
rm -f "$IPFS_PATH/api"

"${jsipfs[@]}" daemon --offline --enable-preload=false >"$IPFS_PATH/daemon.log" 2>&1 &
pid=$!
echo "$pid" >"$IPFS_PATH/daemon.pid"

for _ in $(seq 1 300); do
  if [[ -s "$IPFS_PATH/api" ]]; then
    # The file holds a multiaddr such as /ip4/127.0.0.1/tcp/45123/http.
    IFS=/ read -r _ _ host _ port _ <"$IPFS_PATH/api" || true
    echo "http://$host:$port"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "js-ipfs daemon exited; see $IPFS_PATH/daemon.log" >&2
    cat "$IPFS_PATH/daemon.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "js-ipfs daemon did not publish its API address within 30 s; see $IPFS_PATH/daemon.log" >&2
kill -INT "$pid" 2>/dev/null || true
exit 1
