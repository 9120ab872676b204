#!/usr/bin/env bash
# Starts the desk window, installing StationDesk into .venv beside this checkout first if it
# is not installed yet (and, as root on Debian/Ubuntu, the few system libraries Qt needs).
# Only the first start (or the first after pyproject.toml or constraints.txt changed) needs
# the network: a station is usually offline, and every later start goes straight to the
# window. The install also adds a "StationDesk" entry to the desktop's application menu.
# Arguments are passed to station-desk, e.g. `bash packaging/run.sh --data-dir /srv/desk`.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=.venv/.installed-from
wanted=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/station-desk ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  bash packaging/qt-libraries.sh
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # The exact versions the tests passed with (constraints.txt), not whatever is newest today.
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e .
  bash packaging/launcher.sh "$PWD/.venv/bin/station-desk"
  echo "$wanted" > "$stamp"
fi
exec .venv/bin/station-desk "$@"
