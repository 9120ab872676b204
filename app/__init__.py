"""StationDesk (文明实践站前台): the front desk of a New Era Civilization Practice Station."""

import sys
from pathlib import Path

__version__ = "0.1.0"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

# peewee imports every PostgreSQL driver installed the moment it is first imported
# (psycopg2 brings ssl: ~80 ms of every start), though a SQLite station never uses one.
# They stay out of reach until app.models.db has imported peewee; the PostgreSQL path
# loads its driver when it connects (app.models.postgres).
POSTGRES_DRIVERS = ("psycopg2", "psycopg")
if "peewee" not in sys.modules:
    for _driver in POSTGRES_DRIVERS:
        sys.modules.setdefault(_driver, None)  # type: ignore[arg-type]
