"""The Qt binding itself must survive a long day at the desk: PySide6 6.12.0 on Python 3.11
drops a reference to True or False on every Signal.emit from Python, and the process aborts
("bool_dealloc") after a few thousand emits. Run in a child process so that an abort is a
failed test rather than the end of the test run."""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Announcer(QObject):
    number = Signal(int)
    message = Signal(str, bool)

app = QCoreApplication([])
announcer = Announcer()
announcer.number.connect(lambda value: None)
announcer.message.connect(lambda text, ok: None)
before = sys.getrefcount(True)
for i in range(20_000):
    announcer.number.emit(i)
    announcer.message.emit("saved", i % 2 == 0)
print(sys.getrefcount(True) - before)
"""


def test_signals_emitted_all_day_do_not_exhaust_the_interpreter():
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-400:]
    assert abs(int(done.stdout.strip())) < 100
