"""The station's package for the district centre on a year of a demo station (5,000
residents by default): the time of a first (whole) export, of the next one with nothing
new, of a ``--full`` one, the file's size and the process's peak memory, beside the
floor of the same rows read by raw sqlite3 and written compressed. Not a test: run it on
demand; it builds its station in a temporary folder (or reuses one given).

    .venv/bin/python benchmarks/bench_package.py --residents 5000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models import open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import auth, demo, package_export, station  # noqa: E402
from app.services.context import Context, FixedClock  # noqa: E402

PASSWORD = "Bench-2026!"
TABLES = ("resident", "ledger_entry", "voucher", "voucher_resolution", "participant",
          "activity", "store_sale", "stock_movement", "fund_entry", "check_in")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_floor(db: Path, out: Path) -> tuple[int, float]:
    """Every row of the tables a package reads, by raw sqlite3, written gzipped."""
    started = time.perf_counter()
    rows = 0
    with sqlite3.connect(db) as con, gzip.open(out, "wt", compresslevel=6) as fh:
        for table in TABLES:
            for row in con.execute(f'SELECT * FROM "{table}"'):
                fh.write(repr(row) + "\n")
                rows += 1
    return rows, time.perf_counter() - started


def built(data: Path, residents: int) -> Context:
    open_database(data / "station.db")
    migrate()
    clock = FixedClock(dt.datetime(2026, 12, 31, 18, 0))
    base = Context(data, clock)
    if not station.is_initialised():
        station.init_station(base, "BM01", "基准实践站", "admin", PASSWORD, "站长")
        ctx = base.as_actor(auth.sign_in(base, "admin", PASSWORD))
        started = time.perf_counter()
        made = demo.generate(ctx, residents=residents, seed=1)
        print(f"demo station: {made} in {time.perf_counter() - started:.1f} s")
    return base.as_actor(auth.sign_in(base, "admin", PASSWORD))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=5000)
    parser.add_argument("--station", type=Path, default=None,
                        help="a data directory to build the station in, or to reuse")
    args = parser.parse_args()
    data = args.station or Path(tempfile.mkdtemp(prefix="bench-package-"))
    data.mkdir(parents=True, exist_ok=True)
    ctx = built(data, args.residents)
    out = Path(tempfile.mkdtemp(prefix="bench-package-out-"))
    for label, kwargs in (("first package (everything)", {}),
                          ("next package (nothing new)", {}),
                          ("--full package", {"full": True})):
        done = package_export.export(ctx, out / f"{label[:5].strip()}.sdpkg", **kwargs)
        print(f"{label:<28} {sum(done.counts.values()):>8} records  {done.seconds:6.2f} s  "
              f"{done.bytes / 1e6:6.2f} MB  peak RSS {peak_mb():5.0f} MB")
        print(f"    {done.counts}")
    rows, seconds = raw_floor(data / "station.db", out / "raw.gz")
    print(f"{'raw sqlite3 + gzip (floor)':<28} {rows:>8} rows     {seconds:6.2f} s  "
          f"{(out / 'raw.gz').stat().st_size / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
