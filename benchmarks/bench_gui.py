"""Benchmarks of the desk window (not a test: run it on demand).

    .venv/bin/python benchmarks/bench_gui.py [DATA_DIR] [--runs 5] [--platform offscreen|xcb]

1. Cold start: a new process until the sign-in window has painted, against a new process
   showing a bare PySide6 window, alternated in one run (bare, small station, DATA_DIR,
   bare, …; the machine is noisy), median of ``--runs`` each. Measured for DATA_DIR and
   for a small station (300 residents), which shows what the station's size adds.
2. Memory: the RSS of a process with the residents page open, listing every resident of
   DATA_DIR and scrolled to the end (the scroll bar dragged down until nothing more loads).

DATA_DIR defaults to benchmarks/out/r100000-a4.8 (100,000 residents), made with
``station-desk demo`` only if it is missing. Each measurement runs in a fresh process.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
DEFAULT_STATION = OUT / "r100000-a4.8"
SMALL_STATION = OUT / "gui-r300"
PASSWORD = "Bench-2026!"

# The child exits the moment the first paint of the watched window reaches the event
# filter: what a clerk sees is a painted window, not a constructed one. The filter
# watches that window only (a window paints itself before its children): one on the
# whole application would also see the style's and the settings' objects, and wrapping
# those for Python costs a start what it never pays unwatched.
_WATCH = r"""
import os, sys, time
""" + "{before_qt}" + r"""
from PySide6.QtCore import QEvent, QObject

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", time.process_time(), flush=True)
            os._exit(0)
        return False
"""

BARE_CHILD = _WATCH.format(before_qt="") + r"""
from PySide6.QtWidgets import QApplication, QWidget
class Bare(QWidget):
    pass
app = QApplication(sys.argv)
watch = Watch()
w = Bare()
w.installEventFilter(watch)
w.resize(420, 300)
w.show()
app.exec()
"""

# The desk's modules load as ``station-desk`` loads them (the shell before Qt).
DESK_CHILD = _WATCH.format(before_qt="from app.views.shell import app as gui_app") + r"""
from app.runtime.config import resolve
from app.views.common import preferences
from app.views.shell import signin
preferences.use_file(sys.argv[2])
watch = Watch()
show = signin.SignInDialog.show
def hooked(dialog):
    dialog.installEventFilter(watch)
    show(dialog)
signin.SignInDialog.show = hooked
sys.exit(gui_app.run_gui(resolve(sys.argv[1])))
"""

BARE_RSS_CHILD = r"""
import os, sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget()
w.resize(1280, 760)
w.show()
for _ in range(5):
    app.processEvents()
with open("/proc/self/status") as f:
    print(next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024)
os._exit(0)
"""

RSS_CHILD = r"""
import json, sys, time
from PySide6.QtCore import QModelIndex

def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

from app.runtime.config import resolve
from app.models import Clerk
from app.services.context import Actor
from app.runtime.startup import open_station
from app.views.common import preferences
from app.views.shell import look
from app.views.shell.app import make_application
from app.views.shell.duty import Desk
preferences.use_file(sys.argv[2])
application = make_application()
look.apply(application, look.load_fonts(), False)
# The start-up check is measured by the cold start; here only the page's memory counts.
opened = open_station(resolve(sys.argv[1]), check=False)
admin = Clerk.select().where(Clerk.role == "admin").first()
from app.views.shell.main_window import RESIDENTS, MainWindow
desk = Desk(opened.context, config=opened.config)
desk.set_actor(Actor(admin.id, admin.username, admin.display_name, "admin"))
window = MainWindow(desk)
window.resize(1280, 760)
window.show()
window.show_page(RESIDENTS)
for _ in range(5):
    application.processEvents()
page = window.residents_page
before = rss_mb()
start = time.perf_counter()
bar = page.table.verticalScrollBar()
while page.model.canFetchMore(QModelIndex()):
    bar.setValue(bar.maximum())  # the view asks for the next page when it reaches the end
    application.processEvents()
page.table.scrollToBottom()
for _ in range(5):
    application.processEvents()
seconds = time.perf_counter() - start
last = page.model.index(page.model.rowCount() - 1, 0).data()
print(json.dumps({"rows": page.model.rowCount(), "last": last, "rss_open_mb": before,
                  "rss_end_mb": rss_mb(), "scroll_s": seconds}), flush=True)
opened.close()
import os
os._exit(0)  # measured: interpreter teardown with a window still alive is not the point
"""


def _env(platform: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "PYTHONPATH": str(ROOT)}
    env.pop("STATION_DESK_UI_SETTINGS", None)
    return env


def time_to_paint(code: str, args: list[str], platform: str,
                  timeout: float = 300) -> tuple[float, float]:
    """Seconds from start to the first paint: on the clock, and of the child's CPU (all
    its threads; steadier than the clock on a machine busy with other work)."""
    if args:  # a desk: a socket left by the last child (it ends without closing) is gone
        from app.runtime.config import resolve
        from app.views.shell.single import server_name

        Path(tempfile.gettempdir(), server_name(resolve(args[0]))).unlink(missing_ok=True)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=_env(platform), cwd=ROOT)
    line = child.stdout.readline() if child.stdout else ""
    elapsed = time.perf_counter() - start
    child.wait(timeout)
    if not line.startswith("painted"):
        problem = child.stderr.read() if child.stderr else ""
        raise RuntimeError(f"the window never painted: {problem}")
    return elapsed, float(line.split()[1])


def make_station(data_dir: Path, residents: int, activity: float) -> None:
    """``station-desk init`` and ``station-desk demo``, only if there is no station yet."""
    if (data_dir / "station.db").exists():
        return
    env = {**os.environ, "STATION_DESK_PASSWORD": PASSWORD}
    cli = [sys.executable, "-m", "app", "--data-dir", str(data_dir)]
    print(f"making {data_dir} ({residents} residents)…", file=sys.stderr)
    subprocess.run([*cli, "init", "--station-code", "BM01", "--station-name", "基准测试站",
                    "--admin", "admin"], check=True, env=env, cwd=ROOT, capture_output=True)
    subprocess.run([*cli, "--as", "admin", "demo", "--residents", str(residents),
                    "--activity", str(activity)], check=True, env=env, cwd=ROOT,
                   capture_output=True)


def median_ms(samples: list[tuple[float, float]]) -> str:
    wall, cpu = (statistics.median(s[i] for s in samples) for i in (0, 1))
    return f"{wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)"


def ratio(samples: list[tuple[float, float]], bare: list[tuple[float, float]]) -> str:
    wall, cpu = (statistics.median(s[i] for s in samples) / statistics.median(b[i] for b in bare)
                 for i in (0, 1))
    return f"{wall:.2f}× bare (CPU {cpu:.2f}×)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_STATION)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-memory", action="store_true", help="cold start only")
    parser.add_argument("--platform", default="offscreen", help="offscreen, or xcb under Xvfb")
    args = parser.parse_args()
    if args.data_dir == DEFAULT_STATION:
        make_station(DEFAULT_STATION, 100_000, 4.8)
    make_station(SMALL_STATION, 300, 1.0)

    # A station's Python has the app's bytecode cached (the first start writes it); where
    # PYTHONDONTWRITEBYTECODE is set, stale bytecode would be compiled again in every child.
    compileall.compile_dir(ROOT / "app", quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        ini = str(Path(scratch) / "ui.ini")
        bare: list[tuple[float, float]] = []
        small: list[tuple[float, float]] = []
        big: list[tuple[float, float]] = []
        time_to_paint(DESK_CHILD, [str(args.data_dir), ini], args.platform)  # the file cached
        for _ in range(args.runs):
            bare.append(time_to_paint(BARE_CHILD, [], args.platform))
            small.append(time_to_paint(DESK_CHILD, [str(SMALL_STATION), ini], args.platform))
            big.append(time_to_paint(DESK_CHILD, [str(args.data_dir), ini], args.platform))
        if not args.no_memory:
            done = subprocess.run([sys.executable, "-c", RSS_CHILD, str(args.data_dir), ini],
                                  capture_output=True, text=True, env=_env(args.platform),
                                  cwd=ROOT, check=True)

    print(f"Desk window, platform {args.platform}, median of {args.runs} runs\n")
    print("| measurement | result |")
    print("|---|---|")
    print(f"| bare PySide6 window: start → painted | {median_ms(bare)} |")
    print(f"| desk, 300-resident station: start → sign-in painted | {median_ms(small)} "
          f"({ratio(small, bare)}) |")
    print(f"| desk, {args.data_dir.name}: start → sign-in painted | {median_ms(big)} "
          f"({ratio(big, bare)}) |")
    if args.no_memory:
        return 0
    memory = json.loads(done.stdout.strip().splitlines()[-1])
    bare_rss = float(subprocess.run([sys.executable, "-c", BARE_RSS_CHILD], capture_output=True,
                                    text=True, env=_env(args.platform), check=True).stdout)
    print(f"| bare PySide6 window: RSS | {bare_rss:.0f} MB |")
    print(f"| residents page open (first page listed): RSS | {memory['rss_open_mb']:.0f} MB |")
    print(f"| … all {memory['rows']:,} residents listed, scrolled to the end: RSS | "
          f"{memory['rss_end_mb']:.0f} MB |")
    print(f"| … time to scroll to the end (last row {memory['last']}) | "
          f"{memory['scroll_s']:.1f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
