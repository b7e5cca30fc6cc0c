#!/usr/bin/env bash
# Builds the deployable Functions package (docs/deploy.md): the `dotnet publish` output of the isolated worker,
#   artifacts/publish/Petitions.Functions.dll   (the worker; framework-dependent: Flex Consumption runs dotnet-isolated 10.0)
#   artifacts/publish/functions.metadata        (every function, generated from the [Function] attributes)
#   artifacts/publish/worker.config.json        (how the host starts the worker)
#   artifacts/publish/extensions.json, .azurefunctions/  (the host-side binding extensions: HTTP, queues, timers)
#   artifacts/publish/host.json, wwwroot/
#   artifacts/petitions-functions.zip           (the same, zipped: what azd / zip deploy uploads)
# Options: --output DIR (instead of artifacts/), --no-zip.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts"
zip_it=true
while [ $# -gt 0 ]; do
  case "$1" in
    --output) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    --no-zip) zip_it=false ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

package="$out/publish"
rm -rf "$package"
mkdir -p "$package"

dotnet publish "$root/functions/Petitions.Functions" -c Release -o "$package" -nologo -clp:ErrorsOnly

for required in Petitions.Functions.dll functions.metadata worker.config.json extensions.json host.json wwwroot/index.html; do
  if [ ! -e "$package/$required" ]; then
    echo "The package lacks $required (see $package)" >&2
    exit 1
  fi
done
if [ -e "$package/local.settings.json" ]; then
  echo "local.settings.json (development values) must not be in the package" >&2
  exit 1
fi

if $zip_it; then
  archive="$out/petitions-functions.zip"
  rm -f "$archive"
  if command -v zip >/dev/null 2>&1; then
    (cd "$package" && zip -qr -X "$archive" .)
  else
    (cd "$package" && python3 -m zipfile -c "$archive" ./* ./.azurefunctions)
  fi
  echo "Package: $archive"
fi
echo "Layout: $package"
