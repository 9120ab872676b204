"""Where a station's data lives and which database it uses.

The data directory (platformdirs' user data directory unless ``--data-dir`` names
another) holds the SQLite database, the key-encryption secret, backups and logs. The
database is that SQLite file unless ``--db`` or ``STATION_DESK_DB`` names a
PostgreSQL URL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "StationDesk"
DB_FILE = "station.db"
DB_ENV = "STATION_DESK_DB"
DATA_DIR_ENV = "STATION_DESK_DATA_DIR"


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
