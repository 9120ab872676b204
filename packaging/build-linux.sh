#!/usr/bin/env bash
# Builds the offline Linux bundle dist/StationDesk-<version>-linux-x86_64.tar.gz: unpacked
# from a USB stick on a Debian/Ubuntu PC, its install.sh installs StationDesk for the user
# with no network (packaging/linux/README.txt says how).
#
# Inside StationDesk-<version>/: the app's wheel and the wheels of every runtime dependency
# (the versions in constraints.txt) for each CPython a station may have; resources/ with the
# translations compiled; install.sh, uninstall.sh, the menu entry, qt-libraries.sh, README.txt.
# resources/ ships beside the wheel, not in it: app/__init__.py looks for it next to the app
# package, so install.sh copies it there (into the environment's site-packages).
#
# Building needs the package index (or pip's cache) and this checkout's .venv (made here if
# missing), whose PySide6 compiles the translations.
# Usage: bash packaging/build-linux.sh [--wheels-from DIR] [--folder DIR] [SOURCE_TREE]
#   SOURCE_TREE      another checkout (e.g. an older version for the upgrade check); default:
#                    this one. The tarball goes to SOURCE_TREE/dist.
#   --wheels-from    the dependency wheels are DIR's (linked, as they are: another bundle's
#                    wheels, when its constraints.txt is this tree's), not the package index's.
#   --folder         the bundle is left unpacked in DIR (made), instead of a tarball.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
checkout=$(dirname "$here")
wheels_from=""
folder=""
while [ $# -gt 0 ]; do
  case $1 in
    --wheels-from) wheels_from=$(cd "$2" && pwd); shift 2 ;;
    --folder) folder=$2; shift 2 ;;
    *) break ;;
  esac
done
src=$(cd "${1:-$checkout}" && pwd)

# 3.11: Debian 12; 3.12: Ubuntu 24.04; 3.13: Debian 13.
pythons=(3.11 3.12 3.13)
# pip takes --platform literally: every manylinux tag up to Debian 12's glibc (2.36, the
# oldest of these systems) is named, newest first, so the newest build that runs is chosen.
platforms=()
for minor in $(seq 36 -1 17); do platforms+=(--platform "manylinux_2_${minor}_x86_64"); done
platforms+=(--platform manylinux2014_x86_64 --platform manylinux2010_x86_64
            --platform manylinux1_x86_64)

python=$checkout/.venv/bin/python
if [ ! -x "$python" ]; then
  python3 -m venv "$checkout/.venv"
  "$python" -m pip install -q --disable-pip-version-check -c "$checkout/constraints.txt" -e "$checkout"
fi

version=$(cd "$src" && python3 -c \
  'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
name=StationDesk-$version
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/$name
mkdir -p "$stage/wheels"

"$python" -m pip wheel -q --disable-pip-version-check --no-deps "$src" -w "$stage/wheels"
if [ -n "$wheels_from" ]; then
  for wheel in "$wheels_from"/*.whl; do
    case $(basename "$wheel") in station_desk-*) continue ;; esac
    ln "$wheel" "$stage/wheels/" 2>/dev/null || cp "$wheel" "$stage/wheels/"
  done
else
  for py in "${pythons[@]}"; do
    # abi3 and pure-Python wheels have one name for every version: one copy is kept.
    "$python" -m pip download -q --disable-pip-version-check --only-binary=:all: \
      "${platforms[@]}" --implementation cp --python-version "$py" -c "$src/constraints.txt" \
      -d "$stage/wheels" "$stage/wheels/station_desk-$version-py3-none-any.whl"
  done
fi

cp -a "$src/resources" "$stage/resources"
rm -f "$stage"/resources/translations/*.qm
# Compiled after the .ts are copied, so each .qm is the newer and the app never recompiles.
(cd "$checkout" && "$python" - "$stage/resources/translations" <<'PY'
import sys
from pathlib import Path

from app.views.common.i18n import build_missing_qm

folder = Path(sys.argv[1])
built = {qm.stem for qm in build_missing_qm(folder)}
wanted = {ts.stem for ts in folder.glob("*.ts")}
if built != wanted:
    sys.exit(f"translations not compiled: {sorted(wanted - built)}")
PY
)

sed -e "s/@VERSION@/$version/g" -e "s/@PYTHONS@/${pythons[*]}/" "$here/linux/install.sh" \
  > "$stage/install.sh"
cp "$here/linux/uninstall.sh" "$here/linux/station-desk.desktop" "$here/linux/README.txt" \
  "$here/qt-libraries.sh" "$stage/"
chmod 755 "$stage"/*.sh
[ -f "$src/LICENSE" ] && cp "$src/LICENSE" "$stage/"

if [ -n "$folder" ]; then
  mkdir -p "$folder"
  mv "$stage" "$folder/"
  echo "$folder/$name"
  exit 0
fi
mkdir -p "$src/dist"
out=$src/dist/$name-linux-x86_64.tar.gz
# The wheels are compressed already: the fastest gzip level makes the same size.
tar -C "$work" --owner=0 --group=0 --numeric-owner -cf - "$name" | gzip -1 > "$out.partial"
mv "$out.partial" "$out"
(cd "$src/dist" && sha256sum "$(basename "$out")" > "$(basename "$out").sha256")
echo "$out ($(du -h "$out" | cut -f1))"
