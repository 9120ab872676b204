"""The district centre's window: the centre's pages in the station window's sidebar (with
the same Ctrl+N keys), the centre and its operator in the status bar, and About (F1).

A centre has no clerks and no sign-in: whoever reaches its database runs it, and every
write is audited under the operator's system user and host (``centre.operator``), as its
commands are. So the desk it is given has no clerk on duty, and nothing locks.

Its SQLite file is checked whole in the background after it opens, as a station's is
(``whole_check``): a fault stops every write, and once the window closes the newest
verified backup is offered.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMessageBox, QWidget

from app.services import centre, district_report
from app.views.centre.exceptions_page import CentreExceptionsPage
from app.views.centre.import_page import CentreImportPage
from app.views.centre.return_page import ReturnPage
from app.views.centre.stations_page import StationsPage
from app.views.common import preferences, titles
from app.views.common.page import Page
from app.views.district_report.page import DistrictReportPage
from app.views.shell import about_dialog, look
from app.views.shell.duty import Desk
from app.views.shell.sidebar import Sidebar
from app.views.shell.whole_check import WholeCheck

# Every page of the centre's window, in the sidebar by ``PageInfo.order``: a new page is
# one more entry here.
CENTRE_PAGES: tuple[type[Page], ...] = tuple(sorted(
    (StationsPage, CentreImportPage, CentreExceptionsPage, ReturnPage, DistrictReportPage),
    key=lambda page: page.info.order))


class CentreWindow(QMainWindow):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowIcon(look.icon())
        self.page_list: list[Page] = [page_class(desk) for page_class in CENTRE_PAGES]
        self.page_by_key = {page.info.key: page for page in self.page_list}
        self.sidebar = Sidebar(self, self.page_list, self.show_page)
        self.pages = self.sidebar.stack
        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(workspace)
        self._make_status_bar()
        self.whole_check = WholeCheck(desk, parent=self)
        self.whole_check.attach(self.statusBar())
        self.warning_box: QMessageBox | None = None
        self.damage_box: QMessageBox | None = None

        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        self.whole_check.found.connect(self._on_whole_check_found)
        desk.feedback_posted.connect(self._on_desk_feedback_posted)

        self._show_centre()
        self.show_page(self.page_list[0].info.key)
        if not self.restoreGeometry(preferences.get(preferences.MAIN_GEOMETRY)):
            self.resize(1280, 760)

    def _make_status_bar(self) -> None:
        self.centre_label = QLabel()
        self.centre_label.setObjectName("centreName")
        self.operator_label = QLabel()
        self.operator_label.setObjectName("centreOperator")
        bar = self.statusBar()
        bar.addPermanentWidget(self.centre_label)
        bar.addPermanentWidget(self.operator_label)
        bar.addPermanentWidget(about_dialog.add_entry(self))  # and F1

    def _show_centre(self) -> None:
        name = district_report.centre_name()
        self.setWindowTitle(titles.window_title(name))
        self.centre_label.setText(name)
        self.operator_label.setText(self.tr("操作员：{operator}（写入均记入审计日志）").format(
            operator=centre.operator()))

    def current_page_key(self) -> str:
        return self.pages.currentWidget().info.key

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentItem(self.sidebar.entry(key))

    def _on_sidebar_current_row_changed(self, number: int) -> None:
        self.pages.setCurrentIndex(number)
        self.pages.currentWidget().setFocus()

    def _on_desk_feedback_posted(self, message: str, ok: bool) -> None:
        self.statusBar().showMessage(message, 10_000)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.sidebar.fit()  # large-font mode turned on or off
        super().changeEvent(event)

    # -- start and end -----------------------------------------------------------
    def start_background_work(self) -> None:
        """The whole-file check of a SQLite centre (a server's is checked on the server)."""
        self.whole_check.start()

    def show_warnings(self, warnings: list[str]) -> None:
        """What the start-up check warned about (low disk space), said once."""
        if not warnings:
            return
        self.warning_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("请注意"),
                                       "\n".join(warnings), QMessageBox.StandardButton.Ok, self)
        self.warning_box.open()

    def _on_whole_check_found(self, damage: Exception) -> None:
        from app.views.shell.recovery_dialog import problem_list

        text = self.tr("后台数据检查发现区中心数据库有问题：") + "\n" + "\n".join(
            f"• {p}" for p in problem_list(damage)) + "\n\n" + self.tr(
            "为保护数据，已停止写入（仍可查询）。关闭窗口后可用最近一份已校验的备份恢复。")
        self.damage_box = QMessageBox(QMessageBox.Icon.Critical, self.tr("数据检查发现问题"),
                                      text, QMessageBox.StandardButton.Ok, self)
        self.damage_box.setObjectName("damageBox")
        self.damage_box.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.whole_check.cancel()
        preferences.put(preferences.MAIN_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)
