#!/usr/bin/env bash
# Regenerates raw-leaves-fixtures.tsv: the CIDs a real IPFS node (js-ipfs 0.66.1, tests/ipfs-node)
# gives the deterministic fixture content for each size in fixture-sizes.txt, for
#   add --cid-version=1 --raw-leaves=true   (column cid_v1_raw_leaves)
#   add                                     (column cid_v0, dag-pb leaves)
#   add --cid-version=1 --raw-leaves=false  (column cid_v1_dag_pb_leaves)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node_dir="$(cd "$here/../../ipfs-node" && pwd)"
work="$(mktemp -d -t medblocks-fixtures-XXXXXX)"
api="$("$node_dir/start-node.sh" "$work/repo")"
trap 'kill -INT "$(cat "$work/repo/daemon.pid")" 2>/dev/null || true; rm -rf "$work"' EXIT

add() {
  local reply
  reply="$(curl -sS --fail-with-body -X POST -F "file=@$1" "$api/api/v0/add?only-hash=true&pin=false&$2")" ||
    { echo "add?$2 failed: $reply" >&2; exit 1; }
  node -e 'console.log(JSON.parse(process.argv[1]).Hash)' "$reply"
}

version="$(node -e 'console.log(require(process.argv[1]).version)' "$node_dir/node_modules/ipfs/package.json")"
out="$here/raw-leaves-fixtures.tsv"
{
  echo "# CIDs from js-ipfs $version add?only-hash=true for FixtureContent(size); regenerate with generate-raw-leaves-fixtures.sh"
  printf 'size\tcid_v1_raw_leaves\tcid_v0\tcid_v1_dag_pb_leaves\n'
  while read -r size; do
    [[ -z "$size" ]] && continue
    node "$here/fixture-content.mjs" "$size" "$work/content.bin"
    printf '%s\t%s\t%s\t%s\n' "$size" \
      "$(add "$work/content.bin" 'cid-version=1&raw-leaves=true&cid-base=base32')" \
      "$(add "$work/content.bin" 'cid-version=0')" \
      "$(add "$work/content.bin" 'cid-version=1&raw-leaves=false&cid-base=base32')"
  done <"$here/fixture-sizes.txt"
} >"$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
