"""A 10,000-row roster imported into a fresh station: the roster is messy the way real
ones are (a merged title, full-width digits, phones with +86 and dashes, legacy 15-digit
ID numbers, households, tags, a few bad rows, a totals row). Times reading the file, the
dry run, the import, and importing the same file again. Not a test: run it on demand.

    .venv/bin/python benchmarks/bench_import.py [--rows 10000] [--db postgresql://…]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models import Resident, open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import auth, demo_people, roster_import, station  # noqa: E402
from app.services.context import Context  # noqa: E402

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
TAGS = ("党员", "志愿者", "独居老人", "低保户", "", "", "", "")


def messy_phone(rng: random.Random) -> str:
    phone = demo_people.phone(rng)
    return rng.choice((phone, f"+86 {phone}", f"{phone[:3]}-{phone[3:7]}-{phone[7:]}",
                       phone.translate(FULL_WIDTH), f"0086{phone}"))


def build(path: Path, rows: int, seed: int = 7) -> Path:
    from openpyxl import Workbook

    rng = random.Random(seed)
    taken: set[str] = set()
    book = Workbook()  # as Excel saves: shared strings and the sheet's dimension
    sheet = book.active
    sheet.append(["某社区居民花名册"])
    sheet.append(["序号", "姓名", "性别", "身份证号码", "联系电话", "家庭住址", "网格", "户主姓名",
                  "与户主关系", "标签", "备注"])
    head = ""
    for n in range(1, rows + 1):
        name = demo_people.name(rng)
        number, _born, gender = demo_people.id_number(rng, taken)
        roll = rng.random()
        if roll < 0.05 and number[6:8] == "19":
            number = number[:6] + number[8:17]  # the legacy 15-digit form
        elif roll < 0.15:
            number = number.translate(FULL_WIDTH)
        elif roll < 0.17:
            number = number[:15] + "000"  # what Excel's 15 digits leave
        compound, building, unit, room = demo_people.address(rng)
        if n % 3 == 1:
            head, relation = name, "户主"
        else:
            relation = rng.choice(("配偶", "子女", "父母"))
        sheet.append([n, f"\u3000{name}" if roll > 0.97 else name, "男" if gender == "M" else "女",
                      number, messy_phone(rng), f"{compound}{building}栋{unit}单元{room}室",
                      rng.choice(demo_people.GRIDS), head, relation, rng.choice(TAGS), ""])
    sheet.append(["合计", f"共 {rows} 人"])
    book.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--db", default=None, help="a PostgreSQL URL (default: a SQLite file)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    open_database(args.db or work / "station.db")
    migrate()
    base = Context(work)
    station.init_station(base, "BM01", "基准站", "admin", "Bench-2026!", "管理员")
    ctx = base.as_actor(auth.sign_in(base, "admin", "Bench-2026!"))
    started = time.perf_counter()
    path = build(work / "roster.xlsx", args.rows)
    print(f"built {args.rows} rows in {time.perf_counter() - started:.1f} s "
          f"({path.stat().st_size // 1024} KiB)")
    started = time.perf_counter()
    roster = roster_import.load(path)
    read_s = time.perf_counter() - started
    dry = roster_import.run(ctx, roster, dry_run=True)
    started = time.perf_counter()
    result = roster_import.run(ctx, roster_import.load(path))
    import_s = time.perf_counter() - started
    again = roster_import.run(ctx, roster_import.load(path))
    print(f"read {read_s:.2f} s; dry run {dry.seconds:.2f} s")
    print(f"import (read + check + write, one transaction) {import_s:.2f} s: "
          f"{result.imported} imported, {result.refused} refused, {result.skipped} skipped, "
          f"{result.households} households; residents now {Resident.select().count()}")
    print(f"again {again.seconds:.2f} s: {again.imported} imported, {again.existing} there")
    assert again.imported == 0


if __name__ == "__main__":
    main()
