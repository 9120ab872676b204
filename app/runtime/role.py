"""Whether a SQLite database file is a district centre's, read before the database is
opened: the desk paints a station's sign-in while the station opens, and a centre has no
sign-in (its commands run as the operator's system user), so the desk must know which
it is first. Only the standard library's ``sqlite3``: peewee and the models load later."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def is_centre_file(path: Path) -> bool:
    """Whether ``path`` holds a centre (a ``centre`` row); False for a station, a file not
    set up, and any file that cannot be read (the opening explains that one)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM centre LIMIT 1").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False
