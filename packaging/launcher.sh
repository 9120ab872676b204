#!/usr/bin/env bash
# Adds StationDesk to the desktop's application menu (freedesktop.org entry, per user), so a
# clerk starts it from the menu; the entry starts the installed program directly, offline.
# Usage: bash packaging/launcher.sh /absolute/path/to/.venv/bin/station-desk
set -euo pipefail
program=$1
icon="$(cd "$(dirname "$0")/.." && pwd)/resources/icons/stationdesk.svg"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
cat > "$apps/stationdesk.desktop" <<ENTRY
[Desktop Entry]
Type=Application
Version=1.0
Name=StationDesk
Name[zh_CN]=文明实践站前台
Comment=Front desk of a civilization practice station
Comment[zh_CN]=新时代文明实践站前台：居民、道德积分、兑换券
Exec="$program"
Icon=$icon
Terminal=false
Categories=Office;
ENTRY
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
