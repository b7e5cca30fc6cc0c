#!/usr/bin/env bash
# The test command (README): installs what the tests need, builds with zero warnings, runs every
# test project, and ends with one line "N passed, N failed[, N skipped]" computed from the TRX results.
# Exit status is non-zero on any build or test failure.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }

step "Pinned tools (Azurite, axe-core) from tools/package-lock.json"
if [ ! -f tools/node_modules/azurite/dist/src/azurite.js ] || [ ! -f tools/node_modules/axe-core/axe.min.js ]; then
  (cd tools && npm ci --no-audit --no-fund) || { echo "npm ci failed in tools/: cannot install Azurite and axe-core"; echo "0 passed, 1 failed"; exit 1; }
fi

if [ -x tools/install-browser.sh ]; then
  step "Chromium for the browser tests"
  tools/install-browser.sh || { echo "Chromium could not be installed (see above)"; echo "0 passed, 1 failed"; exit 1; }
fi

step "Build (warnings are errors)"
if ! dotnet build Petitions.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

step "Tests"
dotnet test Petitions.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 10m -- RunConfiguration.TreatNoTestsAsError=false
status=$?

# Sum the counters of every TRX file: <Counters total=".." executed=".." passed=".." failed=".." ...>
read -r passed failed notrun < <(
  find "$results" -name '*.trx' -print0 | xargs -0 -r grep -ho '<Counters [^>]*>' |
  awk '{
      for (i = 1; i <= NF; i++) {
        split($i, kv, "="); gsub(/"|\/|>/, "", kv[2]);
        if (kv[1] == "passed") p += kv[2];
        if (kv[1] == "failed" || kv[1] == "error" || kv[1] == "timeout" || kv[1] == "aborted") f += kv[2];
        if (kv[1] == "notExecuted") n += kv[2];
      }
    } END { printf "%d %d %d\n", p, f, n }'
)
trx_count=$(find "$results" -name '*.trx' | wc -l)
projects=$(dotnet sln Petitions.sln list | grep -c '\.Tests\.csproj$')
if [ "$trx_count" -lt "$projects" ]; then
  echo "Only $trx_count of $projects test projects produced results (a test host crashed or hung)."
  failed=$((failed + projects - trx_count))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

if [ "$notrun" -gt 0 ]; then
  echo "$passed passed, $failed failed, $notrun skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
