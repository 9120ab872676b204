#!/usr/bin/env bash
# The station's side of packaging/check-linux.sh, run by it in a network namespace with no
# network, as an ordinary user whose HOME is a fresh folder: install (over an older version
# when OLD_BUNDLE is given), the command line, the window under Xvfb, the upgrade with data
# present, the uninstall. Every step says what it checks; the first failure stops it.
# Usage: check-offline.sh NEW_BUNDLE_DIR [OLD_BUNDLE_DIR] SHOTS_DIR
set -euo pipefail
new=$1; old=${2:-}; shots=$3
version=$(sed -n 's/^VERSION=//p' "$new/install.sh")
share=$HOME/.local/share
program=$share/station-desk-program
data=$share/StationDesk
export STATION_DESK_PASSWORD=Check-2026!

step() { printf '\n== %s\n' "$*"; }
die() { printf 'check-linux: FAILED: %s\n' "$*" >&2; exit 1; }
elapsed() { echo $(( $(date +%s%N) / 1000000 - $1 )); }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
schema() { python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select max(version) from schema_version").fetchone()[0])' \
  "$data/station.db"; }
residents() { python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from resident").fetchone()[0])' \
  "$data/station.db"; }

step "no network here"
if python3 -c 'import socket; socket.create_connection(("1.1.1.1", 443), timeout=3)' 2>/dev/null; then
  die "this namespace reaches the network"
fi
echo "ok: no route out; user $(id -un 2>/dev/null || id -u), HOME=$HOME"

first=${old:-$new}
step "install $(sed -n 's/^VERSION=//p' "$first/install.sh") (${old:+older build, }no root, no network)"
start=$(now_ms)
bash "$first/install.sh"
echo "install: $(elapsed "$start") ms"
station-desk init --station-code CK01 --station-name 检查站 --admin admin --admin-name 检查员
station-desk --as admin resident add --name 王检查 --phone 13800000000 >/dev/null
[ "$(residents)" = 1 ] || die "the resident was not recorded"
schema_before=$(schema)

step "install $version over it, data present"
start=$(now_ms)
bash "$new/install.sh"
echo "install over the previous one: $(elapsed "$start") ms"
[ "$(station-desk --version)" = "station-desk $version" ] || die "--version: $(station-desk --version)"
echo "ok: $(station-desk --version)"
[ -z "$(ls -d "$share"/station-desk-program.previous.* 2>/dev/null)" ] || die "previous program left"
entry=$share/applications/station-desk.desktop
grep -qx 'Name\[zh_CN\]=文明实践站前台' "$entry" || die "menu entry without its Chinese name"
grep -qx "Exec=\"$HOME/.local/bin/station-desk\"" "$entry" || die "menu entry: $(grep Exec "$entry")"
[ -s "$share/icons/hicolor/scalable/apps/station-desk.svg" ] || die "no icon"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry"; fi
echo "ok: menu entry and icon"

step "a fresh station with --data-dir: init and check"
fresh=$(mktemp -d)/desk
station-desk --data-dir "$fresh" init --station-code CK02 --station-name 新站 --admin admin
station-desk --data-dir "$fresh" check

step "the window under Xvfb (first start of $version on the station's data)"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  station-desk & app=$!
  for _ in $(seq 120); do
    found=$(xdotool search --onlyvisible --name "文明实践站前台" 2>/dev/null | head -1) || true
    [ -n "$found" ] && break
    kill -0 $app 2>/dev/null || { echo "the program ended before a window showed" >&2; exit 1; }
    sleep 0.25
  done
  [ -n "$found" ] || { echo "no window within 30 s" >&2; kill $app; exit 1; }
  echo "window: $(xdotool getwindowname "$found")"
  sleep 1  # painted
  "'"$program"'/venv/bin/python" -c "import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)" "'"$shots"'/window.png"
  kill $app; wait $app 2>/dev/null || true'
echo "screenshot: $shots/window.png"

step "the station's data after the upgrade"
schema_after=$(schema)
backups=$(ls "$data"/backups/before-migration-*.db 2>/dev/null | wc -l)
echo "schema $schema_before -> $schema_after; before-migration backups: $backups"
if [ "$schema_after" != "$schema_before" ]; then
  [ "$backups" -ge 1 ] || die "migrated without a backup first"
fi
station-desk check
[ "$(residents)" = 1 ] || die "the resident is gone"
station-desk --as admin resident find 王检查 | grep -q 王检查 || die "resident not found"
echo "ok: the resident and the ledger survived"

step "uninstall"
bash "$program/uninstall.sh"
for gone in "$program" "$HOME/.local/bin/station-desk" "$share/applications/station-desk.desktop" \
            "$share/icons/hicolor/scalable/apps/station-desk.svg"; do
  [ ! -e "$gone" ] || die "left after uninstall: $gone"
done
[ "$(residents)" = 1 ] || die "the data did not survive the uninstall"
echo "ok: program gone, data kept ($(du -sh "$data" | cut -f1) in $data)"
