"""The window's shell: start, sign-in, main window, backups and checks while it runs.

The station's own (Qt-free) modules that the start needs are imported here, before the
shell's first Qt import: once PySide6 is loaded it reads the source of every module
imported after it (looking for its ``__feature__`` switches), which costs the start
tens of milliseconds for nothing.
"""

from app.runtime import logs, startup  # noqa: F401
from app.services import station  # noqa: F401
