#!/usr/bin/env bash
# Runs MedBlocks on its embedded defaults (SQLite ledger, local content-addressed record store;
# no hardware, no external service): creates demo participants in a demo home folder and walks
# through the whole record workflow. Afterwards, use the same folder by hand:
#   MEDBLOCKS_HOME=.medblocks-demo dotnet src/MedBlocks.Cli/bin/Release/net10.0/medblocks.dll --help
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/MedBlocks.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
medblocks() { dotnet src/MedBlocks.Cli/bin/Release/net10.0/medblocks.dll "$@"; }

export MEDBLOCKS_HOME=${MEDBLOCKS_HOME:-$PWD/.medblocks-demo}
# Demo only: the passphrase comes from the environment so the walk-through runs unattended.
export MEDBLOCKS_PASSPHRASE=${MEDBLOCKS_PASSPHRASE:-demo passphrase, not for real use}
rm -rf "$MEDBLOCKS_HOME"
mkdir -p "$MEDBLOCKS_HOME"
key() { echo "$MEDBLOCKS_HOME/$1.key.json"; }
address() { medblocks info --key "$(key "$1")" --json | sed -n 's/.*"address": "\(.*\)".*/\1/p'; }

step() { printf '\n== %s\n' "$*"; }

step "Participants: a lab, a patient, a doctor and the emergency service, each declared on the ledger"
for who in lab:lab patient:patient doctor:practitioner ambulance:emergency; do
  name=${who%%:*}; role=${who##*:}
  medblocks participant create --role "$role" --key "$(key "$name")" | head -n 1
  medblocks register --key "$(key "$name")"
done
patient=$(address patient); doctor=$(address doctor); ambulance=$(address ambulance)
medblocks emergency pin "$ambulance"

step "The lab adds an emergency-tagged record for the patient"
printf 'Blood group: O negative\nAllergy: penicillin (anaphylaxis)\n' > "$MEDBLOCKS_HOME/summary.txt"
hash=$(medblocks add "$MEDBLOCKS_HOME/summary.txt" --patient "$patient" --emergency --key "$(key lab)" --json \
  | sed -n 's/.*"hash": "\(.*\)".*/\1/p')
medblocks list --patient "$patient"

step "The patient reads it"
medblocks get "$hash" --key "$(key patient)"

step "The doctor cannot read it yet"
medblocks get "$hash" --key "$(key doctor)" || true

step "The patient grants the doctor access; the doctor reads it"
medblocks permit "$hash" --to "$doctor" --key "$(key patient)"
medblocks get "$hash" --key "$(key doctor)"

step "The patient refuses the record (history is kept)"
medblocks refuse "$hash" --key "$(key patient)"

step "The emergency service reads it with its own key; the read is audited on the ledger"
medblocks get "$hash" --reason "unconscious on arrival" --key "$(key ambulance)"

step "The whole ledger verifies"
medblocks ledger verify

printf '\nDemo data is in %s\n' "$MEDBLOCKS_HOME"
