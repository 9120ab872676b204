"""The district at scale: N stations (80 by default) with a year of demo data each (2,000
residents on average, from half to one and a half times that), each exports its package,
one PostgreSQL centre imports them all; then the district report for the year, and the
same packages imported a second time. Not a test: run it on demand (it takes a while).

    .venv/bin/python benchmarks/bench_district.py --pg postgresql://postgres@127.0.0.1:55463/bench

Every step goes through ``station-desk`` as an operator would run it (init, demo, keys
export, package export; centre init, add-institute, add-station, package import, centre
report), so the figures are the command line's. Printed: the packages' total size, the
import's time, the report's time, the centre processes' peak memory, and the second
import's time (the budget: the import within 10 minutes on a 2-core machine, the year's
report within 5 s, a second import a fraction of the first).

``--direct`` skips the stations and packages: it writes the records a year of such a
district would bring straight into the centre's table (see ``district_fill``) and times
the report on them, in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PASSWORD = "Bench-2026!"
INSTITUTES = 8


def _desk(*args: str, data: Path | None = None, db: str | None = None) -> dict:
    """One ``station-desk --json`` command; its answer, or the run stops with its error."""
    words = [sys.executable, "-m", "app", "--json"]
    words += ["--data-dir", str(data)] if data else []
    words += ["--db", db] if db else []
    env = {**os.environ, "STATION_DESK_PASSWORD": PASSWORD}
    done = subprocess.run([*words, *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"station-desk {' '.join(args)} failed: {done.stdout}{done.stderr}")
    return json.loads(done.stdout)


def _children_peak_mb() -> float:
    """The largest resident set of any command run so far (Linux: kilobytes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _stations(work: Path, count: int, average: int, year: int) -> list[tuple[str, Path]]:
    """Each station made, filled with a year of demo data, its keyring and its package
    written; returns (code, package) pairs."""
    from district_fill import sizes

    out = []
    for n, residents in enumerate(sizes(count, average, random.Random(5))):
        code, data = f"BS{n + 1:02d}", work / f"station-{n + 1:02d}"
        _desk("init", "--station-code", code, "--station-name", f"基准社区{n + 1}站", "--admin",
              "admin", data=data)
        _desk("--as", "admin", "demo", "--residents", str(residents), "--seed", str(n + 1),
              data=data)
        (work / f"{code}.keys.json").write_text(json.dumps(_desk("keys", "export", data=data),
                                                           ensure_ascii=False))
        package = work / f"{code}-00001.sdpkg"
        _desk("--as", "admin", "package", "export", "--to", str(package), "--full", data=data)
        out.append((code, package))
        print(f"  {code}: {residents} residents, package {package.stat().st_size / 1e6:.1f} MB",
              flush=True)
    return out


def _centre(work: Path, pg: str, packages: list[tuple[str, Path]]) -> Path:
    data = work / "centre"
    _desk("centre", "init", "--name", "基准区新时代文明实践中心", data=data, db=pg)
    for n in range(INSTITUTES):
        _desk("centre", "add-institute", f"第{n + 1}街道实践所", data=data, db=pg)
    for n, (code, _) in enumerate(packages):
        _desk("centre", "add-station", code, "--institute", f"第{n % INSTITUTES + 1}街道实践所",
              "--keyring", str(work / f"{code}.keys.json"), data=data, db=pg)
    return data


def _timed(work) -> tuple[float, object]:  # noqa: ANN001
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def whole(args: argparse.Namespace) -> None:
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-district-"))
    print(f"Building {args.stations} stations in {work} …", flush=True)
    made, packages = _timed(lambda: _stations(work, args.stations, args.residents, args.year))
    size = sum(p.stat().st_size for _, p in packages)
    centre = _centre(work, args.pg, packages)
    files = [str(p) for _, p in packages]
    first, _ = _timed(lambda: _desk("package", "import", *files, data=centre, db=args.pg))
    peak_import = _children_peak_mb()
    report, answer = _timed(lambda: _desk("centre", "report", str(args.year), data=centre,
                                          db=args.pg))
    second, again = _timed(lambda: _desk("package", "import", *files, data=centre, db=args.pg))
    print(f"stations built and exported: {made:.0f} s")
    print(f"packages: {len(packages)}, {size / 1e6:.1f} MB in all")
    print(f"first import: {first:.1f} s (budget 600 s); centre's peak memory so far "
          f"{peak_import:.0f} MB")
    print(f"report for {args.year} (a whole command): {report:.2f} s (budget 5 s); "
          f"district awarded {answer['totals']['figures']['awarded.points']:,} points")
    print(f"second import: {second:.1f} s ({second / first:.0%} of the first); answer: "
          f"{json.dumps(again, ensure_ascii=False)[:300]}")
    print(f"peak memory of any centre or station command: {_children_peak_mb():.0f} MB")


def _backend_cpu(work) -> float | None:  # noqa: ANN001
    """The CPU seconds the server spent on ``work``, its parallel workers turned off so
    one process does it all: on a busy machine the wall time mostly measures the
    others' work. None when the server's process is not on this machine."""
    from app.models import database

    pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        return None

    def used() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    database.execute_sql("SET max_parallel_workers_per_gather = 0")
    try:
        before = used()
        work()
        return used() - before
    finally:
        database.execute_sql("RESET max_parallel_workers_per_gather")


def direct(args: argparse.Namespace) -> None:
    import datetime as dt

    from district_fill import centre_tree, fill, sizes

    from app.models import database, open_database
    from app.models.migrations import migrate
    from app.services import district_report

    open_database(args.pg)
    if not args.again:
        database.execute_sql("DROP SCHEMA public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
        migrate()
        stations = centre_tree(args.stations, INSTITUTES, dt.datetime(args.year + 1, 1, 5, 9))
        residents = sizes(args.stations, args.residents, random.Random(5))
        took, written = _timed(lambda: fill(stations, residents, args.year, args.scale))
        print(f"{written:,} records for {args.stations} stations ({sum(residents):,} "
              f"residents, scale {args.scale}) written in {took:.0f} s")
    rows, table = database.execute_sql(
        "SELECT COUNT(*), pg_size_pretty(pg_total_relation_size('district_record')) "
        "FROM district_record").fetchone()
    print(f"district_record: {rows:,} records, {table} with its indexes")
    print(f"load average before the report: {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
          "cores")
    chosen = district_report.parse_period(str(args.year))
    today = dt.date(args.year + 1, 1, 10)
    for run in range(args.runs):
        took, made = _timed(lambda: district_report.compute(chosen, today))
        print(f"report for {args.year}, run {run + 1}: {took:.2f} s (budget 5 s); "
              f"awarded {made.centre.values['awarded.points']:,} points, "
              f"{made.centre.values['vouchers.issued.count']:,} vouchers")
    cpu = _backend_cpu(lambda: district_report.compute(chosen, today))
    if cpu is not None:
        print(f"report for {args.year} in one server process (no parallel workers): "
              f"{cpu:.2f} s of the server's CPU")
    month = district_report.parse_period(f"{args.year}-06")
    took, _ = _timed(lambda: district_report.compute(month, today))
    print(f"report for {args.year}-06: {took:.2f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process's peak memory: {rss:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", required=True, help="an empty PostgreSQL database for the centre")
    parser.add_argument("--stations", type=int, default=80)
    parser.add_argument("--residents", type=int, default=2000, help="per station, on average")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--work", default=None, help="folder for the stations and packages")
    parser.add_argument("--direct", action="store_true",
                        help="records straight into the centre's table; time the report only")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="with --direct: records per resident, times the demo station's")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--again", action="store_true",
                        help="with --direct: time the report on the records written before")
    args = parser.parse_args()
    direct(args) if args.direct else whole(args)


if __name__ == "__main__":
    main()
