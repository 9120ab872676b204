"""The main window: a thin shell hosting the pages in a sidebar, the clerk on duty in
the status bar, and the lock screen (Ctrl+L, switching clerk, or idle time: a
resident's data must not stay on an unattended screen).

It also runs the whole-file check in the background after sign-in (a fault stops writes
and is shown; see ``whole_check``), then the automatic backups (daily while open, and
one more when it closes), says
once after sign-in what the start-up check warned about (low disk space), and closes
itself when an admin asks for a restore (``restore_request``): the composition root then
restores with the station closed and opens the desk again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import deeds
from app.services import station as station_service
from app.services.changes import Changes
from app.services.context import Actor
from app.views.admin.backups_page import BackupsPage
from app.views.admin.catalogue import CataloguePage
from app.views.admin.clerks import ClerksPage
from app.views.admin.corrections import CorrectionsPage
from app.views.admin.pending import PendingPage
from app.views.admin.settings_page import SettingsPage
from app.views.admin.settlement_page import SettlementPage
from app.views.admin.year_end import YearEndPage
from app.views.common import labels, preferences, titles
from app.views.common.page import Page
from app.views.desk.closeout_page import CloseoutPage
from app.views.desk.page import DeskPage
from app.views.desk.redeem_page import RedeemPage
from app.views.district.package_page import PackagePage
from app.views.honours.page import HonoursPage
from app.views.reports.page import ReportsPage
from app.views.residents.page import ResidentsPage
from app.views.shell import about_dialog, look
from app.views.shell.backup_schedule import BackupScheduler
from app.views.shell.demo_banner import DemoBanner, FreshStartRequest
from app.views.shell.duty import Desk
from app.views.shell.idle import IdleWatcher
from app.views.shell.recovery_dialog import RestoreRequest
from app.views.shell.sidebar import SHORTCUT_PAGES as SHORTCUT_PAGES
from app.views.shell.sidebar import Sidebar
from app.views.shell.signin import SignInForm
from app.views.shell.whole_check import WholeCheck
from app.views.store.page import StorePage
from app.views.volunteering.page import ActivitiesPage

# Every page of the window; each declares its key, sidebar title, place and audience.
PAGE_CLASSES: tuple[type[Page], ...] = tuple(sorted(
    (DeskPage, RedeemPage, ResidentsPage, PendingPage, CataloguePage, CorrectionsPage,
     ClerksPage, SettingsPage, YearEndPage, BackupsPage, ActivitiesPage, StorePage,
     SettlementPage, CloseoutPage, ReportsPage, HonoursPage, PackagePage),
    key=lambda page: page.info.order))
(DESK, REDEEM, RESIDENTS, PENDING, CATALOGUE, CORRECTIONS, CLERKS, SETTINGS, YEAR_END,
 BACKUPS, ACTIVITIES) = ("desk", "redeem", "residents", "pending", "catalogue", "corrections",
                         "clerks", "settings", "year_end", "backups", "activities")


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, parent: QWidget | None = None,
                 whole_check: WholeCheck | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowIcon(look.icon())
        self.page_list: list[Page] = [page_class(desk) for page_class in PAGE_CLASSES]
        self.page_by_key = {page.info.key: page for page in self.page_list}
        self.desk_page: DeskPage = self.page_by_key[DESK]
        self.redeem_page: RedeemPage = self.page_by_key[REDEEM]
        self.residents_page: ResidentsPage = self.page_by_key[RESIDENTS]
        self.backups_page: BackupsPage = self.page_by_key[BACKUPS]
        self.backups = BackupScheduler(desk, self)
        self.restore_request: RestoreRequest | None = None
        self.fresh_start_request: FreshStartRequest | None = None  # demo data to clear
        self.warning_box: QMessageBox | None = None
        self._closing = False  # the close backup has been made (or tried)
        workspace = self._make_workspace()
        self._make_lock_screen(workspace)
        self._make_status_bar()
        # One begun while the sign-in showed (a station never checked before) carries on.
        self.whole_check = whole_check or WholeCheck(desk)
        self.whole_check.setParent(self)
        self.whole_check.attach(self.statusBar())
        self.damage_box: QMessageBox | None = None

        self.idle = IdleWatcher(self)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        self.switch_button.clicked.connect(self._on_switch_button_clicked)
        self.lock_button.clicked.connect(self._on_lock_button_clicked)
        self.lock_form.signed_in.connect(self._on_lock_form_signed_in)
        self.idle.idle_timed_out.connect(self._on_idle_idle_timed_out)
        self.desk_page.voucher_scanned.connect(self._on_desk_page_voucher_scanned)
        self.residents_page.opened_at_desk.connect(self._on_residents_page_opened_at_desk)
        self.backups_page.restore_requested.connect(self._on_backups_page_restore_requested)
        self.demo_banner.clear_requested.connect(self._on_demo_banner_clear_requested)
        self.backups.backup_made.connect(self._on_backups_backup_made)
        self.backups.backup_failed.connect(self._on_backups_backup_failed)
        self.whole_check.found.connect(self._on_whole_check_found)
        self.whole_check.ended.connect(self._on_whole_check_ended)
        desk.clerk_changed.connect(self._on_desk_clerk_changed)
        desk.feedback_posted.connect(self._on_desk_feedback_posted)
        desk.changed.connect(self._on_desk_changed)

        self._show_station()
        self._on_desk_clerk_changed(desk.actor)
        self.show_page(DESK)
        if not self.restoreGeometry(preferences.get(preferences.MAIN_GEOMETRY)):
            self.resize(1280, 760)

    def _make_workspace(self) -> QWidget:
        self.sidebar = Sidebar(self, self.page_list, self.show_page)
        self.pages = self.sidebar.stack
        self.page_keys = self.sidebar.page_keys
        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        return workspace

    def _make_lock_screen(self, workspace: QWidget) -> None:
        self.lock_form = SignInForm(self.desk)
        lock_screen = QWidget()
        lock_screen.setObjectName("lockScreen")
        lock_layout = QVBoxLayout(lock_screen)
        lock_layout.addStretch(1)
        lock_layout.addWidget(self.lock_form, 0, Qt.AlignmentFlag.AlignHCenter)
        lock_layout.addStretch(2)
        self.lock_form.setMinimumWidth(440)  # wider when the heading needs it
        self.root = QStackedWidget()
        self.root.addWidget(workspace)
        self.root.addWidget(lock_screen)
        self.demo_banner = DemoBanner(self.desk)  # above every page and the lock screen
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.demo_banner)
        column.addWidget(self.root, 1)
        self.setCentralWidget(central)

    def _make_status_bar(self) -> None:
        self.station_label = QLabel()
        self.clerk_label = QLabel()
        self.clerk_label.setObjectName("clerkOnDuty")
        self.switch_button = QPushButton(self.tr("切换经办人"))
        self.switch_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button = QPushButton(self.tr("锁定 Ctrl+L"))
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar = self.statusBar()
        bar.addPermanentWidget(self.station_label)
        bar.addPermanentWidget(self.clerk_label)
        bar.addPermanentWidget(self.switch_button)
        bar.addPermanentWidget(self.lock_button)
        self.about_button = about_dialog.add_entry(self)  # and F1
        bar.addPermanentWidget(self.about_button)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock)

    def sidebar_item(self, key: str) -> QListWidgetItem:
        return self.sidebar.entry(key)

    def current_page_key(self) -> str:
        return self.pages.currentWidget().info.key

    def show_page(self, key: str) -> None:
        item = self.sidebar_item(key)
        if item.isHidden() or self.root.currentIndex() != 0:
            return
        self.sidebar.setCurrentItem(item)

    def _on_sidebar_current_row_changed(self, number: int) -> None:
        self.pages.setCurrentIndex(number)
        self.pages.currentWidget().setFocus()
        self._show_pending_count()  # another desk may have recorded or reviewed meanwhile

    def _show_pending_count(self) -> None:
        """The review queue's length on its sidebar entry, for the admins who see it."""
        if not self.desk.is_admin:
            return
        self.sidebar.show_title(self.page_by_key[PENDING], deeds.pending_count())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.sidebar.fit()  # large-font mode turned on or off
        super().changeEvent(event)

    # -- who is on duty ----------------------------------------------------------
    def _on_desk_clerk_changed(self, actor: Actor | None) -> None:
        admin = bool(actor and actor.is_admin)
        for number, page in enumerate(self.page_list):
            self.sidebar.item(number).setHidden(page.info.admin_only and not admin)
        if actor is None:
            self.clerk_label.setText(self.tr("已锁定"))
        else:
            self.clerk_label.setText(self.tr("值班：{name}（{role}）").format(
                name=actor.display_name, role=labels.role(actor.role)))
        if self.pages.currentWidget().info.admin_only and not admin:
            self.show_page(DESK)
        self.demo_banner.show_for(station_service.is_demo(), actor)
        self._show_pending_count()

    def lock(self, switching: bool = False) -> None:
        """Hide everything behind the sign-in form; the same or another clerk signs in."""
        if self.root.currentIndex() == 1:
            return
        previous = self.desk.actor
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)  # no questions: the desk is locking
        self.desk_page.clear()
        self.statusBar().clearMessage()  # the last message may name a resident
        self.idle.pause()
        self.root.setCurrentIndex(1)
        self.desk.set_actor(None)
        heading = (self.tr("切换经办人：请新的经办人登录") if switching or previous is None
                   else self.tr("桌面已锁定。{name} 或其他经办人请登录。").format(
                       name=previous.display_name))
        self.lock_form.start(heading, "" if switching or previous is None else previous.username)

    def is_locked(self) -> bool:
        return self.root.currentIndex() == 1

    def _on_lock_button_clicked(self) -> None:
        self.lock()

    def _on_switch_button_clicked(self) -> None:
        self.lock(switching=True)

    def _on_idle_idle_timed_out(self) -> None:
        self.lock()

    def _on_lock_form_signed_in(self, actor: Actor) -> None:
        self.desk.set_actor(actor)
        self.root.setCurrentIndex(0)
        self.idle.resume()
        self.show_page(DESK)
        self.desk_page.focus_scan()
        self.desk.post(self.tr("{name} 已登录").format(name=actor.display_name))

    # -- between pages -----------------------------------------------------------
    def _on_desk_page_voucher_scanned(self, token: str) -> None:
        self.show_page(REDEEM)
        self.redeem_page.add_token(token)
        self.redeem_page.scan.setFocus()

    def _on_residents_page_opened_at_desk(self, resident_id: int) -> None:
        self.show_page(DESK)
        self.desk_page.open_resident(resident_id)

    def _on_desk_feedback_posted(self, message: str, ok: bool) -> None:
        self.statusBar().showMessage(message, 10_000)

    def _on_desk_changed(self, changes: Changes, initiator: object) -> None:
        if changes.settings:
            self._show_station()
        if changes.pending:
            self._show_pending_count()

    def _show_station(self) -> None:
        info = station_service.current()
        title = titles.window_title(info.name)
        self.setWindowTitle(self.tr("【演示数据】") + title if info.demo else title)
        self.station_label.setText(f"{info.code} {info.name}")
        if not self.is_locked():
            self.idle.set_minutes(info.idle_lock_minutes)

    # -- start and end -----------------------------------------------------------
    def start_backups(self) -> None:
        """The daily backup now (if today has none) and on a timer while the desk runs."""
        self.backups.start()

    def start_background_work(self) -> None:
        """The whole-file check, then (if it found nothing) the backups: one reads the
        whole file after the other, and a damaged station is not copied. A check begun
        before sign-in is not begun again: the backups wait for its end."""
        check = self.whole_check
        if check.running:
            return
        if check.damage is not None:
            self._on_whole_check_found(check.damage)
        elif check.ran or not check.start():
            self.start_backups()

    def _on_whole_check_ended(self) -> None:
        if self.whole_check.damage is None and not self.backups.closing:
            self.start_backups()

    def _on_whole_check_found(self, damage: Exception) -> None:
        from app.views.shell.recovery_dialog import problem_list

        text = self.tr("后台数据检查发现本站数据库有问题：") + "\n" + "\n".join(
            f"• {p}" for p in problem_list(damage)) + "\n\n" + self.tr(
            "为保护数据，本站已停止写入（仍可查询）。请通知管理员；关闭窗口后可用最近一份"
            "已校验的备份恢复。")
        self.damage_box = QMessageBox(QMessageBox.Icon.Critical, self.tr("数据检查发现问题"),
                                      text, QMessageBox.StandardButton.Ok, self)
        self.damage_box.setObjectName("damageBox")
        self.damage_box.open()

    def show_warnings(self, warnings: list[str]) -> None:
        """What the start-up check warned about, said once (the box does not block)."""
        if not warnings:
            return
        self.warning_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("请注意"),
                                       "\n".join(warnings), QMessageBox.StandardButton.Ok, self)
        self.warning_box.open()

    def _on_backups_backup_made(self, path: str) -> None:
        self.backups_page.refresh()

    def _on_backups_backup_failed(self, message: str) -> None:
        self.desk.post(self.tr("自动备份失败：{reason}").format(reason=message), False)

    def _on_backups_page_restore_requested(self, request: RestoreRequest) -> None:
        self.restore_request = request
        self._closing = True  # the current database is kept aside by the restore itself
        self.close()

    def _on_demo_banner_clear_requested(self, request: FreshStartRequest) -> None:
        self.fresh_start_request = request
        self._closing = True  # the demo database is kept aside whole: no close backup
        self.close()

    def _on_close_backup_finished(self) -> None:
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.whole_check.cancel()  # the close backup must not wait behind it
        if self.whole_check.damage is not None:
            self._closing = True  # a damaged station is not copied over good backups
        if not self._closing and self.backups.enabled:
            # The close backup runs first, in the background; the window closes after it.
            event.ignore()
            if not self.backups.closing:
                self.desk.post(self.tr("正在备份，完成后关闭…"))
                self.backups.run_close(lambda: QTimer.singleShot(
                    0, self, self._on_close_backup_finished), self)
            return
        preferences.put(preferences.MAIN_GEOMETRY, self.saveGeometry())
        self.idle.stop()
        self.backups.stop()
        super().closeEvent(event)
