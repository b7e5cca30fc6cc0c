#!/usr/bin/env bash
# The run command (README): starts the whole system locally with demo data.
# - Installs the pinned Azurite when missing, and starts it (data in .azurite/) when the configured
#   storage is the development account and nothing listens on its ports.
# - Runs the function app standalone on http://localhost:7071 (it plays the Functions host's part).
# Ctrl+C stops the app and the Azurite this script started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
urls="${PETITIONS_URLS:-http://localhost:7071}"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_pid=""
cleanup() {
  if [ -n "$azurite_pid" ]; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

if [ "$AzureWebJobsStorage" = "UseDevelopmentStorage=true" ]; then
  if listening 10000 && listening 10001 && listening 10002; then
    echo "Storage: using the emulator already listening on 127.0.0.1:10000-10002."
  else
    if [ ! -f tools/node_modules/azurite/dist/src/azurite.js ]; then
      echo "Installing Azurite (pinned in tools/package-lock.json)..."
      (cd tools && npm ci --no-audit --no-fund)
    fi
    mkdir -p .azurite
    echo "Starting Azurite (data in .azurite/, log in .azurite/azurite.log)..."
    node tools/node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck \
      --location .azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      >.azurite/azurite.log 2>&1 &
    azurite_pid=$!
    for _ in $(seq 1 300); do
      if listening 10000 && listening 10001 && listening 10002; then break; fi
      if ! kill -0 "$azurite_pid" 2>/dev/null; then
        echo "Azurite exited; see .azurite/azurite.log:"; cat .azurite/azurite.log; exit 1
      fi
      sleep 0.1
    done
    listening 10002 || { echo "Azurite did not start listening within 30 s; see .azurite/azurite.log"; exit 1; }
  fi
fi

# Development keys for field encryption and phone hashes: generated once per machine and kept
# beside the emulator's data (never committed), so the demo data stays readable across runs.
if [ -z "${Security__FieldEncryptionKey:-}" ] || [ -z "${Security__PhoneHashKey:-}" ]; then
  mkdir -p .azurite
  if [ ! -f .azurite/dev-keys.env ]; then
    umask 077
    {
      echo "Security__FieldEncryptionKey=$(head -c 32 /dev/urandom | base64 -w0)"
      echo "Security__PhoneHashKey=$(head -c 32 /dev/urandom | base64 -w0)"
    } > .azurite/dev-keys.env
  fi
  set -a; . .azurite/dev-keys.env; set +a
fi

echo "Building and starting Petitions on $urls (environment: $ASPNETCORE_ENVIRONMENT)..."
dotnet run --project functions/Petitions.Functions -c Release -- --urls "$urls"
