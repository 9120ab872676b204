"""The start-up check's cost on a large station, beside a bare ``import peewee``: opening
the station as every CLI command does, a CLI command end to end, and the incremental
check after 1,000 new ledger entries. Alternated in one run (the machine is noisy).
Not a test: run it on demand.

    .venv/bin/python benchmarks/bench_start.py                       # 100k residents, 5M entries
    .venv/bin/python benchmarks/bench_start.py --data-dir /tmp/big --runs 15 --full

The station is built once (as bench_core.py builds it) and reused; the first open after
an upgrade verifies it whole once and sets the checkpoint, timed separately.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_core import PASSWORD, build  # noqa: E402

OPEN = ("from app.runtime.config import resolve; from app.runtime.startup import open_station;"
        "open_station(resolve({dir!r}, None)).close()")


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def incremental(data_dir: Path, rounds: int, entries: int) -> tuple[list[float], list[float]]:
    """Per round: ``entries`` deeds recorded, then the start-up check (incremental, and
    the checkpoint moved) timed; and the same check with nothing new, for the floor."""
    from app.runtime import health
    from app.runtime.config import resolve
    from app.runtime.startup import open_station
    from app.services import auth, deeds

    config = resolve(data_dir, None)
    opened = open_station(config)
    try:
        ctx = opened.context.as_actor(auth.sign_in(opened.context, "admin", PASSWORD))
        from app.models import Resident

        people = [r for (r,) in Resident.select(Resident.id).order_by(Resident.id)
                  .limit(entries).tuples()]
        after_writes, idle = [], []
        for _ in range(rounds):
            for person in people:
                deeds.record_deed(ctx, person, "LOST_AND_FOUND")
            start = time.perf_counter()
            problems = health.ledger_problems(config)
            after_writes.append(time.perf_counter() - start)
            assert not problems, problems
            start = time.perf_counter()
            health.ledger_problems(config)
            idle.append(time.perf_counter() - start)
        return after_writes, idle
    finally:
        opened.close()


def full(data_dir: Path) -> float:
    from app.runtime import health
    from app.runtime.config import resolve
    from app.runtime.startup import open_station

    config = resolve(data_dir, None)
    opened = open_station(config, check=False)
    try:
        start = time.perf_counter()
        report = health.full_check(config, progress=lambda d, t: print(
            f"  whole check {d}/{t} at {time.perf_counter() - start:.1f} s", flush=True))
        assert report.ok, report.problems
        return time.perf_counter() - start
    finally:
        opened.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--residents", type=int, default=100_000)
    ap.add_argument("--activity", type=float, default=4.8)
    ap.add_argument("--data-dir", type=Path, help="a station built earlier (else benchmarks/out)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--full", action="store_true", help="also time the whole check once")
    args = ap.parse_args()
    data_dir = args.data_dir or ROOT / "benchmarks" / "out" / f"r{args.residents}-a{args.activity}"
    build(data_dir, args.residents, args.activity)
    py = sys.executable
    first = seconds([py, "-c", OPEN.format(dir=str(data_dir))])
    print(f"first open (migrations; the whole ledger once if it had no checkpoint): {first:.2f} s")

    commands = {
        "import peewee": [py, "-c", "import peewee"],
        "open_station (CLI path)": [py, "-c", OPEN.format(dir=str(data_dir))],
        "station-desk deed types": [py, "-m", "app", "--data-dir", str(data_dir), "deed",
                                    "types"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            samples[name].append(seconds(command))
    base = statistics.median(samples["import peewee"])
    print(f"\n{args.runs} alternating runs, median (min–max):")
    for name, values in samples.items():
        print(f"  {name:28} {statistics.median(values) * 1000:7.0f} ms "
              f"({min(values) * 1000:.0f}–{max(values) * 1000:.0f}), "
              f"{statistics.median(values) / base:.1f}× import peewee")

    after, idle = incremental(data_dir, max(3, args.runs // 2), args.entries)
    print(f"\nstart-up check after {args.entries:,} new entries: median "
          f"{statistics.median(after) * 1000:.0f} ms ({min(after) * 1000:.0f}–"
          f"{max(after) * 1000:.0f}); with nothing new: {statistics.median(idle) * 1000:.1f} ms")
    if args.full:
        print(f"\nwhole check (integrity_check, foreign keys, every invariant): "
              f"{full(data_dir):.1f} s")


if __name__ == "__main__":
    main()
