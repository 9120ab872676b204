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
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import PASSWORD, raw_connection  # noqa: E402

from app.models import Closeout, open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import auth, closeout, deeds, integrity  # noqa: E402
from app.services.closeout_figures import Window, compute  # noqa: E402
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
    args = ap.parse_args()
    db_path = args.station / "station.db"
    open_database(db_path)
    took, _ = seconds(migrate)
    print(f"schema brought up to date in {took:.1f} s")
    clock = FixedClock(dt.datetime.now().replace(microsecond=0))
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
        took, figures = seconds(lambda: (compute(whole), whole.next_floors())[0])
        print(f"| first, as it was: every table from its first row (not saved) | "
              f"{took:.2f} | {counted(figures):,} |")
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
    print(f"\ndifferences: {differences}; check after the run:",
          "clean" if integrity.run_check(ctx.keys_dir, quick=True).ok else "NOT clean")


if __name__ == "__main__":
    main()
