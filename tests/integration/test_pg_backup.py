"""PostgreSQL stations back up with pg_dump and restore with pg_restore: the restored
database has the same balances, passes every ledger invariant and keeps its guards."""

from __future__ import annotations

import glob
import os
import subprocess
from urllib.parse import urlsplit

import peewee
import pytest
from checking_tools import unavailable

from app.models import LedgerEntry, Resident, database, open_database
from app.services import deeds, integrity, residents

PG_URL = os.environ.get("STATION_DESK_TEST_PG", "")
pytestmark = pytest.mark.skipif(not PG_URL, reason="needs STATION_DESK_TEST_PG")


def pg_tool(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        unavailable(f"{name} is not installed (Debian package postgresql)")
    return found[-1]


def test_pg_dump_and_restore_round_trip(ctx, tmp_path):
    """A custom-format dump restores into a new database with identical balances."""
    for n in range(5):
        person = residents.register(ctx, residents.ResidentInput(name=f"测试{n}"))
        deeds.record_deed(ctx, person.id, "DONATION")
    balances = dict(Resident.select(Resident.resident_no, Resident.balance).tuples())
    database.close()
    url = urlsplit(PG_URL)
    conn = ["-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432), "-U",
            url.username or "postgres"]
    dump = tmp_path / "station.dump"
    subprocess.run([pg_tool("pg_dump"), *conn, "-Fc", "-f", str(dump), url.path.lstrip("/")],
                   check=True)
    target = url.path.lstrip("/") + "_restored"  # one per xdist worker's database
    subprocess.run([pg_tool("dropdb"), *conn, "--if-exists", target], check=True)
    subprocess.run([pg_tool("createdb"), *conn, target], check=True)
    subprocess.run([pg_tool("pg_restore"), *conn, "-d", target, str(dump)], check=True)
    restored = PG_URL.rsplit("/", 1)[0] + "/" + target
    open_database(restored)
    try:
        assert dict(Resident.select(Resident.resident_no, Resident.balance).tuples()) == balances
        assert integrity.run_check(ctx.keys_dir).ok
        with pytest.raises(peewee.DatabaseError), database.atomic():
            LedgerEntry.update(points=100).execute()
    finally:
        database.close()
