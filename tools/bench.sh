#!/usr/bin/env bash
# The benchmarks (docs/benchmarks.md): builds bench/Petitions.Benchmarks in Release with zero warnings and runs every
# benchmark, or those of a filter passed through to BenchmarkDotNet:
#   bash tools/bench.sh                              # all, short job (a few minutes on 2 cores)
#   bash tools/bench.sh --filter '*Sweep*'           # one class
#   bash tools/bench.sh --filter '*Sms*' --job medium
#   PETITIONS_BENCH_HISTORY=20000 bash tools/bench.sh --filter '*Sweep*'   # also with 20,000 closed cases (slow to seed)
# The benchmark program starts its own Azurite (tests/Petitions.TestKit's AzuriteServer). Results are printed and
# written to bench/Petitions.Benchmarks/bin/BenchmarkDotNet.Artifacts/results. Not part of tools/test.sh.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
project="bench/Petitions.Benchmarks"
artifacts="$root/$project/bin/BenchmarkDotNet.Artifacts"

fail() { echo "$*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "The .NET SDK (dotnet) is not installed; the benchmarks need it (see README, Prerequisites)."
command -v node >/dev/null 2>&1 || fail "Node is not installed; the benchmarks need it to run Azurite (see README, Prerequisites)."
if [ ! -f tools/node_modules/azurite/dist/src/azurite.js ]; then
  command -v npm >/dev/null 2>&1 || fail "npm is not installed; it is needed once to install Azurite from tools/package-lock.json."
  (cd tools && npm ci --no-audit --no-fund) || fail "npm ci failed in tools/: Azurite could not be installed."
fi

echo "== Build $project (Release, warnings are errors)"
dotnet build "$project" -c Release -nologo -clp:ErrorsOnly || fail "The benchmark project did not build."
dll="$project/bin/Release/net10.0/Petitions.Benchmarks.dll"
[ -f "$dll" ] || fail "The build gave no $dll."

# Pass the caller's arguments through; default to every benchmark and BenchmarkDotNet's short job.
args=("$@")
has() { local a; for a in "${args[@]}"; do case "$a" in "$1"|"$1"=*) return 0 ;; esac; done; return 1; }
has --filter || has -f || args+=(--filter '*')
has --job || has -j || args+=(--job short)
has --artifacts || has -a || args+=(--artifacts "$artifacts")

echo "== Run: ${args[*]}"
dotnet "$dll" "${args[@]}"
status=$?
if [ "$status" -ne 0 ]; then
  fail "The benchmarks failed (exit status $status); see the log above."
fi
echo "Results: $artifacts/results"
