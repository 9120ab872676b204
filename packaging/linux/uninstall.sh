#!/usr/bin/env bash
# Removes StationDesk's program, command, menu entry and icon for the current user. The
# station's data (database, keys, backups, logs) is kept: a reinstall finds it again.
set -euo pipefail

# All in one function, read before anything runs: this script deletes its own folder.
main() {
  local data_home=${XDG_DATA_HOME:-$HOME/.local/share}
  local program=$data_home/station-desk-program
  local launcher=$HOME/.local/bin/station-desk
  local entry=$data_home/applications/station-desk.desktop
  local icon=$data_home/icons/hicolor/scalable/apps/station-desk.svg
  local data_dir
  data_dir=$("$program/venv/bin/python" -c \
    'from platformdirs import user_data_dir; print(user_data_dir("StationDesk", appauthor=False))' \
    2>/dev/null) || data_dir=$data_home/StationDesk
  # Only the command install.sh wrote: a station-desk of another origin stays.
  if [ -f "$launcher" ] && grep -q "$program/venv/bin/station-desk" "$launcher"; then
    rm -f "$launcher"
  fi
  rm -f "$entry" "$icon"
  rm -rf "$program"
  command -v update-desktop-database >/dev/null && \
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
  cat <<DONE
已卸载 StationDesk 程序。本站数据仍保留在：$data_dir
（需要时可复制备份；重新安装后会继续使用这些数据。）
StationDesk's program is uninstalled. The station's data is kept in: $data_dir
(copy it for safekeeping if needed; a new install uses it again).
DONE
}
main "$@"
exit
