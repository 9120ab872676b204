"""The window's shell: start, sign-in, main window, backups and checks while it runs.

The log and the error messages (Qt-free, needed before the sign-in) are imported here,
before the shell's first Qt import: once PySide6 is loaded it reads the source of every
module imported after it (looking for its ``__feature__`` switches). The station's own
modules (peewee, the models, the start-up check) are not: importing them here would hold
the first paint; they load after it, while the clerk types.
"""

from app.runtime import logs  # noqa: F401
from app.services import errors  # noqa: F401
