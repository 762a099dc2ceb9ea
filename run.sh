#!/usr/bin/env bash
# Starts the MedBlocks kiosk on its embedded defaults: check-in station, simulated reader with demo
# cards (tap them from the simulator panel), data in .medblocks-kiosk/. Prints the local URL.
#   ./run.sh                      check-in station
#   ./run.sh --Kiosk:Role=Emergency  (any Kiosk:* / CardWorker:* setting on the command line)
#   ./run.sh --pcsc               use PC/SC readers (real readers, or the vpcd virtual reader) instead
#   ./run.sh --cli-demo           the command-line walk-through of the record workflow (tools/cli-demo.sh)
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--cli-demo" ]]; then
  shift
  exec tools/cli-demo.sh "$@"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/MedBlocks.Kiosk -c Release -nologo -clp:ErrorsOnly >/dev/null
args=()
for a in "$@"; do
  if [[ "$a" == "--pcsc" ]]; then args+=("--Kiosk:Reader=Pcsc"); else args+=("$a"); fi
done
url=${KIOSK_URL:-http://127.0.0.1:5080}
data=${KIOSK_DATA:-$PWD/.medblocks-kiosk}
echo "MedBlocks kiosk: $url  (data in $data; staff list at $url/staff/arrivals, user 'staff')"
cd src/MedBlocks.Kiosk
exec dotnet bin/Release/net10.0/MedBlocks.Kiosk.dll --Urls="$url" --Kiosk:DataFolder="$data" "${args[@]}"
