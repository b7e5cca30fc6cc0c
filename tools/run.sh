#!/usr/bin/env bash
# The run command (README): starts the whole system locally with demo data.
# - Installs the pinned Azurite when missing, and starts it (data in .azurite/) when the configured
#   storage is the development account and nothing listens on its ports.
# - Builds the function app (an isolated worker) and runs it under Functions Core Tools (`func start`) when `func`
#   is on PATH, otherwise under the project's local Functions host (hosting/Petitions.LocalHost, docs/runtime.md),
#   on PETITIONS_URLS (default http://localhost:7071).
# Environment: AzureWebJobsStorage (anything but the development account starts no Azurite), PETITIONS_URLS,
# ASPNETCORE_ENVIRONMENT (Development by default: demo letters, /dev routes), Security__FieldEncryptionKey and
# Security__PhoneHashKey (generated once per machine in .azurite/dev-keys.env when unset).
# Ctrl+C stops the app, its worker and the Azurite this script started.
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

# The worker reads its environment name from AZURE_FUNCTIONS_ENVIRONMENT (as in Azure); keep it in step.
export AZURE_FUNCTIONS_ENVIRONMENT="${AZURE_FUNCTIONS_ENVIRONMENT:-$ASPNETCORE_ENVIRONMENT}"
script_root="functions/Petitions.Functions/bin/Release/net10.0"
# Links in SMS and QR codes point at the public address: here, where the app listens (unless set).
export Public__BaseUrl="${Public__BaseUrl:-$urls}"

echo "Building the function app (environment: $ASPNETCORE_ENVIRONMENT)..."
dotnet build functions/Petitions.Functions -c Release -nologo -clp:ErrorsOnly

if command -v func >/dev/null 2>&1; then
  port="${urls##*:}"
  port="${port%%/*}"
  echo "Starting Petitions under Functions Core Tools on port $port..."
  cd "$script_root"
  func host start --port "$port"
else
  echo "Functions Core Tools (func) not found: using the local Functions host (docs/runtime.md)."
  dotnet build hosting/Petitions.LocalHost -c Release -nologo -clp:ErrorsOnly
  echo "Starting Petitions on $urls..."
  dotnet hosting/Petitions.LocalHost/bin/Release/net10.0/Petitions.LocalHost.dll --script-root "$script_root" --urls "$urls"
fi
