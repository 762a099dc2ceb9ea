#!/usr/bin/env bash
# Builds the contract's ABI and bytecode into build/ with the pinned solc (npm ci from the lock file when
# needed). With --check, compiles into a temporary folder and fails when the committed build/ differs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  node compile.mjs "$out"
  if ! diff -r "$out" build >&2; then
    echo "contracts: build/ differs from what MedBlocksLedger.sol compiles to; run src/MedBlocks.Ledger.Ethereum/contracts/compile.sh and commit build/" >&2
    exit 1
  fi
  echo "contracts: build/ matches MedBlocksLedger.sol compiled with solc $(cat build/solc-version.txt)"
else
  node compile.mjs build
fi
