"""The daily close-out (日结) on a big station: a clerk's first close-out, and the next
day's, beside the first close-out as it was (every table read from its first row). Not a
test: run it on demand, on a fresh copy (it saves close-outs, and a day closes once).

    .venv/bin/python benchmarks/bench_closeout.py --station /tmp/copy-of-a-big-station

The station's admin password is bench_core's; the admin is the clerk who closes (on the
100k/5M station they wrote every entry). The following close-out comes a day later, after
``--deeds`` deeds that day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path

import peewee as pw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import PASSWORD, raw_connection  # noqa: E402

from app.models import Closeout, database, open_database, write_transaction  # noqa: E402
from app.models.migrations import drop_guards, install_guards, migrate  # noqa: E402
from app.services import auth, closeout, deeds, integrity  # noqa: E402
from app.services.closeout_figures import TABLES, Window, compute  # noqa: E402
from app.services.context import Context, FixedClock  # noqa: E402


def seconds(fn):  # noqa: ANN001, ANN201 - a bench helper
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--station", type=Path, required=True,
                    help=f"a fresh copy of a big station's data directory (admin {PASSWORD})")
    ap.add_argument("--deeds", type=int, default=200, help="deeds on the following day")
    ap.add_argument("--no-old", action="store_true",
                    help="skip the first close-out as it was (whole tables: slow)")
    ap.add_argument("--in-time-order", action="store_true",
                    help="first rewrite each table's write times to grow with its ids, as a "
                         "live station's do (the demo writes its history resident by "
                         "resident); the seals then no longer match: no check after")
    args = ap.parse_args()
    db_path = args.station / "station.db"
    open_database(db_path)
    took, _ = seconds(migrate)
    print(f"schema brought up to date in {took:.1f} s")
    clock = FixedClock(dt.datetime.now().replace(microsecond=0))
    if args.in_time_order:
        took, _ = seconds(lambda: in_time_order(clock.now() - dt.timedelta(hours=2)))
        print(f"write times put in id order in {took:.1f} s")
    ctx = Context(args.station, clock)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", PASSWORD))
    if Closeout.select().exists():
        sys.exit("this station has close-outs already: run on a fresh copy")
    conn = raw_connection(db_path)
    population = conn.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
    entries = conn.execute("SELECT MAX(seq) FROM ledger_entry").fetchone()[0]
    print(f"Station: {population:,} residents, {entries:,} ledger entries, {clock.today()}, "
          f"{os.cpu_count()} cores\n")
    print("| close-out | seconds | ledger entries counted |\n|---|---|---|")

    def counted(figures: list[dict]) -> int:
        return sum(f["check"]["count"] for f in figures if f["source"] == "ledger")

    if not args.no_old:
        whole = Window(ctx.actor.clerk_id, None, clock.now() - dt.timedelta(seconds=1))
        start = time.perf_counter()
        try:
            figures = compute(whole)
            whole.next_floors()
            answer = f"{counted(figures):,}"
        except pw.DatabaseError as exc:  # e.g. a year's redemptions in one IN (…) list
            answer = f"failed: {exc}"
        print(f"| first, as it was: every table from its first row (not saved) | "
              f"{time.perf_counter() - start:.2f} | {answer} |")
    took, first = seconds(lambda: closeout.save(ctx))
    print(f"| first (from the day's start, floors by bisection; saved) | {took:.2f} | "
          f"{counted(first.figures):,} |")
    clock.advance(days=1)
    people = [r[0] for r in conn.execute("SELECT id FROM resident WHERE NOT archived "
                                         f"ORDER BY random() LIMIT {args.deeds}")]
    rng = random.Random(12)
    for person in people:
        clock.advance(seconds=rng.randint(1, 60))
        deeds.record_deed(ctx, person, "ELDER_CARE", 1)
    clock.advance(minutes=1)
    took, following = seconds(lambda: closeout.save(ctx))
    print(f"| following, the next day (floors from the first) | {took:.2f} | "
          f"{counted(following.figures):,} |")
    differences = first.differences + following.differences
    if args.in_time_order:
        # A deed and its entry now have times from their own tables' ids: at the first
        # window's edges one may fall inside and the other not.
        print(f"\ndifferences: {differences} (times rewritten); floors saved by the first: "
              f"{first_floors()}")
        return
    print(f"\ndifferences: {differences}; check after the run:",
          "clean" if integrity.run_check(ctx.keys_dir, quick=True).ok else "NOT clean")


def first_floors() -> dict:
    return json.loads(Closeout.select().order_by(Closeout.id).first().figures)["floors"]


def in_time_order(last: dt.datetime) -> None:
    """Each table's write times spread evenly from New Year to ``last`` in id order."""
    first = last.replace(month=1, day=1, hour=8, minute=0, second=0)
    span = (last - first).total_seconds()
    with write_transaction():
        drop_guards()
        for model, key, at in TABLES.values():
            low, high = model.select(pw.fn.MIN(key), pw.fn.MAX(key)).scalar(as_tuple=True)
            if low is None:
                continue
            step = span / max(1, high - low)
            table = model._meta.table_name
            database.execute_sql(
                f'UPDATE "{table}" SET "{at.column_name}" = strftime(\'%Y-%m-%d %H:%M:%S\', '
                f'? + ("{key.column_name}" - ?) * ?, \'unixepoch\')',
                (first.replace(tzinfo=dt.UTC).timestamp(), low, step))
        install_guards()


if __name__ == "__main__":
    main()
