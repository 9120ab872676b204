#!/usr/bin/env bash
# Refreshes constraints.txt, the exact versions every install uses (tests/run.sh,
# packaging/run.sh): installs the newest versions pip finds today for StationDesk and its
# test dependencies into a throwaway venv and pins every one of them, dependencies of
# dependencies too. Commit the new file only after `bash tests/run.sh` passes with it.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
{
  echo "# Exact versions the whole test suite passes with, for every install of StationDesk."
  echo "# Made by packaging/refresh-constraints.sh; refresh with it, then run bash tests/run.sh."
  "$venv/bin/python" -m pip freeze --exclude-editable --disable-pip-version-check
} > constraints.txt
echo "constraints.txt refreshed: now run bash tests/run.sh before committing it"
