"""Exports to xlsx on a big station: every resident (masked, and in full), and a month and
a year of the ledger, each beside the same rows read with raw sqlite3 and written by bare
openpyxl (write-only), with the process's peak memory. Not a test: run it on demand, on
a copy (the exports are audited, and an old copy is migrated first).

    .venv/bin/python benchmarks/bench_export.py --station /tmp/copy-of-a-big-station
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import PASSWORD  # noqa: E402

from app.models import open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import auth, exports  # noqa: E402
from app.services.context import Context  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_xlsx(db: Path, sql: str, out: Path) -> int:
    """The same rows, read by raw sqlite3 and written by bare openpyxl: the floor."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("raw")
    rows = 0
    with sqlite3.connect(db) as con:
        for row in con.execute(sql):
            sheet.append(row)
            rows += 1
    book.save(out)
    return rows


def timed(label: str, work) -> None:  # noqa: ANN001
    started = time.perf_counter()
    rows = work()
    seconds = time.perf_counter() - started
    print(f"{label:<34} {rows:>9} rows  {seconds:7.1f} s  peak RSS {peak_mb():6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--station", type=Path, required=True,
                        help=f"a copy of a big station's data directory (admin password "
                             f"{PASSWORD})")
    station = parser.parse_args().station
    db = station / "station.db"
    open_database(db)
    migrate()
    ctx = Context(station)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", PASSWORD))
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    with sqlite3.connect(db) as con:
        last = dt.date.fromisoformat(con.execute(
            "SELECT MAX(business_date) FROM ledger_entry").fetchone()[0])
    month = (last.replace(day=1), last)
    year = (last.replace(month=1, day=1), last)
    print(f"start: peak RSS {peak_mb():.0f} MB; files in {out}")
    timed("residents, masked", lambda: exports.export(
        ctx, "residents", out / "residents.xlsx").rows)
    timed("residents, full (admin)", lambda: exports.export(
        ctx, "residents", out / "residents-full.xlsx", full=True).rows)
    timed("  raw sqlite3 + bare openpyxl", lambda: raw_xlsx(db, (
        "SELECT resident_no, name, gender, birth_date, id_type, id_number, phone, compound, "
        "grid, household_id, relation, tags, balance, created_at, archived, note "
        "FROM resident ORDER BY id"), out / "raw-residents.xlsx"))
    for label, (start, end) in (("ledger, last month", month), ("ledger, last year", year)):
        timed(f"{label} ({start}…{end})", lambda s=start, e=end: exports.export(
            ctx, "ledger", out / f"ledger-{s}.xlsx", start=s, end=e).rows)
        timed("  raw sqlite3 + bare openpyxl", lambda s=start, e=end: raw_xlsx(db, (
            "SELECT e.seq, e.business_date, e.created_at, r.resident_no, r.name, e.kind, "
            "e.points, e.balance_after, e.voucher_serial, e.reason FROM ledger_entry e "
            "JOIN resident r ON r.id = e.resident_id "
            f"WHERE e.business_date BETWEEN '{s}' AND '{e}' ORDER BY e.seq"),
            out / f"raw-ledger-{s}.xlsx"))


if __name__ == "__main__":
    main()
