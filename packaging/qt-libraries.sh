#!/usr/bin/env bash
# The system libraries Qt needs on Debian/Ubuntu: installed when run as root, named otherwise.
# With --missing it only prints the missing ones on one line (the offline bundle's install.sh).
set -euo pipefail
qt_libs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
         libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
         libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0)
command -v dpkg-query >/dev/null || exit 0
missing=()
for pkg in "${qt_libs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ "${1:-}" = --missing ]; then echo "${missing[*]}"; exit 0; fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Qt may need: sudo apt-get install ${missing[*]}" >&2
fi
