"""One attendance scan at the service level on a big station (card → resident → scan,
committed with synchronous=FULL), beside a raw sqlite3 insert+commit. Not a test: run
it on demand, on a copy of a station (it migrates the copy and adds an activity).

    .venv/bin/python benchmarks/bench_attendance.py /tmp/vol-big/r100k --scans 600
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models import Clerk, Resident, open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import activities, attendance, residents  # noqa: E402
from app.services.context import Actor, Context  # noqa: E402


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def scanning_station(data_dir: Path, title: str) -> tuple[Context, activities.ActivityView]:
    """The copy at ``data_dir`` opened (and migrated) as its admin, with an activity
    running all of today for the scans (the window's benchmark uses it too)."""
    open_database(data_dir / "station.db")
    migrate()
    admin = Clerk.get(Clerk.role == "admin")
    ctx = Context(data_dir).as_actor(
        Actor(admin.id, admin.username, admin.display_name, "admin"))
    made = activities.add_activity(ctx, activities.ActivityPlan(
        title=title, date=ctx.clock.today(), start=dt.time(0, 0), end=dt.time(23, 30),
        deed_type="ENV_CLEANUP", kind="other"))
    return ctx, made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--scans", type=int, default=600)
    args = parser.parse_args()
    ctx, made = scanning_station(args.data_dir, "基准扫码")
    count = Resident.select().count()
    cards = [c for (c,) in Resident.select(Resident.card_code)
             .where(Resident.archived == False)  # noqa: E712
             .order_by(Resident.id).tuples()]
    picked = random.Random(1).sample(cards, args.scans)
    samples = []
    for code in picked:
        start = time.perf_counter()
        mark = attendance.scan(ctx, made.id, residents.by_card(code).id)
        samples.append((time.perf_counter() - start) * 1000)
        assert mark.outcome == "signed_in"
    repeats = []
    for code in picked[:100]:
        start = time.perf_counter()
        assert attendance.scan(ctx, made.id, residents.by_card(code).id).outcome == "repeat"
        repeats.append((time.perf_counter() - start) * 1000)
    raw = sqlite3.connect(args.data_dir / "raw-bench.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode=wal")
    raw.execute("PRAGMA synchronous=full")
    raw.execute("CREATE TABLE IF NOT EXISTS t (a INTEGER, b TEXT)")
    raw_samples = []
    for i in range(args.scans):
        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t VALUES (?, ?)", (i, "x" * 40))
        raw.execute("COMMIT")
        raw_samples.append((time.perf_counter() - start) * 1000)
    print(f"residents {count}, scans {len(samples)}")
    print(f"scan (sign-in) p50 {statistics.median(samples):.1f} ms, p95 {p95(samples):.1f} ms")
    print(f"repeat scan    p50 {statistics.median(repeats):.1f} ms, p95 {p95(repeats):.1f} ms")
    print(f"raw sqlite3 insert+commit p50 {statistics.median(raw_samples):.1f} ms, "
          f"p95 {p95(raw_samples):.1f} ms")


if __name__ == "__main__":
    main()
