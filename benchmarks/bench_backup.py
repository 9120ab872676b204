"""The desk's backup of a large station beside a bare copy with SQLite's backup API,
alternated in one run (the machine is noisy). Not a test: run it on demand.

    .venv/bin/python benchmarks/bench_backup.py DATA_DIR [--runs 3]

StationDesk's backup is what the desk does when it closes (``backup_to`` with the
station's keys): the copy, its verification from the checkpoint on, fsync and rename.
The baseline opens the same file and copies it with ``sqlite3.Connection.backup``.
Each copy goes to a scratch folder beside nothing of the station's and is deleted.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def raw_copy(source: Path, dest: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target = sqlite3.connect(dest)
    conn.backup(target)
    target.close()
    conn.close()
    return time.perf_counter() - start


def desk_backup(keys: Path, dest: Path) -> float:
    from app.services import backup

    start = time.perf_counter()
    backup.backup_to(dest, keys)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scratch", type=Path, default=None,
                        help="where the copies go (default: a temporary folder)")
    args = parser.parse_args()

    from app.runtime.config import resolve
    from app.runtime.startup import open_station

    config = resolve(args.data_dir, None)
    opened = open_station(config)
    desk: list[float] = []
    raw: list[float] = []
    try:
        with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
            for n in range(args.runs):
                for kind in ("desk", "raw"):
                    dest = Path(scratch) / f"{kind}-{n}.db"
                    if kind == "desk":
                        desk.append(desk_backup(config.data_dir / "keys", dest))
                    else:
                        raw.append(raw_copy(config.sqlite_path, dest))
                    dest.unlink()
                    print(f"{kind} {n + 1}: {(desk if kind == 'desk' else raw)[-1]:.1f} s",
                          file=sys.stderr, flush=True)
    finally:
        opened.close()
    size = config.sqlite_path.stat().st_size / 1e9
    print(f"Backup of {args.data_dir} ({size:.2f} GB), median of {args.runs} runs each\n")
    print("| measurement | result |")
    print("|---|---|")
    print(f"| SQLite backup API copy (raw sqlite3) | {statistics.median(raw):.1f} s |")
    print(f"| StationDesk backup, verified | {statistics.median(desk):.1f} s "
          f"({statistics.median(desk) / statistics.median(raw):.2f}× raw) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
