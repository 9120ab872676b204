#!/usr/bin/env bash
# Installs what the test suite needs and runs all of it: every test on SQLite (Qt tests
# offscreen, in a random order whose seed is printed), then the service tests again against
# a throwaway PostgreSQL server (port STATION_DESK_PG_PORT, default 55432). Each phase runs
# on every core (pytest-xdist); `-n 0` runs in one process. Soak runs (marker slow) are
# left out unless STATION_DESK_SOAK=1. The 15 slowest tests are listed after each phase.
# Then, as root (CI), the offline Linux bundle is built and checked (packaging/check-linux.sh:
# installed with no network, its window started under Xvfb, upgraded, uninstalled; 3-5 min);
# STATION_DESK_LINUX_BUNDLE=0 leaves it out. With STATION_DESK_WINDOWS_BUILD=1 the Windows
# installer is built and checked too (packaging/check-windows.sh; slower, so on request).
# Python packages come at the exact versions in constraints.txt. A program the tests check
# with that is missing stops the run here, by name, instead of letting tests skip.
# Usage: bash tests/run.sh [extra pytest arguments, e.g. --randomly-seed=N]
set -euo pipefail
cd "$(dirname "$0")/.."

# python3-venv: the venv's pip; poppler-utils: pages rendered to check printed QR codes;
# strace: the durability test watches the WAL's syncs; postgresql: the second phase; the
# libraries: Qt offscreen. The CJK faces are shipped in resources/fonts.
system_packages=(python3-venv poppler-utils strace postgresql libegl1 libgl1 libxkbcommon0
                 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0)
if command -v dpkg-query >/dev/null; then
  missing=()
  for pkg in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif [ ${#missing[@]} -gt 0 ]; then
    echo "Missing system packages (install them with sudo apt-get install): ${missing[*]}" >&2
  fi
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
absent=()
command -v pdftoppm >/dev/null || absent+=("pdftoppm (poppler-utils)")
command -v strace >/dev/null || absent+=("strace (strace)")
[ -n "$pgbin" ] || absent+=("the PostgreSQL server (postgresql)")
if [ ${#absent[@]} -gt 0 ]; then
  echo "tests/run.sh: cannot check StationDesk without: ${absent[*]}." >&2
  echo "Install the Debian packages named in brackets (as root this script does it) and run it again." >&2
  exit 1
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[test]"

# The app's bytecode compiled once, as a station's first start does: with
# PYTHONDONTWRITEBYTECODE set, every `station-desk` the tests start would compile it again.
.venv/bin/python -m compileall -q app

export QT_QPA_PLATFORM=offscreen
# Workers: one a core. Each has its own QApplication, temporary folders and, on PostgreSQL,
# its own database (tests/conftest.py).
pytest=(.venv/bin/python -m pytest -q -p no:cacheprovider -n auto --durations=15)
"${pytest[@]}" tests "$@"

pgroot=$(mktemp -d)
pgport=${STATION_DESK_PG_PORT:-55432}
# From /: the postgres user may not enter the checkout's folder (a private temporary clone).
run_pg() { if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/sh -c "$*"); else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgroot"
trap 'run_pg "$pgbin/pg_ctl -D $pgroot/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pgroot"' EXIT
run_pg "$pgbin/initdb -D $pgroot/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >/dev/null
run_pg "$pgbin/pg_ctl -D $pgroot/data -l $pgroot/log -w -o '-p $pgport -k $pgroot -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null
"$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres stationdesk_test
STATION_DESK_TEST_PG="postgresql://postgres@127.0.0.1:$pgport/stationdesk_test" \
  "${pytest[@]}" tests/unit tests/integration/test_pg_backup.py "$@"

phase_start=$SECONDS
if [ "${STATION_DESK_LINUX_BUNDLE:-1}" = 0 ]; then
  echo "The Linux bundle is not checked (STATION_DESK_LINUX_BUNDLE=0)."
elif [ "$(id -u)" = 0 ]; then
  bash packaging/check-linux.sh
  echo "Linux bundle built and checked in $((SECONDS - phase_start)) s."
elif [ -n "${CI:-}" ]; then
  echo "tests/run.sh: CI must run as root to check the Linux bundle (a network namespace)." >&2
  exit 1
else
  echo "The Linux bundle is not checked: packaging/check-linux.sh needs root."
fi

if [ "${STATION_DESK_WINDOWS_BUILD:-}" = 1 ]; then
  if [ ! -f packaging/check-windows.sh ]; then
    echo "tests/run.sh: STATION_DESK_WINDOWS_BUILD=1, but packaging/check-windows.sh is not here." >&2
    exit 1
  fi
  phase_start=$SECONDS
  bash packaging/check-windows.sh
  echo "Windows installer built and checked in $((SECONDS - phase_start)) s."
fi
