#!/usr/bin/env bash
# Rebuilds the reporting store from the case events (docs/reports.md): clears table Reports and projects every case
# again. Runs against the app started by tools/run.sh in Development (POST /dev/reports/rebuild; the /dev routes do
# not exist outside Development). PETITIONS_URLS changes the address (default http://localhost:7071).
set -euo pipefail
base="${PETITIONS_URLS:-http://localhost:7071}"
base="${base%%;*}"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
# The /dev routes are CSRF-protected like the staff routes: load a page for the token cookie, send it back.
curl -fsS -c "$jar" -o /dev/null "$base/"
token="$(awk '$6 == "petitions_csrf" { print $7 }' "$jar")"
curl -fsS -b "$jar" -H "X-CSRF-Token: $token" -H 'Content-Type: application/json' -X POST --data '{}' "$base/dev/reports/rebuild"
echo
