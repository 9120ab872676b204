#!/usr/bin/env bash
# wine-check.sh INSTALLER VERSION: install the Windows build under Wine (64-bit, headless)
# and use it as a station would: silent install, --version, init + check in a data
# folder of its own and in the default one, an install over the first with an older
# database in place (kept, backed up, migrated), a silent uninstall (data kept).
# Installs wine64 and a MinGW compiler with apt-get when missing and run as root.
set -euo pipefail
exe=$(realpath "${1:?usage: wine-check.sh INSTALLER VERSION}")
version=${2:?usage: wine-check.sh INSTALLER VERSION}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
py=${PYTHON:-$repo/.venv/bin/python}
fail() { echo "wine-check: FAILED: $*" >&2; exit 1; }
step() { echo "wine-check: $*"; }
t0=$(date +%s); lap() { echo "$(( $(date +%s) - t0 ))s"; }

if ! command -v wine >/dev/null || ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "wine-check: skipped: wine64 / mingw-w64 missing, not root"; exit 0; }
  s=$(date +%s)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    wine wine64 libwine gcc-mingw-w64-x86-64-win32 >/dev/null
  step "apt-get install wine64 mingw-w64: $(( $(date +%s) - s ))s"
fi

export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEPREFIX
WINEPREFIX=$(mktemp -d /tmp/station-wine.XXXXXX)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
# Wine hands a console program a regular file as stdout badly (Python cannot set up its
# streams): output always goes through a pipe.
w() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }

wine wineboot -i >/dev/null 2>&1
user_dir=$(echo "$WINEPREFIX"/drive_c/users/*/AppData/Local | cut -d' ' -f1)
program="$user_dir/Programs/StationDesk"
data="$user_dir/StationDesk"
menu=$(dirname "$user_dir")/Roaming/Microsoft/Windows/"Start Menu"/Programs/文明实践站前台
desktop=$(dirname "$(dirname "$user_dir")")/Desktop
step "wine prefix ready ($(lap))"
# Wine 8.0 lacks two DLLs that Windows 10 and 11 ship: bcryptprimitives.dll (the Rust
# code in cryptography imports its ProcessPrng) and icuuc.dll (Qt6Core imports ICU's
# converters). Stand-ins (packaging/windows/wine/*.c) go into this throwaway prefix only.
for stand_in in bcryptprimitives icuuc; do
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/$stand_in.dll" \
    "$here/wine/$stand_in.c" -ladvapi32
done

s=$(date +%s)
w "$exe" /S || fail "silent install exited $?"
step "silent install: $(( $(date +%s) - s ))s"
[ -f "$program/station-desk.exe" ] || fail "no $program/station-desk.exe"
[ -f "$menu/文明实践站前台.lnk" ] || fail "no Start-menu shortcut 文明实践站前台"
ls "$menu" | grep -q -i "卸载\|uninstall" || fail "no uninstall shortcut in the Start-menu folder"
[ -f "$desktop/文明实践站前台.lnk" ] || fail "no desktop shortcut 文明实践站前台"
w reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\StationDesk' \
  | grep -q "DisplayVersion.*$version" || fail "no Add/Remove Programs entry for $version"

desk() { w "$program/station-desk.exe" "$@"; }
got=$(desk --version | tr -d '\r') || fail "--version exited non-zero"
[ "$got" = "station-desk $version" ] || fail "--version printed '$got', not 'station-desk $version'"
step "--version: $got ($(lap))"

export STATION_DESK_PASSWORD='Qm7#river-lantern'
ok() { grep -q '"ok": true' <<<"$1" || fail "$2: $1"; }
ok "$(desk --json --data-dir 'C:\station-test' --as admin init --station-code XH01 \
       --station-name 测试站 --admin admin)" "init --data-dir"
ok "$(desk --json --data-dir 'C:\station-test' check)" "check --data-dir"
[ -f "$WINEPREFIX/drive_c/station-test/station.db" ] || fail "--data-dir did not hold the database"
step "init + check in C:\\station-test ($(lap))"
ok "$(desk --json --as admin init --station-code XH02 --station-name 默认站 --admin admin)" "init"
ok "$(desk --json check)" "check"
[ -f "$data/station.db" ] || fail "the default data folder is not %LOCALAPPDATA%\\StationDesk"
step "init + check in %LOCALAPPDATA%\\StationDesk ($(lap))"

cp "$here/wine/pdf_probe.py" "$WINEPREFIX/drive_c/pdf_probe.py"
QT_QPA_PLATFORM=offscreen w "$program/python.exe" 'C:\pdf_probe.py' | grep -q '^rendered' ||
  fail "the bundle could not make and render a PDF (reportlab, QtPdf)"
step "reportlab + QtPdf render a page ($(lap))"

# The station's data as an older StationDesk left it (the schema one step back, as the
# migration tests make it), and a module the older program had that this one does not.
(cd "$repo" && "$py" -c '
import sys
from app.models import database, open_database
from tests.unit.test_migrations import _back_to_version_12
open_database(sys.argv[1]); _back_to_version_12(); database.close()' "$data/station.db")
echo "raise SystemExit('stale')" > "$program/lib/stale_module_from_an_older_version.py"
w "$exe" /S || fail "install over the first exited $?"
[ ! -e "$program/lib/stale_module_from_an_older_version.py" ] || fail "old program files linger"
[ -f "$data/station.db" ] || fail "installing over the first lost the data"
ok "$(desk --json check)" "check after the upgrade"
ls "$data"/backups/before-migration-*.db >/dev/null 2>&1 || fail "no backup before the migration"
latest=$(cd "$repo" && "$py" -c 'from app.models.migrations import LATEST; print(LATEST)')
now=$("$py" -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT max(version) FROM schema_version").fetchone()[0])' \
  "$data/station.db")
[ "$now" = "$latest" ] || fail "the database is at version $now after the upgrade, not $latest"
step "install over an older one: data kept, backed up ($(basename "$data"/backups/before-migration-*.db)), migrated to $latest ($(lap))"

if command -v xvfb-run >/dev/null; then
  # The shortcut's target, on a virtual screen: still running after 45 s, nothing new in
  # the log, and a screenshot to look at (build/windows/wine-window.png).
  errors_before=$(grep -c ERROR "$data/logs/station-desk.log" 2>/dev/null || true)
  shot=$repo/build/windows/wine-window.png
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    wine "$0/station-desk-window.exe" 2>&1 | cat & sleep 45  # a pipe: see w() above
    pgrep -f "[p]ythonw.exe.*station-desk-window" >/dev/null && echo alive
    if command -v import >/dev/null; then import -window root "$1"; fi
    wineserver -k' "$program" "$shot" >"$WINEPREFIX/window.txt" 2>&1 || true
  grep -q alive "$WINEPREFIX/window.txt" || fail "the window did not stay up: $(tail -5 "$WINEPREFIX/window.txt")"
  errors_after=$(grep -c ERROR "$data/logs/station-desk.log" 2>/dev/null || true)
  [ "${errors_after:-0}" = "${errors_before:-0}" ] || fail "the window logged an error: $(tail -20 "$data/logs/station-desk.log")"
  step "the window (station-desk-window.exe) was up after 45 s, no error logged; screenshot $shot ($(lap))"
else
  step "xvfb-run missing: the window was not started"
fi

s=$(date +%s)
w "$program/uninstall.exe" /S || fail "silent uninstall exited $?"
for _ in $(seq 60); do [ -e "$program" ] || break; sleep 1; done  # it runs from a temp copy
[ ! -e "$program" ] || fail "the program folder is still there after uninstalling"
[ ! -e "$menu" ] && [ ! -e "$desktop/文明实践站前台.lnk" ] || fail "shortcuts left after uninstalling"
[ -f "$data/station.db" ] && [ -d "$data/backups" ] || fail "uninstalling touched the data"
! w reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\StationDesk' >/dev/null 2>&1 ||
  fail "the Add/Remove Programs entry is still there"
step "silent uninstall: $(( $(date +%s) - s ))s; program and shortcuts gone, data kept"
step "all passed in $(lap)"
