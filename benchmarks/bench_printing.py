"""How long the printed documents take to make (run by hand, not part of the tests).

    .venv/bin/python benchmarks/bench_printing.py [--runs 15]

Sets up a throw-away station in a temporary directory, issues real signed vouchers and
registers 100 residents, then times each document as the median of several runs. The
one-time costs (importing reportlab, registering the CJK font) are measured first and
reported on their own lines, so the per-document figures are what a desk pays on every
print after the first. A baseline makes the same A4 page with bare reportlab calls (one
``canvas.rect`` per dark module, one ``drawString`` per line) for comparison.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.models import open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import auth, ledger, residents, station, vouchers  # noqa: E402
from app.services.context import Context, FixedClock  # noqa: E402

PASSWORD = "Bench-2026!"


def median_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def setup(directory: Path) -> tuple[Context, int]:
    open_database(directory / "bench.db")
    migrate()
    base = Context(directory, FixedClock(dt.datetime(2026, 11, 23, 9, 30)))
    station.init_station(base, "XH01", "新华社区新时代文明实践站", "admin", PASSWORD, "王站长")
    ctx = base.as_actor(auth.sign_in(base, "admin", PASSWORD))
    holder = residents.register(ctx, residents.ResidentInput(
        name="张明月", id_number="11010519491231002X", phone="13812345678"))
    ledger.adjust(ctx, holder.id, 100000, "基准测试")
    return ctx, holder.id


def bare_reportlab_sheet(rows: list[vouchers.VoucherRow]) -> bytes:
    """The naive version: the same codes and a few lines of text per voucher."""
    from qrcode import QRCode
    from qrcode.constants import ERROR_CORRECT_Q
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4)
    for n, row in enumerate(rows):
        x, y = 10 * mm + (n % 2) * 97 * mm, A4[1] - 80 * mm - (n // 2) * 70 * mm
        code = QRCode(error_correction=ERROR_CORRECT_Q, border=4)
        code.add_data(row.token)
        code.make(fit=True)
        for r, line in enumerate(code.get_matrix()):
            for col, dark in enumerate(line):
                if dark:
                    c.rect(x + 50 * mm + col * 0.52 * mm, y + 60 * mm - r * 0.52 * mm,
                           0.52 * mm, 0.52 * mm, stroke=0, fill=1)
        c.setFont("StationSans", 7)
        for i, text in enumerate((row.serial, row.holder, row.issue_date, row.expiry_date,
                                  row.check_code, row.clerk, "道德积分兑换券")):
            c.drawString(x, y + 50 * mm - i * 4 * mm, text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    start = time.perf_counter()
    from app.printing import fonts
    from app.printing.cards import cards_pdf
    from app.printing.statement import statement_pdf
    from app.printing.vouchers import voucher_sheet_pdf, voucher_thermal_pdf
    imported = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    fonts.ensure_registered()
    registered = (time.perf_counter() - start) * 1000

    with tempfile.TemporaryDirectory() as directory:
        ctx, holder = setup(Path(directory))
        info = station.current()
        vouchers.issue(ctx, holder, 102, denominations=[50, 20, 10, 10, 5, 5, 1, 1],
                       request_id="bench-8")
        eight = vouchers.vouchers_of_issue("bench-8")
        people = [residents.register(ctx, residents.ResidentInput(name=f"居民{n:03d}"))
                  for n in range(100)]
        for n in range(200):
            ledger.adjust(ctx, holder, n % 7 + 1, f"志愿服务第{n + 1}次")
        rows = ledger.entries(holder, limit=1000, newest_first=False)
        opening, today = 0, ctx.clock.today()
        counter = iter(range(10**6))

        def issue_and_print() -> bytes:
            request = f"bench-5-{next(counter)}"
            vouchers.issue(ctx, holder, 86, request_id=request)
            return voucher_sheet_pdf(vouchers.vouchers_of_issue(request), info)

        table = [
            ("sheet of 8 vouchers (A4)", lambda: voucher_sheet_pdf(eight, info), 8),
            ("bare reportlab, same 8 codes", lambda: bare_reportlab_sheet(eight), 8),
            ("issue 5 vouchers + sheet", issue_and_print, 5),
            ("thermal voucher (384 dots)", lambda: voucher_thermal_pdf(eight[0], info), 1),
            ("100 resident cards (10 pages)", lambda: cards_pdf(people, info), 100),
            ("statement, 200 entries", lambda: statement_pdf(
                residents.get(holder), info, rows, opening, today, today), len(rows)),
        ]
        print(f"one-time: import printing modules {imported:7.1f} ms")
        print(f"one-time: register the CJK font   {registered:7.1f} ms")
        print(f"{'document':32} {'median ms':>10} {'min ms':>8} {'ms/item':>8}")
        for name, work, items in table:
            work()  # warm-up: the first use of each layout loads nothing new after this
            median, fastest = median_ms(work, runs)
            print(f"{name:32} {median:10.1f} {fastest:8.1f} {median / items:8.2f}")
        print(f"(median of {runs} runs; budget: issue 5 vouchers, sign + PDF <= 150 ms)")


if __name__ == "__main__":
    main()
