"""The composition root of the window: QApplication, font, translator and style; the
station opened (with any start-up problem explained in a dialog); the first-run
wizard; sign-in; then the main window.

Heavy modules (the main window and its pages, QtPdf, reportlab, pypinyin) are
imported after the sign-in window is on screen, while the clerk types a password.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.config import Config
from app.startup import Opened
from app.views import errors, i18n, look, settings

log = logging.getLogger(__name__)
PRELOAD_DELAY_MS = 300



def setup_logging(config: Config) -> None:
    """The station's one rotating log file (shared with the command line)."""
    if not logging.getLogger().handlers:
        from app import logs

        logs.setup(config.log_dir)


def make_application() -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    look.prefer_sharp_scaling()
    app = QApplication(sys.argv)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("StationDesk")
    app.setWindowIcon(look.icon())
    return app


def _preload() -> None:
    # Runs once the sign-in window shows: the main window's modules and the pinyin
    # tables load while the clerk types, not after Enter.
    import app.views.main_window  # noqa: F401
    from app.services import pinyin

    pinyin.initials("预加载")


def open_station_or_error(config: Config) -> tuple[Opened | None, str]:
    """The opened station, or why it cannot be opened, in words (never a traceback)."""
    from app.startup import open_station

    try:
        return open_station(config), ""
    except Exception as exc:  # noqa: BLE001 - StartupError speaks; others get a reference
        return None, errors.message_for(exc)


def run_gui(config: Config) -> int:
    """Run the desk until its window closes; returns the process exit code."""
    setup_logging(config)
    app = make_application()
    errors.install_excepthook()
    family = look.load_fonts()
    i18n.install(settings.get(settings.LANGUAGE), config.data_dir / "translations")
    look.apply(app, family, settings.get(settings.LARGE_FONT))

    opened, problem = open_station_or_error(config)
    if opened is None:
        QMessageBox.critical(None, QCoreApplication.translate("App", "StationDesk 无法启动"),
                             problem)
        return 1
    try:
        return _run_opened(app, opened)
    finally:
        opened.close()


def _run_opened(app: QApplication, opened: Opened) -> int:
    from app.services import station
    from app.views.desk import Desk
    from app.views.signin import SignInDialog

    desk = Desk(opened.context)
    username = ""
    if not station.is_initialised():
        from app.views.wizard import FirstRunWizard

        wizard = FirstRunWizard(desk)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0
        username = wizard.admin_username
        if wizard.demo_problem:
            QMessageBox.warning(None, QCoreApplication.translate("App", "演示数据"),
                                wizard.demo_problem)
    dialog = SignInDialog(desk, station.current().name, username)
    # After the first paint (a 0 ms timer would run before it and delay the window).
    QTimer.singleShot(PRELOAD_DELAY_MS, _preload)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return 0
    from app.views.main_window import MainWindow

    desk.set_actor(dialog.actor)
    window = MainWindow(desk)
    window.show()
    window.raise_()
    window.activateWindow()  # keyboard shortcuts need an active window, WM or not
    window.desk_page.focus_scan()
    code = app.exec()
    desk.runner.wait()
    return code
