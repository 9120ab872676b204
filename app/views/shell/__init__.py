"""The window's shell: start, sign-in, main window, backups and checks while it runs.

The log (Qt-free) is imported here, before the shell's first Qt import: once PySide6 is
loaded it reads the source of every module imported after it (looking for its
``__feature__`` switches). The station's own modules (peewee, the models, the start-up
check) are not: they load after the sign-in has painted, while the clerk types.
"""

from app.runtime import logs  # noqa: F401
