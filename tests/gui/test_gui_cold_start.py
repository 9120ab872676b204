"""The cold start of the desk: what a new process loads before the sign-in shows.

The sign-in window is up before anything only a later step needs: the station is opened
after the first paint (peewee, the models, the start-up check and the password service
load then, while the clerk types), a SQLite station never loads a PostgreSQL driver or
peewee's URL parser, and the password hasher, the key and token cryptography, the main
window, the printing, the log file's handlers, the error classes and the tables wait
until after the first paint too. So does Qt's namespace of enums (``QtCore.Qt``), whose
Python enums are the dearest thing PySide6 makes on the way to a first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.models import database

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# Started as the desk is: the process reports what it has loaded when the sign-in window
# first paints, and ends there.
CHILD = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject

class Watch(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and type(obj.window()).__name__ == "SignInDialog"):
            # A name bound to None is an import refused on purpose, not a module loaded.
            loaded = sorted(n for n, m in sys.modules.items() if m is not None)
            import PySide6.QtCore  # its types are made on first use: was Qt's made?
            made = ["QtCore.Qt"] if "Qt" in vars(PySide6.QtCore) else []
            print(json.dumps(loaded + made), flush=True)
            os._exit(0)
        return False

from app.runtime.config import resolve
from app.views.shell import app as gui_app
make = gui_app.make_application
watch = Watch()

def hooked():
    application = make()
    application.installEventFilter(watch)
    return application

gui_app.make_application = hooked
sys.exit(gui_app.run_gui(resolve(sys.argv[1])))
"""

# Loaded only when something after the sign-in needs them.
LATER = ("peewee", "app.models", "app.runtime.startup", "app.services.auth",
         "app.services.station", "psycopg2", "psycopg", "playhouse.db_url", "argon2",
         "cryptography", "reportlab", "pypinyin", "app.views.shell.main_window",
         "app.printing", "logging.handlers", "app.services.errors", "app.views.tables",
         "subprocess", "QtCore.Qt", "tomllib", "importlib.metadata",
         "app.views.shell.about_dialog")


def loaded_at_sign_in(data_dir: Path, tmp_path: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "STATION_DESK_UI_SETTINGS": str(tmp_path / "child-ui.ini")}
    done = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0 and lines, done.stderr
    return json.loads(lines[-1])


def test_the_sign_in_of_a_sqlite_station_shows_before_what_it_does_not_need(ctx, tmp_path):
    """A set-up SQLite station: the sign-in paints before the station is opened (no
    peewee, no models, no start-up check), with no PostgreSQL driver, no URL parser, no
    password hasher, no cryptography, no printing and no main window loaded."""
    database.close()  # the station is the child's now
    modules = set(loaded_at_sign_in(tmp_path, tmp_path))
    assert "app.views.shell.signin" in modules  # the watch saw the real sign-in
    early = sorted(name for name in modules
                   if any(name == later or name.startswith(later + ".") for later in LATER))
    assert early == []
