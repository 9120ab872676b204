#!/usr/bin/env bash
# Installs StationDesk @VERSION@ for the current user from this folder: no root, no network.
# The program goes to ~/.local/share/station-desk-program (a Python environment made with the
# system's python3 from the wheels beside this script), the command to ~/.local/bin, the menu
# entry and icon to the desktop's folders. The station's data (~/.local/share/StationDesk)
# is never touched: installing a newer version over an older one replaces only the program,
# and its first start backs the database up before upgrading it.
set -euo pipefail

VERSION=@VERSION@
PYTHONS="@PYTHONS@"  # the CPython versions this bundle carries wheels for

bundle=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
program=$data_home/station-desk-program
launcher=$HOME/.local/bin/station-desk
entry=$data_home/applications/station-desk.desktop
icon=$data_home/icons/hicolor/scalable/apps/station-desk.svg

fail() { printf '%s\n' "$@" >&2; exit 1; }

command -v python3 >/dev/null || fail \
  "未找到 python3。请让管理员安装：sudo apt-get install python3 python3-venv" \
  "python3 is not installed. Ask an administrator to run: sudo apt-get install python3 python3-venv"
py=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
case " $PYTHONS " in
  *" $py "*) ;;
  *) fail "本安装包需要 Python ${PYTHONS// /、} 之一，这台电脑的 python3 是 $py，无法安装。" \
          "This bundle needs Python ${PYTHONS// /, } and this PC's python3 is $py: not installed." ;;
esac
# Debian and Ubuntu leave out venv's pip (ensurepip) until python3-venv is installed.
python3 -m ensurepip --version >/dev/null 2>&1 || fail \
  "缺少 python3-venv。请让管理员安装（系统安装盘或软件源里都有）：" \
  "  sudo apt-get install python3-venv python$py-venv" \
  "python3-venv is missing. Ask an administrator to install it (from the system's" \
  "installation media or package source): sudo apt-get install python3-venv python$py-venv"

# The libraries Qt needs to open a window: named (or, as root, installed from the package
# source if one is reachable); the command line works without them.
read -r -a qt_missing <<< "$(bash "$bundle/qt-libraries.sh" --missing)"
if [ ${#qt_missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${qt_missing[@]}" >/dev/null 2>&1 || true
  read -r -a qt_missing <<< "$(bash "$bundle/qt-libraries.sh" --missing)"
fi
qt_note() {
  [ ${#qt_missing[@]} -eq 0 ] || cat >&2 <<QT

注意：打开窗口还需要这些系统库，请让管理员安装：
Note: the window needs these system libraries; ask an administrator to install them:
  sudo apt-get install ${qt_missing[*]}

QT
}
qt_note

# Replacing the program under a running desk would pull its libraries away mid-session.
if pgrep -u "$(id -u)" -f "$program/venv/bin/" >/dev/null 2>&1; then
  fail "StationDesk 正在运行：请先关闭前台窗口，再运行 install.sh。" \
       "StationDesk is running: close the desk window first, then run install.sh again."
fi

echo "正在安装 StationDesk $VERSION（Python $py）… Installing StationDesk $VERSION (Python $py)…"
mkdir -p "$data_home"
previous=""
if [ -e "$program" ]; then
  previous=$(mktemp -d "$data_home/station-desk-program.previous.XXXXXX")
  mv "$program" "$previous/program"
fi
# A failed install puts the previous program back, as it was.
put_back() {
  rm -rf "$program"
  if [ -n "$previous" ]; then mv "$previous/program" "$program" && rmdir "$previous"; fi
}
trap 'put_back; echo "安装失败，原有程序未改动。Installation failed; the previous program is unchanged." >&2' ERR

python3 -m venv "$program/venv"
# Only the wheels in this folder: no index, no cache, no pip settings from this PC.
for var in $(compgen -e); do case $var in PIP_*) unset "$var" ;; esac; done
PIP_CONFIG_FILE=/dev/null "$program/venv/bin/python" -m pip install -q --no-index \
  --no-cache-dir --disable-pip-version-check --find-links "$bundle/wheels" "station-desk==$VERSION"
# app/__init__.py finds resources/ beside the app package, which pip put in purelib.
purelib=$("$program/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
cp -a "$bundle/resources" "$purelib/resources"
installed=$("$program/venv/bin/station-desk" --version)
if [ "$installed" != "station-desk $VERSION" ]; then
  echo "installed program says: $installed (expected station-desk $VERSION)" >&2
  false
fi
cp "$bundle/uninstall.sh" "$bundle/README.txt" "$program/"
[ -f "$bundle/LICENSE" ] && cp "$bundle/LICENSE" "$program/"
trap - ERR
[ -n "$previous" ] && rm -rf "$previous"

mkdir -p "$(dirname "$launcher")" "$(dirname "$entry")" "$(dirname "$icon")"
cat > "$launcher" <<LAUNCHER
#!/bin/sh
# StationDesk: installed by its install.sh, removed by $program/uninstall.sh
exec "$program/venv/bin/station-desk" "\$@"
LAUNCHER
chmod 755 "$launcher"
cp "$bundle/resources/icons/stationdesk.svg" "$icon"
sed "s|@LAUNCHER@|$launcher|" "$bundle/station-desk.desktop" > "$entry"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$(dirname "$entry")" || true
command -v gtk-update-icon-cache >/dev/null && \
  gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true

data_dir=$("$program/venv/bin/python" -c \
  'from platformdirs import user_data_dir; print(user_data_dir("StationDesk", appauthor=False))')
cat <<DONE
已安装 StationDesk $VERSION。从应用程序菜单的「文明实践站前台」启动，或在终端运行 station-desk。
Installed StationDesk $VERSION. Start it from the applications menu (StationDesk) or run station-desk.
  程序 Program:   $program
  数据 Data:      $data_dir （卸载和升级都不会删除 / never removed by uninstall or upgrade）
  卸载 Uninstall: $program/uninstall.sh
DONE
case ":$PATH:" in
  *":$(dirname "$launcher"):"*) ;;
  *) echo "提示：重新登录后终端里才能直接运行 station-desk。Note: log in again to run station-desk in a terminal." ;;
esac
qt_note
