"""Where a station's data lives and which database it uses.

The data directory (platformdirs' user data directory unless ``--data-dir`` names
another) holds the SQLite database, the key-encryption secret, backups and logs. The
database is that SQLite file unless ``--db`` or ``STATION_DESK_DB`` names a
PostgreSQL URL.

The data directory holds every resident's personal data, so it is private to the user
who runs the desk: on POSIX, folders 0700 and files 0600 (created so, and tightened
when an older station is opened); on Windows the per-user profile folder that
platformdirs chooses is already private to that user.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "StationDesk"
DB_FILE = "station.db"
DB_ENV = "STATION_DESK_DB"
DATA_DIR_ENV = "STATION_DESK_DATA_DIR"
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
SQLITE_SIDE_FILES = ("-wal", "-shm")  # SQLite gives them the database file's mode
DB_SIDE_FILES = ("", *SQLITE_SIDE_FILES, ".lock")


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Config:
    data_dir: Path
    db_url: str

    @property
    def is_sqlite(self) -> bool:
        return not self.db_url.startswith(("postgres://", "postgresql://"))

    @property
    def sqlite_path(self) -> Path:
        return Path(self.db_url)

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


def resolve(data_dir: str | os.PathLike[str] | None = None, db: str | None = None) -> Config:
    directory = Path(data_dir or os.environ.get(DATA_DIR_ENV) or default_data_dir()).expanduser()
    url = db or os.environ.get(DB_ENV) or str(directory / DB_FILE)
    return Config(directory.resolve(), url)


def private_umask() -> None:
    """Whatever this process creates from now on (database, backups, logs, anchor,
    exported PDFs) is readable by its user only."""
    if os.name != "nt":
        os.umask(0o077)


def make_private(config: Config) -> list[Path]:
    """Create the data directory if needed and take every other user's access to it
    and to all it holds (an older station was written 0644 in 0755 folders). Returns
    what could not be tightened (a FAT stick has no modes), for the log."""
    private_umask()
    config.data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if os.name == "nt":
        return []
    paths = [config.data_dir]
    for folder, dirs, files in os.walk(config.data_dir):
        paths += [Path(folder, name) for name in dirs + files]
    if config.is_sqlite:
        paths += [Path(str(config.sqlite_path) + side) for side in DB_SIDE_FILES]
    stuck = [path for path in dict.fromkeys(paths) if not _tighten(path)]
    if stuck:
        logging.getLogger("app").warning("cannot make private: %s", ", ".join(map(str, stuck)))
    return stuck


def _tighten(path: Path) -> bool:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return True
    if stat.S_ISLNK(mode):  # a link's target is not the station's to change
        return True
    wanted = PRIVATE_DIR if stat.S_ISDIR(mode) else PRIVATE_FILE
    if stat.S_IMODE(mode) & ~wanted:
        try:
            path.chmod(stat.S_IMODE(mode) & wanted)
        except OSError:
            return False
    return True
