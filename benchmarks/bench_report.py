"""A year's report (统计报表) on a big station, beside the one grouped read of the ledger
it is built on done in raw sqlite3, run in turns. Not a test: run it on demand, on a copy
of a station (it writes nothing, but a first open migrates an older copy).

    .venv/bin/python benchmarks/bench_report.py --station /tmp/copy-of-a-big-station --year 2026

Wall time and the process's CPU time are both printed: on a shared machine the wall
time mostly measures the other work's disk reads.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import raw_connection  # noqa: E402

from app.models import open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services.reports import period, report, xlsx  # noqa: E402

RAW = ("SELECT l.kind, d.deed_type_id, l.resident_id, COUNT(l.seq), SUM(l.points) "
       "FROM ledger_entry l LEFT JOIN deed d ON l.deed_id = d.id "
       "WHERE l.kind IN ('award', 'deduct') AND l.business_date BETWEEN ? AND ? "
       "GROUP BY l.kind, d.deed_type_id, l.resident_id")


def _clock(work) -> tuple[float, float]:  # noqa: ANN001
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--station", type=Path, required=True, help="a copy of a station")
    parser.add_argument("--year", default="2026")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--xlsx", type=Path, default=None, help="also write the workbook")
    args = parser.parse_args()
    db_file = args.station / "station.db"
    open_database(db_file)
    migrate()
    chosen = period.parse("year", args.year)
    conn = raw_connection(db_file)
    bounds = (str(chosen.start), str(chosen.end))
    rows: list[tuple[str, float, float]] = []
    for n in range(args.runs):
        sides = [("report", lambda: report.compute(chosen)),
                 ("raw", lambda: conn.execute(RAW, bounds).fetchall())]
        for name, work in sides if n % 2 == 0 else reversed(sides):
            rows.append((name, *_clock(work)))
    for name in ("report", "raw"):
        mine = [(w, c) for side, w, c in rows if side == name]
        print(f"{name:7s} " + "  ".join(f"{w:6.1f} s wall / {c:5.1f} s CPU" for w, c in mine))
    if args.xlsx:
        made = report.compute(chosen)
        print("xlsx", f"{_clock(lambda: xlsx.write_xlsx(made, args.xlsx))[0]:.2f} s")


if __name__ == "__main__":
    main()
