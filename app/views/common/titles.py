"""Window titles: what the window is for, then the application's name, said once and in
the interface language ("登录 — 文明实践站前台", "Sign in — StationDesk").

Qt appends the application's display name to every window title that does not already
end with it, dialogs and message boxes included; the display name is therefore the
translated name, set again whenever the language changes, and a composed title always
ends with it. Whatever a title must also say (a mark such as demo data) goes before it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QGuiApplication

CONTEXT = "Titles"
APP_NAME = QT_TRANSLATE_NOOP("Titles", "文明实践站前台")
SEPARATOR = " — "


def app_name() -> str:
    """The application's name in the interface language."""
    return QCoreApplication.translate(CONTEXT, APP_NAME)


def window_title(*parts: str) -> str:
    """A window's title: its parts (empty ones left out), then the application's name."""
    return SEPARATOR.join([*(p for p in parts if p), app_name()])


def apply_display_name() -> None:
    """Make the display name Qt appends to titles the translated application name."""
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        QGuiApplication.setApplicationDisplayName(app_name())
