"""One attendance scan in the window on a big station: from the scanner's Enter in the
attendance mode's scan field to the acknowledgement painted on screen. Not a test: run
it on demand, on a copy of a station (it migrates the copy and adds an activity).

    cp -r /path/to/r100k /tmp/attend-big
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_attendance_gui.py \
        /tmp/attend-big --scans 600

The work runs on the desk's real background worker, as at the desk; each scan waits
for the previous acknowledgement (a scanner is slower than that), and the time stops
when the large line has been repainted with the new text.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_attendance import scanning_station  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.models import Resident  # noqa: E402
from app.views.shell import look  # noqa: E402
from app.views.shell.duty import Desk  # noqa: E402
from app.views.volunteering.page import ActivitiesPage  # noqa: E402


class PaintWatch(QObject):
    """Notes when the watched label has painted after a scan was answered."""

    def __init__(self) -> None:
        super().__init__()
        self.answered = False
        self.painted_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self.answered and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def measure(page: ActivitiesPage, watch: PaintWatch, code: str) -> tuple[float, str]:
    field = page.mode.field
    QTest.keyClicks(field, code)
    watch.answered, watch.painted_at = False, None
    start = time.perf_counter()
    QTest.keyClick(field, Qt.Key.Key_Return)
    deadline = start + 10
    while watch.painted_at is None and time.perf_counter() < deadline:
        QApplication.processEvents()
    if watch.painted_at is None:
        raise SystemExit(f"no acknowledgement painted for {code}")
    return (watch.painted_at - start) * 1000, page.mode.ack.text()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--scans", type=int, default=600)
    args = parser.parse_args()
    app = QApplication([])
    look.apply(app, look.load_fonts(), False)
    ctx, made = scanning_station(args.data_dir, "基准扫码（窗口）")
    count = Resident.select().count()
    rows = list(Resident.select(Resident.card_code, Resident.resident_no)
                .where(Resident.archived == False)  # noqa: E712
                .order_by(Resident.id).tuples())
    picked = random.Random(2).sample(rows, args.scans)
    desk = Desk(ctx)
    desk.set_actor(ctx.actor)
    page = ActivitiesPage(desk)
    page.resize(1280, 800)
    page.show()
    page.refresh()
    page.select(made.id)
    page.attend_button.click()
    watch = PaintWatch()
    page.mode.ack.installEventFilter(watch)
    page.mode.acknowledged.connect(lambda text: setattr(watch, "answered", True))
    signed, repeats, numbers = [], [], []
    for n, (card, number) in enumerate(picked):
        if n % 5 == 4:  # a clerk typing a resident number instead of scanning
            elapsed, text = measure(page, watch, number)
            numbers.append(elapsed)
        else:
            elapsed, text = measure(page, watch, card)
            signed.append(elapsed)
        assert "签到" in text, text
    for card, _ in picked[:100]:
        elapsed, text = measure(page, watch, card)
        assert "重复扫码" in text, text
        repeats.append(elapsed)
    desk.finish()
    print(f"residents {count}, scans {len(signed) + len(numbers)} + {len(repeats)} repeats")
    for name, samples in (("card scan (sign-in)", signed), ("resident number", numbers),
                          ("repeat scan", repeats)):
        print(f"{name:<20} p50 {statistics.median(samples):.1f} ms, "
              f"p95 {p95(samples):.1f} ms, max {max(samples):.1f} ms")


if __name__ == "__main__":
    main()
