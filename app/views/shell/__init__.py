"""The window's shell: start, sign-in, main window, backups and checks while it runs.

The configuration (Qt-free, needed before the sign-in) is imported here, before the
shell's first Qt import: once PySide6 is loaded it reads the source of every module
imported after it (looking for its ``__feature__`` switches). The log, the error classes
and the station's own modules (peewee, the models, the start-up check) are not: they
load after the first paint, while the clerk types.
"""

from app.runtime import config  # noqa: F401
