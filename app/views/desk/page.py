"""The desk: one scan/search field, the matching residents, and the resident panel.

The scan field has the focus whenever nothing else needs it. Enter on a card code
opens that resident, a voucher code goes to redemption, anything else searches;
typing searches as you type (after a short pause) in a lazily paged list.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QSplitter, QWidget

from app.services import residents, tokens, vouchers
from app.services.changes import Changes
from app.views.common import preferences
from app.views.common.errors import message_for
from app.views.common.keys import SearchListKeys, enter_list
from app.views.common.page import Page, PageInfo, ReportingDialog
from app.views.common.widgets import TypingRedirect
from app.views.desk.actions import DESK_ACTIONS, DeskAction
from app.views.desk.resident_panel import ResidentPanel
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE, SearchModel

SEARCH_DELAY_MS = 150


class DeskPage(Page):
    info = PageInfo("desk", QT_TRANSLATE_NOOP("MainWindow", "前台"), order=10)
    voucher_scanned = Signal(str)  # a voucher code was scanned here: redeem it

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self._dialog: QDialog | None = None
        self.scan = QLineEdit()
        self.scan.setObjectName("scanField")
        self.scan.setPlaceholderText(self.tr("扫描居民卡或兑换券，或输入姓名、拼音首字母、手机号、证件号后四位"))
        self.scan.setClearButtonEnabled(True)
        self.results_model = SearchModel(self)
        self.results = self.make_table(self.results_model, "searchResults")
        self.actions_by_name = {spec.key: self._make_action(spec) for spec in DESK_ACTIONS}
        self.panel = ResidentPanel(desk, list(self.actions_by_name.values()))
        self._make_splitter()
        self.column.addWidget(self.scan)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.splitter, 1)
        self.setFocusProxy(self.scan)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._redirect = TypingRedirect(self.scan, self)
        self.results.installEventFilter(self._redirect)
        SearchListKeys(self.scan, self.results, self._search_pending)
        self.panel.ledger.installEventFilter(self._redirect)

        self.scan.textEdited.connect(self._on_scan_text_edited)
        self.scan.returnPressed.connect(self._on_scan_return_pressed)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.results.activated.connect(self._on_results_activated)
        self.results.clicked.connect(self._on_results_activated)
        self.splitter.splitterMoved.connect(self._on_splitter_splitter_moved)
        self.panel.reverse_requested.connect(self._on_panel_reverse_requested)
        desk.clerk_changed.connect(self._on_desk_clerk_changed)
        self._update_actions()

    def _make_action(self, spec: DeskAction) -> QAction:
        action = QAction(QCoreApplication.translate("DeskPage", spec.label), self)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setEnabled(False)
        action.triggered.connect(lambda _checked=False, s=spec: self._on_action_triggered(s))
        self.addAction(action)
        return action

    def _make_splitter(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.results.setVisible(False)
        if not self.splitter.restoreState(preferences.get(preferences.DESK_SPLITTER)):
            self.splitter.setSizes([520, 760])

    # -- finding a resident ------------------------------------------------------
    def _on_scan_text_edited(self, text: str) -> None:
        if self.panel.resident is not None:
            self._close_resident()  # a new query: nothing may still go to the last resident
        stripped = text.strip()
        if residents.CARD_PATTERN.fullmatch(stripped.upper()) or _is_voucher(stripped):
            self._timer.stop()  # a scan in progress: wait for its Enter
            return
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._search(self.scan.text())

    def _search_pending(self) -> None:
        """The search the pause after typing has not started yet, now (Down is pressed)."""
        if self._timer.isActive():
            self._timer.stop()
            self._search(self.scan.text())

    def _search(self, text: str) -> None:
        self.results_model.search(text)
        # The list takes room only while there is something to choose from.
        self.results.setVisible(bool(text.strip()))

    def _on_scan_return_pressed(self) -> None:
        text = self.scan.text().strip()
        self._timer.stop()
        if not text:
            return
        if residents.CARD_PATTERN.fullmatch(text.upper()):
            self.scan.clear()
            self._search("")
            self._open_card(text.upper())
        elif _is_voucher(text):
            self.scan.clear()
            self.voucher_scanned.emit(text)
        else:
            self._search(text)
            count = self.results_model.rowCount()
            if count == 1:
                self.open_resident(self.results_model.row_at(0).id)
            elif count > 1:
                enter_list(self.results)
                self.feedback.show_info(self.tr("找到多位居民：用 ↑↓ 选择，回车打开。"))
            else:
                self.feedback.show_error(self.tr("找不到“{query}”。可以换用拼音首字母、手机号或证件号后四位。")
                                         .format(query=text))

    def _open_card(self, code: str) -> None:
        try:
            found = residents.by_card(code)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, none is fatal
            self.feedback.show_error(message_for(exc))
            return
        self.open_resident(found.id)

    def _on_results_activated(self, index: QModelIndex) -> None:
        hit = index.data(ROW_ROLE)
        if hit is not None:
            self.open_resident(hit.id)

    def open_resident(self, resident_id: int) -> None:
        try:
            self.panel.show_resident(resident_id)
        except Exception as exc:  # noqa: BLE001
            self.feedback.show_error(message_for(exc))
            return
        r = self.panel.resident
        self.feedback.show_info(self.tr("当前居民：{name}（{no}）").format(name=r.name,
                                                                     no=r.resident_no))
        self._update_actions()
        self.focus_scan()

    def _close_resident(self) -> None:
        self.panel.show_resident(None, searching=True)
        self.feedback.clear_message()
        self._update_actions()

    def focus_scan(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def clear(self) -> None:
        """Forget the resident and the search (the desk was locked or the clerk changed)."""
        self.scan.clear()
        self._search("")
        self.panel.show_resident(None)
        self.feedback.clear_message()
        self._update_actions()

    def _update_actions(self) -> None:
        for spec in DESK_ACTIONS:
            action = self.actions_by_name[spec.key]
            action.setEnabled(spec.enabled_for(self.panel.resident))
            action.setVisible(self.desk.is_admin or not spec.admin_only)

    def _on_desk_clerk_changed(self, actor: object) -> None:
        self._update_actions()

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return bool(changes.residents) or changes.all_residents or changes.settings

    def refresh(self) -> None:
        """The search results and the resident being served, as they are now."""
        if self.results_model.rowCount() and self.scan.text().strip():
            self._search(self.scan.text())
        shown = self.panel.resident
        if shown is not None and (self.unseen.touches_resident(shown.id)
                                  or self.unseen.settings):
            self.panel.show_resident(shown.id)  # masked again: the numbers may have changed
        self._update_actions()

    def _on_splitter_splitter_moved(self, pos: int, index: int) -> None:
        preferences.put(preferences.DESK_SPLITTER, self.splitter.saveState())

    # -- actions on the current resident ----------------------------------------
    def _open_dialog(self, dialog: ReportingDialog) -> None:
        self._dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.reported.connect(self._on_dialog_reported)
        dialog.open()

    def active_dialog(self) -> QDialog | None:
        return self._dialog

    def _on_dialog_finished(self, result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None
        self.window().activateWindow()  # not every window manager gives the focus back
        self.focus_scan()

    def _on_dialog_reported(self, message: str) -> None:
        self.feedback.show_ok(message)
        self.desk.post(message)

    def _on_action_triggered(self, spec: DeskAction) -> None:
        r = self.panel.resident
        if not r:
            return
        if spec.key == "reprint" and not vouchers.vouchers_of_resident(r.id):
            # An empty reprint dialog leaves the clerk wondering where the vouchers went.
            self.feedback.show_info(self.tr(
                "{name} 没有可补打的兑换券（未使用的券都已核销、作废或过期）。").format(
                    name=r.name))
            return
        self._open_dialog(spec.dialog(self.desk, r, self))

    def _on_panel_reverse_requested(self, entry: object) -> None:
        from app.views.desk.quick_dialogs import ReverseEntryDialog

        if self.panel.resident and self.desk.is_admin:
            self._open_dialog(ReverseEntryDialog(self.desk, self.panel.resident, entry, self))


def _is_voucher(text: str) -> bool:
    # Case is kept: verification fails closed and explains a scanner in the wrong mode.
    return text[:len(tokens.PREFIX)].upper() in tokens.PREFIXES and len(text) > 20
