#!/usr/bin/env bash
# Check the Windows installer: bash packaging/check-windows.sh [--rebuild] [--no-wine]
#
# Builds dist/StationDesk-Setup-<version>.exe when it is missing (or with --rebuild),
# compares its contents (7-Zip) with packaging/windows/expected-manifest.txt, then
# installs and uses it under Wine (packaging/windows/wine-check.sh) unless --no-wine.
set -euo pipefail
cd "$(dirname "$0")/.."
rebuild=0 wine=1
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=1 ;;
    --no-wine) wine=0 ;;
    *) echo "usage: bash packaging/check-windows.sh [--rebuild] [--no-wine]" >&2; exit 2 ;;
  esac
done
version=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
exe=dist/StationDesk-Setup-$version.exe
if [ "$rebuild" = 1 ] || [ ! -f "$exe" ]; then
  bash packaging/build-windows.sh
fi
if ! command -v 7z >/dev/null && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends p7zip-full >/dev/null
fi
command -v 7z >/dev/null || { echo "check-windows: 7z is missing (apt-get install p7zip-full)" >&2; exit 1; }
python3 packaging/windows/manifest.py packaging/windows/expected-manifest.txt "$exe"
if [ "$wine" = 1 ]; then
  bash packaging/windows/wine-check.sh "$exe" "$version"
fi
