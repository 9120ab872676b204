"""StationDesk (文明实践站前台): the front desk of a New Era Civilization Practice Station."""

import sys
from collections.abc import Callable
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DISTRIBUTION = "station-desk"
VERSION_FILE = "VERSION"  # a bundle's stamp, in the folder that holds app/ and resources/
UNKNOWN_VERSION = "0+unknown"

# peewee imports every PostgreSQL driver installed the moment it is first imported
# (psycopg2 brings ssl: ~80 ms of every start), though a SQLite station never uses one.
# They stay out of reach until app.models.db has imported peewee; the PostgreSQL path
# loads its driver when it connects (app.models.postgres).
POSTGRES_DRIVERS = ("psycopg2", "psycopg")
if "peewee" not in sys.modules:
    for _driver in POSTGRES_DRIVERS:
        sys.modules.setdefault(_driver, None)  # type: ignore[arg-type]


def _installed_version() -> str | None:
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


def find_version(root: Path, installed: Callable[[], str | None] = _installed_version) -> str:
    """The version of the app/ under ``root``: pyproject.toml's ``version`` is the only
    one written by hand. Files beside app/ speak for this very copy, so they come first:
    a bundle's VERSION stamp (the Windows installer copies app/ without installing it),
    then pyproject.toml in a checkout; else the installed distribution's metadata (a
    wheel). An editable install's metadata lags a version bump until reinstalled, and
    an installation upgraded in place may hold an older distribution's metadata too."""
    import re

    well_formed = re.compile(r"[0-9][0-9A-Za-z.+!-]*")
    stamp = root / VERSION_FILE
    if stamp.is_file():
        text = stamp.read_text("utf-8").strip()
        if well_formed.fullmatch(text):
            return text
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        with pyproject.open("rb") as f:
            project = tomllib.load(f).get("project", {})
        if project.get("name") == DISTRIBUTION and project.get("version"):
            return project["version"]
    return installed() or UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    # Found on first use, not at import: every start imports this package, few ask.
    if name == "__version__":
        version = find_version(RESOURCES.parent)
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
