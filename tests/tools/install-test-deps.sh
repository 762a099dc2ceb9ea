#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine; does nothing where it is present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)

need_apt=()
command -v pcscd >/dev/null 2>&1 || need_apt+=(pcscd)
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || need_apt+=(vsmartcard-vpcd)
command -v scriptor >/dev/null 2>&1 || need_apt+=(pcsc-tools)
command -v ipfs_cid >/dev/null 2>&1 || need_apt+=(ipfs-cid)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-test-deps: installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# A package's maintainer script may start a system pcscd; tests start and stop their own.
if pgrep -x pcscd >/dev/null 2>&1; then
  echo "install-test-deps: stopping a pcscd that is already running (tests start their own)"
  pkill -x pcscd || true
  for _ in $(seq 1 50); do pgrep -x pcscd >/dev/null 2>&1 || break; sleep 0.1; done
fi

# js-ipfs for the IPFS node tests (tests/ipfs-node): npm ci from the committed lock file, only when
# node_modules is missing or older than the lock file.
ipfs_node="$repo/tests/ipfs-node"
if [ ! -f "$ipfs_node/node_modules/.package-lock.json" ] || [ "$ipfs_node/package-lock.json" -nt "$ipfs_node/node_modules/.package-lock.json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-test-deps: npm is needed for the IPFS test node (Node.js 20)" >&2
    exit 1
  fi
  echo "install-test-deps: installing the js-ipfs test node (npm ci in tests/ipfs-node)"
  (cd "$ipfs_node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# Kiosk end-to-end tests: headless system Chromium driven by Microsoft.Playwright (no browser download).
if ! [ -x /usr/bin/chromium ]; then
  echo "install-test-deps: installing chromium for the kiosk end-to-end tests"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

# Kiosk accessibility check: axe-core from npm, injected into the pages by the end-to-end tests.
if ! [ -f "$repo/tests/axe/node_modules/axe-core/axe.min.js" ]; then
  echo "install-test-deps: installing axe-core for the kiosk accessibility check"
  (cd "$repo/tests/axe" && npm ci --no-audit --no-fund >/dev/null)
fi

# Ethereum ledger tests: anvil from npm (tests/anvil), and the pinned solc that recompiles the ledger contract
# (src/MedBlocks.Ledger.Ethereum/contracts) to compare with its committed build. npm ci only when node_modules is
# missing or older than the lock file.
for npm_dir in "$repo/tests/anvil" "$repo/src/MedBlocks.Ledger.Ethereum/contracts"; do
  if [ ! -f "$npm_dir/node_modules/.package-lock.json" ] || [ "$npm_dir/package-lock.json" -nt "$npm_dir/node_modules/.package-lock.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "install-test-deps: npm is needed for the Ethereum ledger tests (Node.js 20)" >&2
      exit 1
    fi
    echo "install-test-deps: npm ci in ${npm_dir#"$repo"/}"
    (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done
