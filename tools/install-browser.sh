#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/Petitions.Web.Tests drive it with
# Microsoft.Playwright at /usr/bin/chromium). Idempotent: does nothing when it is already there.
# Never runs `playwright install` (that downloads browsers, which this network does not allow).
set -euo pipefail

browser=/usr/bin/chromium

if [ -x "$browser" ]; then
  echo "Chromium is installed: $("$browser" --version 2>/dev/null || echo "$browser")"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n "$0" "$@"
  fi
  echo "Chromium is missing at $browser and installing it needs root." >&2
  echo "Run as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

echo "Installing Chromium from Debian (apt-get install chromium)..."
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update; then
  echo "apt-get update failed: the Debian package registry is unreachable, Chromium cannot be installed." >&2
  exit 1
fi
if ! apt-get install -y --no-install-recommends chromium; then
  echo "apt-get install chromium failed: see the messages above." >&2
  exit 1
fi
if [ ! -x "$browser" ]; then
  echo "apt-get finished but $browser is still missing." >&2
  exit 1
fi
echo "Chromium installed: $("$browser" --version 2>/dev/null || echo "$browser")"
