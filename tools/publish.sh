#!/usr/bin/env bash
# Builds the deployable Functions package (docs/runtime.md):
#   artifacts/publish/host.json
#   artifacts/publish/<FunctionName>/function.json    (one folder per function)
#   artifacts/publish/bin/Petitions.Functions          (the custom handler, self-contained linux-x64)
#   artifacts/petitions-functions.zip                 (the same, zipped for deployment)
# Options: --framework-dependent (no runtime in bin/: faster, for tests), --output DIR (instead of artifacts/),
#          --no-zip.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts"
self_contained=true
zip_it=true
while [ $# -gt 0 ]; do
  case "$1" in
    --framework-dependent) self_contained=false ;;
    --output) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    --no-zip) zip_it=false ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

package="$out/publish"
rm -rf "$package"
mkdir -p "$package"

if $self_contained; then
  runtime_args=(-r linux-x64 --self-contained true)
else
  runtime_args=(--self-contained false)
fi

dotnet publish "$root/functions/Petitions.Functions" -c Release "${runtime_args[@]}" -o "$package/bin" -nologo -clp:ErrorsOnly

cp "$root/host.json" "$package/host.json"
for definition in "$root"/functions/Petitions.Functions/Functions/*/function.json; do
  name="$(basename "$(dirname "$definition")")"
  mkdir -p "$package/$name"
  cp "$definition" "$package/$name/function.json"
done

executable="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["customHandler"]["description"]["defaultExecutablePath"])' "$package/host.json")"
if [ ! -x "$package/$executable" ]; then
  echo "host.json points at $executable, which is not an executable file in $package" >&2
  exit 1
fi

if $zip_it; then
  archive="$out/petitions-functions.zip"
  rm -f "$archive"
  if command -v zip >/dev/null 2>&1; then
    (cd "$package" && zip -qr -X "$archive" .)
  else
    (cd "$package" && python3 -m zipfile -c "$archive" ./*)
  fi
  echo "Package: $archive"
fi
echo "Layout: $package"
