#!/usr/bin/env bash
# The station's side of packaging/check-linux.sh, run by it in a network namespace with no
# network, as an ordinary user whose HOME is a fresh folder: install (over an older version
# when OLD_BUNDLE is given), the command line, the window under Xvfb, the upgrade with data
# present, the uninstall. Every step says what it checks; the first failure stops it.
# Usage: check-offline.sh NEW_BUNDLE_DIR [OLD_BUNDLE_DIR] SHOTS_DIR
set -euo pipefail
new=$1; old=${2:-}; shots=$3
cd "$HOME"  # python - would otherwise import the checkout's app rather than the installed one
version=$(sed -n 's/^VERSION=//p' "$new/install.sh")
share=$HOME/.local/share
program=$share/station-desk-program
data=$share/StationDesk
export STATION_DESK_PASSWORD=Check-2026!

began=$(date +%s)
trap 'echo "check-linux: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
step() { printf '\n== [%3d s] %s\n' $(( $(date +%s) - began )) "$*"; }
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

step "the window under Xvfb (first start of $version on the station's data), signing in"
# Qt's own screenshot from the installed environment: nothing more to install on the PC.
cat > "$TMPDIR/shot.py" <<'PY'
import sys

from PySide6.QtWidgets import QApplication

app = QApplication([])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
PY
cat > "$TMPDIR/window.sh" <<'SH'
set -euo pipefail
python=$1; shots=$2; shot=$3
wait_for() {  # a visible window whose title is exactly $1, within 30 s
  for _ in $(seq 120); do
    for id in $(xdotool search --onlyvisible --name "$1" 2>/dev/null); do
      [ "$(xdotool getwindowname "$id")" = "$1" ] && { echo "$id"; return; }
    done
    kill -0 "$app" 2>/dev/null || { echo "the program ended without the window $1" >&2; return 1; }
    sleep 0.25
  done
  echo "no window $1 within 30 s" >&2; return 1
}
station-desk & app=$!
trap 'kill $app 2>/dev/null || true' EXIT
wait_for "登录 — 文明实践站前台" >/dev/null
sleep 1  # painted
"$python" "$shot" "$shots/signin.png"
echo "window: 登录 — 文明实践站前台 (signin.png)"
xdotool type --delay 30 admin
xdotool key Tab
xdotool type --delay 30 "$STATION_DESK_PASSWORD"
xdotool key Return
wait_for "检查站 — 文明实践站前台" >/dev/null
sleep 2
"$python" "$shot" "$shots/main.png"
echo "signed in: 检查站 — 文明实践站前台 (main.png)"
SH
xvfb-run -a -s "-screen 0 1280x800x24" bash "$TMPDIR/window.sh" "$program/venv/bin/python" \
  "$shots" "$TMPDIR/shot.py"
# The English interface comes from the .qm compiled at build time, not compiled here.
"$program/venv/bin/python" - <<'PY'
from PySide6.QtCore import QCoreApplication, QTranslator

from app.views.common import i18n

app = QCoreApplication([])
qm = i18n.TRANSLATIONS / "stationdesk_en.qm"
translator = QTranslator()
assert translator.load(str(qm)), qm
ts = qm.with_suffix(".ts")
assert qm.stat().st_mtime >= ts.stat().st_mtime, "the .qm is older: the app would recompile it"
english = translator.translate("Titles", "文明实践站前台")
assert english == "StationDesk", english
print(f"ok: English from {qm.name}: {english}")
PY

step "the station's data after the upgrade"
schema_after=$(schema)
shopt -s nullglob
made=("$data"/backups/before-migration-*.db)
backups=${#made[@]}
echo "schema $schema_before -> $schema_after; before-migration backups: $backups"
if [ -n "$old" ]; then
  # The older build was chosen for its older schema: the first start must have migrated.
  [ "$schema_after" -gt "$schema_before" ] || die "no migration from the older build"
fi
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
step "done"
