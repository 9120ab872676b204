#!/usr/bin/env bash
# Checks the offline Linux bundle the way a station PC uses it (the steps are in
# packaging/linux/check-offline.sh): the tarball unpacked in a temporary folder and installed
# in a network namespace with no network, by an ordinary user (nobody) whose HOME is empty;
# station-desk --version, init and check; the window under Xvfb (a screenshot is left in
# dist/check-linux/window.png); installing over an older build with the station's data present
# (the data survives; a backup is made before the migration); the uninstall (the data stays).
#
# The older build is this checkout at the newest commit with other schema steps, so that the
# upgrade migrates (STATION_DESK_OLD_REF names another; without git history the bundle is
# installed over itself instead). The bundle is built first if it is missing or older than
# what it is made of. Needs root: the namespace, the user, and the Debian packages it checks
# with (xvfb, xauth, xdotool, Qt's libraries), installed when missing.
# Usage: bash packaging/check-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$PWD
if [ "$(id -u)" != 0 ]; then
  echo "check-linux.sh: run it as root (a network namespace, another user, system packages)." >&2
  exit 1
fi

tools=(xvfb xauth xdotool)
missing=()
for pkg in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
bash packaging/qt-libraries.sh

version=$(python3 -c \
  'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
tarball=dist/StationDesk-$version-linux-x86_64.tar.gz
changed() {
  find app resources packaging pyproject.toml constraints.txt -newer "$tarball" -type f \
    -not -name '*.pyc' -not -name '*.qm' -not -name 'check-*.sh' -print -quit
}
t=$SECONDS
built="up to date"
if [ ! -f "$tarball" ] || [ -n "$(changed)" ]; then
  bash packaging/build-linux.sh
  built="built in $((SECONDS - t)) s"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
mkdir "$tmp/new" "$tmp/home"
t=$SECONDS
tar -xzf "$tarball" -C "$tmp/new"
unpacked=$((SECONDS - t))

t=$SECONDS
# This machine has one Python; for the others the bundle must hold every wheel an install
# needs: pip resolves each one from the bundle alone, in a namespace with no network.
pythons=$(sed -n 's/^PYTHONS="\([^"]*\)".*/\1/p' "$tmp/new/StationDesk-$version/install.sh")
platforms=()
for minor in $(seq 36 -1 17); do platforms+=(--platform "manylinux_2_${minor}_x86_64"); done
for py in $pythons; do
  PIP_CONFIG_FILE=/dev/null unshare -n .venv/bin/python -m pip install -q --dry-run \
    --disable-pip-version-check --no-index --find-links "$tmp/new/StationDesk-$version/wheels" \
    --only-binary=:all: "${platforms[@]}" --platform manylinux2014_x86_64 \
    --platform manylinux1_x86_64 --implementation cp --python-version "$py" \
    --target "$tmp/resolved-$py" "station-desk==$version"
  echo "Python $py: every wheel an install needs is in the bundle."
done

resolved=$((SECONDS - t))

t=$SECONDS
old_ref=${STATION_DESK_OLD_REF:-}
# The newest commit whose schema steps differ from this checkout's.
steps() { sed -n '/^STEPS:/,/^LATEST/p'; }
if [ -z "$old_ref" ] && git rev-parse -q --git-dir >/dev/null 2>&1; then
  now_steps=$(steps < app/models/migrations.py)
  for commit in $(git log -n 50 --format=%H -- app/models/migrations.py); do
    git rev-parse -q --verify "$commit^" >/dev/null || break
    if [ "$(git show "$commit^:app/models/migrations.py" 2>/dev/null | steps)" != "$now_steps" ]
    then old_ref=$commit^; break; fi
  done
fi
old_bundle=""
if [ -n "$old_ref" ]; then
  echo "The older build: $(git log -1 --format='%h %s' "$old_ref" | cut -c1-100)"
  mkdir "$tmp/old-src"
  git archive "$old_ref" | tar -x -C "$tmp/old-src"
  # Its dependencies are the new bundle's when it pins the same versions: no download.
  same=()
  if cmp -s constraints.txt "$tmp/old-src/constraints.txt"; then
    same=(--wheels-from "$(ls -d "$tmp"/new/StationDesk-*)/wheels")
  fi
  old_bundle=$(bash packaging/build-linux.sh "${same[@]}" --folder "$tmp/old" "$tmp/old-src")
else
  echo "No older build (no git history here): the bundle is installed over itself."
fi
older=$((SECONDS - t))

shots=$checkout/dist/check-linux
mkdir -p "$shots" "$tmp/home/tmp"
cp packaging/linux/check-offline.sh "$tmp/"
chown -R 65534:65534 "$tmp/home" "$shots"
t=$SECONDS
unshare -n setpriv --reuid=65534 --regid=65534 --clear-groups \
  env -i HOME="$tmp/home" TMPDIR="$tmp/home/tmp" LANG=C.UTF-8 \
  PATH="$tmp/home/.local/bin:/usr/local/bin:/usr/bin:/bin" \
  bash "$tmp/check-offline.sh" "$tmp/new/StationDesk-$version" "$old_bundle" "$shots"
echo
echo "check-linux: passed. $tarball: $(du -h "$tarball" | cut -f1), $built; unpacked in" \
  "$unpacked s; every Python resolved in $resolved s; the older build in $older s; the offline" \
  "steps in $((SECONDS - t)) s."
