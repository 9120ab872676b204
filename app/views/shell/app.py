"""The composition root of the window: QApplication, font, translator and style; the
station opened (with any start-up problem explained in a dialog, and a damaged database
offered its newest verified backup); the first-run wizard; sign-in; then the main window.
A district centre's database opens into the centre's window instead, with no wizard and
no sign-in (``app.views.centre``).

A station already set up shows its sign-in first and is opened right after the first
paint, while the clerk types: the station's modules (peewee, the models, the start-up
check) load then, not before the window is on screen.

When an admin restores a backup from the window, the window closes, the station is
closed, the backup is put in place, and the desk starts again from the sign-in.

Heavy modules (the main window and its pages, QtPdf, reportlab, pypinyin) are
imported after the sign-in window is on screen, while the clerk types a password.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.runtime.config import Config
from app.views.common import errors, i18n, preferences
from app.views.shell import look

if TYPE_CHECKING:
    from app.runtime.startup import Opened
    from app.views.common.background import Runner
    from app.views.shell.demo_banner import FreshStartRequest
    from app.views.shell.duty import Desk
    from app.views.shell.recovery_dialog import RestoreRequest
    from app.views.shell.signin import SignInDialog
    from app.views.shell.whole_check import WholeCheck

log = logging.getLogger(__name__)
PRELOAD_DELAY_MS = 300
FIRST_PAINT_WAIT_MS = 1000  # a window system that never paints does not hold the start



def setup_logging(config: Config) -> None:
    """The station's one rotating log file (shared with the command line)."""
    if not logging.getLogger().handlers:
        from app.runtime import logs

        logs.setup(config.log_dir)


def make_application() -> QApplication:
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    app = QApplication(sys.argv)
    app.setOrganizationName(preferences.ORGANISATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setWindowIcon(look.icon())
    return app


def _preload() -> None:
    # Runs once the sign-in window shows: the main window's modules and the pinyin
    # tables load while the clerk types, not after Enter.
    import app.views.shell.main_window  # noqa: F401
    from app.services import pinyin

    pinyin.initials("预加载")


def open_station_or_error(config: Config, early: QWidget | None = None
                          ) -> tuple[Opened | None, str]:
    """The opened station, or why it cannot be opened, in words (never a traceback).
    A damaged database is raised as ``DamagedDatabase``: it has a remedy to offer.
    ``early``, a sign-in shown before the opening, is hidden when it fails."""
    from app.runtime.health import DamagedDatabase
    from app.runtime.startup import StationInUse, open_station

    try:
        return open_station(config, whole_in_background=True), ""
    except DamagedDatabase:
        raise
    except StationInUse as exc:
        from app.views.shell import single

        _hide(early)  # the window already open comes forward instead, or the clerk is told
        if single.wait_for_first(config):
            raise single.ShownInstead() from None
        return None, errors.message_for(exc)
    except Exception as exc:  # noqa: BLE001 - StartupError speaks; others get a reference
        _hide(early)
        return None, errors.message_for(exc)


def _hide(early: QWidget | None) -> None:
    if early is not None:
        early.hide()


def recovered(config: Config, damage: Exception, runner: Runner | None = None) -> bool:
    """Offer a damaged station's newest verified backup; whether it was restored."""
    from app.views.shell import single
    from app.views.shell.recovery_dialog import DamagedDialog, restored_message

    dialog = DamagedDialog(config, damage, runner)
    server = single.ActivationServer(config, dialog)  # a second start finds this dialog
    server.listen()
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
            return False
    finally:
        server.close()
    QMessageBox.information(None, QCoreApplication.translate("App", "恢复完成"),
                            restored_message(dialog.restored))
    return True


def open_or_recover(config: Config, runner: Runner | None = None,
                    early: QWidget | None = None) -> Opened | None:
    """The opened station; a damaged one is offered its newest verified backup first.
    None: it cannot be opened and the clerk was told why. ``early``: as for
    ``open_station_or_error``."""
    from app.runtime.health import DamagedDatabase

    while True:
        try:
            opened, problem = open_station_or_error(config, early)
        except DamagedDatabase as exc:
            _hide(early)
            if not recovered(config, exc, runner):
                return None
            continue  # open the restored station, checked like any other
        if opened is None:
            QMessageBox.critical(None, QCoreApplication.translate("App", "无法启动"), problem)
        return opened


def run_gui(config: Config) -> int:
    """Run the desk until its window closes; returns the process exit code."""
    from app.views.shell import single

    app = make_application()
    if single.ask_first_to_show(config):
        return 0  # the window already open on this station came forward instead
    family = look.load_fonts()
    i18n.install(preferences.get(preferences.LANGUAGE), config.data_dir / "translations")
    look.apply(app, family, preferences.get(preferences.LARGE_FONT))

    early = early_sign_in(config)
    # The log file and the error hook once sign-in is on screen: painting it needs
    # neither, and their modules are most of what a start would load before it.
    setup_logging(config)
    errors.install_excepthook()
    while True:
        try:
            opened = open_or_recover(config, early=early)
        except single.ShownInstead:
            return 0
        if opened is None:
            return 1
        server = single.ActivationServer(config)  # the lock is ours: later starts call here
        QTimer.singleShot(PRELOAD_DELAY_MS, server.listen)  # once the first window shows
        try:
            outcome = _run_opened(app, opened, early)
        finally:
            server.close()
            opened.close()
        early = None  # a start after a restore or a fresh start opens the station first
        if isinstance(outcome, int):
            return outcome
        if isinstance(outcome, Exception):  # the background check found damage
            if not recovered(config, outcome):
                return 1
            continue
        from app.views.shell.demo_banner import FreshStartRequest, start_for_real_after_close

        if isinstance(outcome, FreshStartRequest):
            start_for_real_after_close(config, outcome)  # then the desk opens again
            continue
        restore_after_close(config, outcome)  # then the desk opens again


def early_sign_in(config: Config) -> SignInDialog | None:
    """The sign-in of a station already set up, painted before the station opens (keys
    typed meanwhile wait in the queue); None for a first run (the wizard), a server or
    a centre (no sign-in)."""
    if not (config.is_sqlite and config.sqlite_path.exists()):
        return None
    from app.runtime.role import is_centre_file

    if is_centre_file(config.sqlite_path):
        return None
    from app.views.shell.signin import SignInDialog

    dialog = SignInDialog(None, "")
    dialog.setModal(True)  # application-modal, as ``exec`` shows it
    dialog.show()
    _until_painted(dialog)
    return dialog


class _Painted(QObject):
    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.loop.quit)  # once this paint is done
        return False


def _until_painted(window: QWidget) -> None:
    loop = QEventLoop()
    painted = _Painted(loop)
    window.installEventFilter(painted)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, loop.quit)
    loop.exec()
    window.removeEventFilter(painted)


def _first_whole_check(desk: Desk) -> WholeCheck:
    """A station never checked before is checked whole while the sign-in shows; its
    writes wait for the pass (the main window takes the check over)."""
    from app.views.shell.whole_check import WholeCheck

    check = WholeCheck(desk)
    check.start()
    return check


def restore_after_close(config: Config, request: RestoreRequest,
                        runner: Runner | None = None) -> bool:
    """Put the backup an admin chose in place, with the station closed; say how it went."""
    from app.views.common.background import run_while_closed
    from app.views.shell.recovery_dialog import restore_backup, restored_message

    title = QCoreApplication.translate("App", "恢复备份")
    done = run_while_closed(
        runner, QCoreApplication.translate("App", "正在恢复备份…"),
        lambda: restore_backup(config, request), title,
        QCoreApplication.translate("App", "没有恢复，数据保持原样：{reason}"))
    if done is None:
        return False
    QMessageBox.information(None, title, restored_message(done))
    return True


def _run_centre(app: QApplication, opened: Opened, desk: Desk) -> int | Exception:
    """The centre's window, on a desk with no clerk (a centre's writes are audited under
    the operator's system user): the exit code, or the damage its background check
    found."""
    from app.views.centre.window import CentreWindow

    window = CentreWindow(desk)
    window.show()
    window.raise_()
    window.activateWindow()  # keyboard shortcuts need an active window, WM or not
    window.show_warnings(opened.warnings)
    window.start_background_work()
    code = app.exec()
    desk.finish()
    return window.whole_check.damage or code


def _run_opened(app: QApplication, opened: Opened, early: SignInDialog | None = None
                ) -> int | RestoreRequest | FreshStartRequest | Exception:
    """The wizard, the sign-in (``early``, if it showed before the station opened) and
    the main window (or a centre's window): the exit code, the restore or the clearing
    of demo data an admin asked for, or the damage the background check found (each
    dealt with once the station is closed)."""
    from app.services import station
    from app.views.shell.duty import Desk
    from app.views.shell.signin import SignInDialog

    desk = Desk(opened.context, config=opened.config)
    username = ""
    if not station.is_initialised():
        from app.services import centre

        if centre.current() is not None:
            _hide(early)
            return _run_centre(app, opened, desk)
        from app.views.shell.wizard import FirstRunWizard

        _hide(early)
        early = None
        wizard = FirstRunWizard(desk)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0
        username = wizard.admin_username
        if wizard.demo_problem:
            QMessageBox.warning(None, QCoreApplication.translate("App", "演示数据"),
                                wizard.demo_problem)
    info = station.current()
    if early is None:
        dialog = SignInDialog(desk, info.name, username, demo=info.demo)
    else:
        dialog = early
        dialog.attach(desk, info.name, demo=info.demo)
    # After the first paint (a 0 ms timer would run before it and delay the window).
    QTimer.singleShot(PRELOAD_DELAY_MS, _preload)
    first_check = _first_whole_check(desk) if opened.whole_check_due else None
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        if first_check is not None:
            first_check.cancel()  # checked whole at the next start instead
            desk.finish()
        return 0
    from app.views.shell.main_window import MainWindow
    from app.views.shell.placement_dialog import settle_placement

    desk.set_actor(dialog.actor)
    held = settle_placement(desk)  # a copy opened elsewhere: the admin decides, once
    window = MainWindow(desk, whole_check=first_check)
    window.show()
    window.raise_()
    window.activateWindow()  # keyboard shortcuts need an active window, WM or not
    window.desk_page.focus_scan()
    window.show_warnings(opened.warnings + held)
    window.start_background_work()
    code = app.exec()
    desk.finish()
    return (window.whole_check.damage or window.restore_request or window.fresh_start_request
            or code)
