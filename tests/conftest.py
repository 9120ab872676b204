"""Shared fixtures: a fresh station on a real database for every test.

By default the database is a SQLite file in a temporary directory. With
``STATION_DESK_TEST_PG`` set to a PostgreSQL URL, the service tests run against that
server instead (each test gets an empty schema). Under pytest-xdist (``-n``) each worker
gets a database of its own on that server, ``<name>_<worker>``, made when missing, and
``STATION_DESK_TEST_PG`` names it for every test module.

Tests marked ``slow`` (soak runs: long repetitions of a check that also runs in a short
form) are skipped unless ``STATION_DESK_SOAK=1``.

Tests run in a random order (pytest-randomly); the seed is printed at the end of the run,
and ``--randomly-seed=N`` repeats an order. In CI (``CI`` set) Hypothesis draws the same
examples every run and keeps no example database in the checkout.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from urllib.parse import urlsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from app.models import database, open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import auth, residents, station  # noqa: E402
from app.services.context import Context, FixedClock  # noqa: E402

ADMIN_PASSWORD = "Desk-2026!"
CLERK_PASSWORD = "Clerk-2026?"
NOW = dt.datetime(2026, 11, 23, 9, 30)
SOAK = bool(os.environ.get("STATION_DESK_SOAK"))


def _worker_database(shared: str) -> str:
    """This xdist worker's own database on the shared test server, made when missing: two
    workers dropping each other's schema mid-test would fail at random."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not shared or not worker:
        return shared
    import psycopg2
    from psycopg2 import sql

    url = urlsplit(shared)
    own = f"{url.path.lstrip('/')}_{worker}"
    # The maintenance database, not template1: CREATE DATABASE copies template1 and
    # refuses while anyone is connected to it.
    conn = psycopg2.connect(url._replace(path="/postgres").geturl())
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (own,))
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(own)))
    finally:
        conn.close()
    return url._replace(path=f"/{own}").geturl()


# The URL the run was given is kept aside, so that importing this module twice (as
# ``tests.conftest``, too) derives the same worker database rather than a worker's own.
os.environ.setdefault("STATION_DESK_TEST_PG_SHARED", os.environ.get("STATION_DESK_TEST_PG", ""))
PG_URL = _worker_database(os.environ["STATION_DESK_TEST_PG_SHARED"])
if PG_URL:
    os.environ["STATION_DESK_TEST_PG"] = PG_URL

# argon2id at minimal cost in the test process: production parameters cost ~0.25 s of CPU
# a hash, and nearly every test sets a password and signs in. tests/unit/test_auth.py checks
# the production parameters; `station-desk` processes the tests start use them.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    # Nothing written into the checkout: no example database, and Hypothesis' own caches
    # (it keeps constants found in the code) in a temporary folder.
    os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", tempfile.mkdtemp(prefix="hypothesis-"))
    hypothesis_settings.load_profile("ci")


def pytest_terminal_summary(terminalreporter, config) -> None:  # noqa: ANN001 - pytest hook
    """The seed of the random order, shown even with -q (the report header is not)."""
    seed = getattr(config.option, "randomly_seed", None)
    if config.pluginmanager.hasplugin("randomly") and isinstance(seed, int):
        # Workers take tests as they come free: the order repeats in one process only.
        one = " -n 0" if getattr(config.option, "numprocesses", None) else ""
        terminalreporter.write_line(
            f"random test order: repeat it with{one} --randomly-seed={seed}")


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ANN001 - pytest hook
    if SOAK:
        return
    skip = pytest.mark.skip(reason="soak run: only with STATION_DESK_SOAK=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    monkeypatch.setattr(auth, "_hasher", FAST_HASHER)


def _reset_postgres() -> None:
    database.execute_sql("DROP SCHEMA public CASCADE")
    database.execute_sql("CREATE SCHEMA public")


@pytest.fixture
def db(tmp_path):
    """An empty, migrated database (SQLite file, or the test PostgreSQL server)."""
    if PG_URL:
        open_database(PG_URL)
        _reset_postgres()
    else:
        open_database(tmp_path / "station.db")
    migrate()
    yield database
    database.close()


@pytest.fixture
def clock():
    return FixedClock(NOW)


@pytest.fixture
def ctx(db, tmp_path, clock):
    """A set-up station (code XH01) with the default catalogue, acting as its admin."""
    base = Context(tmp_path, clock)
    station.init_station(base, "XH01", "新华社区新时代文明实践站", "admin", ADMIN_PASSWORD,
                         "王站长")
    return base.as_actor(auth.sign_in(base, "admin", ADMIN_PASSWORD))


@pytest.fixture
def clerk_ctx(ctx):
    """The same station, acting as an ordinary clerk."""
    auth.add_clerk(ctx, "li", "李敏", "clerk", CLERK_PASSWORD)
    return ctx.as_actor(auth.sign_in(ctx, "li", CLERK_PASSWORD))


@pytest.fixture
def resident(ctx):
    return residents.register(ctx, residents.ResidentInput(
        name="张明月", id_number="11010519491231002X", phone="13812345678",
        compound="幸福里", building="3", unit="2", room="501", grid="第一网格"))
