#!/usr/bin/env bash
# Runs every test of MedBlocks Kiosk: installs what the tests need, builds, runs all test projects,
# and ends with one summary line "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

tests/tools/install-test-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build MedBlocks.Kiosk.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test MedBlocks.Kiosk.sln -c Release --no-build --nologo \
  --blame-hang-timeout 5m -- RunConfiguration.TreatNoTestsAsError=false 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-assembly result lines that the test runner prints.
awk '
  /(Passed|Failed)!  *- *Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
