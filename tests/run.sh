#!/usr/bin/env bash
# Installs what the test suite needs and runs all of it: every test on SQLite (Qt tests
# offscreen), then the service tests again against a throwaway PostgreSQL server.
# Usage: bash tests/run.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

system_packages=(poppler-utils postgresql libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
                 libfontconfig1 libdbus-1-3 libglib2.0-0)
missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing system packages (install them with sudo apt-get install): ${missing[*]}" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"

export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -q -p no:cacheprovider tests "$@"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pgbin" ]; then
  echo "PostgreSQL is not installed: the PostgreSQL run cannot be made." >&2
  exit 1
fi
pgroot=$(mktemp -d)
pgport=${STATION_DESK_PG_PORT:-55432}
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgroot"
trap 'run_pg "$pgbin/pg_ctl -D $pgroot/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pgroot"' EXIT
run_pg "$pgbin/initdb -D $pgroot/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >/dev/null
run_pg "$pgbin/pg_ctl -D $pgroot/data -l $pgroot/log -w -o '-p $pgport -k $pgroot -c listen_addresses=127.0.0.1 -c fsync=off' start" >/dev/null
"$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres stationdesk_test
STATION_DESK_TEST_PG="postgresql://postgres@127.0.0.1:$pgport/stationdesk_test" \
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/unit tests/integration/test_pg_backup.py "$@"
