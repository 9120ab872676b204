"""Residents: every resident by number until the clerk searches; find, register, edit,
archive (admin), reissue and print cards — one, or a whole grid's in a batch."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.services import residents
from app.services.changes import Changes
from app.services.search import ResidentHit
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.keys import SearchListKeys, enter_list
from app.views.common.page import Page, PageInfo, ReportingDialog
from app.views.documents import output
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE, SearchModel


class ResidentsPage(Page):
    info = PageInfo("residents", QT_TRANSLATE_NOOP("MainWindow", "居民"), order=30)
    opened_at_desk = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.add_title(self.tr("居民"))
        self._dialog: ReportingDialog | None = None
        self._registered: int | None = None  # saved by the form now closing: show it next
        self.next_step: QMessageBox | None = None
        self.query = QLineEdit()
        self.query.setObjectName("residentsQuery")
        self.query.setPlaceholderText(self.tr("姓名、拼音首字母、手机号、证件号后四位或居民编号"))
        self.archived = QCheckBox(self.tr("包括已归档"))
        self.model = SearchModel(self)
        self.table = self.make_table(self.model, "residentsTable")
        self._make_buttons()
        self._lay_out()
        self.setFocusProxy(self.query)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        QShortcut(QKeySequence.StandardKey.New, self, self._on_register_button_clicked)
        self._connect()
        self._update_buttons()

    def _make_buttons(self) -> None:
        self.register_button = QPushButton(self.tr("登记新居民 Ctrl+N"))
        self.register_button.setObjectName("registerButton")
        self.edit_button = QPushButton(self.tr("修改"))
        self.desk_button = QPushButton(self.tr("在前台打开"))
        self.reissue_button = QPushButton(self.tr("补办居民卡"))
        self.card_button = QPushButton(self.tr("打印居民卡"))
        self.batch_button = QPushButton(self.tr("批量打印居民卡…"))
        self.batch_button.setObjectName("batchCards")
        self.import_button = QPushButton(self.tr("导入名册…"))
        self.import_button.setObjectName("importRoster")
        self.export_button = QPushButton(self.tr("导出到 Excel…"))
        self.export_button.setObjectName("exportResidents")
        self.archive_button = QPushButton(self.tr("归档"))
        self.archive_button.setObjectName("archiveButton")

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.archived)
        top.addWidget(self.register_button)
        top.addWidget(self.import_button)  # beside registering: the action row is full
        top.addWidget(self.export_button)
        actions = QHBoxLayout()
        for button in (self.desk_button, self.edit_button, self.reissue_button,
                       self.card_button):
            actions.addWidget(button)
        actions.addWidget(self.batch_button)
        actions.addStretch(1)
        actions.addWidget(self.archive_button)
        self.column.addLayout(top)
        self.column.addWidget(self.feedback)
        self.column.addWidget(self.table, 1)
        self.column.addLayout(actions)

    def _connect(self) -> None:
        self.query.textEdited.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._on_query_return_pressed)
        SearchListKeys(self.query, self.table, self._search_pending)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.archived.toggled.connect(self._on_timer_timeout)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.register_button.clicked.connect(self._on_register_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.desk_button.clicked.connect(self._on_desk_button_clicked)
        self.reissue_button.clicked.connect(self._on_reissue_button_clicked)
        self.card_button.clicked.connect(self._on_card_button_clicked)
        self.batch_button.clicked.connect(self._on_batch_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.desk.clerk_changed.connect(self._update_buttons)

    def selected(self) -> ResidentHit | None:
        return self.table.currentIndex().data(ROW_ROLE)

    def _update_buttons(self, *args: object) -> None:
        hit = self.selected()
        for button in (self.edit_button, self.desk_button, self.reissue_button,
                       self.card_button, self.archive_button):
            button.setEnabled(hit is not None)
        self.archive_button.setVisible(self.desk.is_admin)
        self.archive_button.setText(self.tr("恢复") if hit and hit.archived else self.tr("归档"))

    def _on_timer_timeout(self) -> None:
        self.refresh()

    def _search_pending(self) -> None:
        if self._timer.isActive():
            self.refresh()

    def _on_query_return_pressed(self) -> None:
        """Search now and go down to the first match: the next Enter opens it."""
        self.refresh()
        enter_list(self.table)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return bool(changes.residents) or changes.all_residents

    def refresh(self) -> None:
        """The search, or every resident by number while the search field is empty."""
        self._timer.stop()
        if self.query.text().strip():
            self.model.search(self.query.text(), include_archived=self.archived.isChecked())
        else:
            self.model.list_all(include_archived=self.archived.isChecked())
        self._update_buttons()

    def _on_table_activated(self, index: QModelIndex) -> None:
        self._on_desk_button_clicked()

    def _open(self, dialog: ReportingDialog) -> None:
        self._dialog = dialog
        dialog.reported.connect(self._report)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def active_dialog(self) -> QDialog | None:
        return self._dialog

    def _report(self, message: str) -> None:
        self.feedback.show_ok(message)
        self.desk.post(message)

    def _on_dialog_finished(self, result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None
        self.window().activateWindow()
        self.query.setFocus()
        registered, self._registered = self._registered, None
        if registered is not None:
            self._show_registered(registered)

    def _on_form_saved(self, resident_id: int) -> None:
        self._registered = resident_id

    def _show_registered(self, resident_id: int) -> None:
        """The new resident alone in the list, selected, and the next steps offered: the
        filter typed before registering would hide them."""
        from app.views.residents.registered import RegisteredBox

        hit = residents.get(resident_id)
        self.query.setText(hit.resident_no)
        self.refresh()
        row = next((n for n in range(self.model.rowCount())
                    if self.model.row_at(n).id == resident_id), None)
        if row is None:
            return
        self.table.selectRow(row)
        self.table.setFocus()
        self.next_step = RegisteredBox(self.model.row_at(row), self)
        self.next_step.buttonClicked.connect(self._on_next_step_button_clicked)
        self.next_step.open()

    def _on_next_step_button_clicked(self, button: QAbstractButton) -> None:
        box, self.next_step = self.next_step, None
        if box is None:
            return
        box.deleteLater()
        if button is box.card_button:
            self._on_card_button_clicked()
        elif button is box.desk_button:
            self.opened_at_desk.emit(box.hit.id)

    def _on_register_button_clicked(self) -> None:
        from app.views.residents.form import ResidentFormDialog

        dialog = ResidentFormDialog(self.desk, None, self)
        dialog.saved.connect(self._on_form_saved)
        self._open(dialog)

    def _on_edit_button_clicked(self) -> None:
        from app.views.residents.form import ResidentFormDialog

        hit = self.selected()
        if hit is not None:
            self._open(ResidentFormDialog(self.desk, residents.get(hit.id), self))

    def _on_desk_button_clicked(self) -> None:
        hit = self.selected()
        if hit is not None:
            self.opened_at_desk.emit(hit.id)

    def _on_reissue_button_clicked(self) -> None:
        hit = self.selected()
        if hit is None:
            return
        question = self.tr("为 {name} 补办新卡后，旧卡立即作废、不能再使用。确定补办吗？")
        if not widgets.confirm(self, self.tr("补办居民卡"), question.format(name=hit.name),
                               self.tr("补办新卡")):
            return
        ctx = self.desk.ctx
        done = self.tr("已为 {name} 补办新卡，旧卡已作废。请打印新卡。")
        self.desk.perform(self, lambda: residents.reissue_card(ctx, hit.id),
                          lambda r: self._report(done.format(name=r.name)), self._failed)

    def _on_card_button_clicked(self) -> None:
        from app.views.documents.pdf_preview import PdfDialog

        hit = self.selected()
        if hit is None:
            return
        dialog = PdfDialog(self.desk, self.tr("居民卡"), output.card_job(hit.id), self)
        self._open(dialog)

    def _on_batch_button_clicked(self) -> None:
        from app.views.residents.card_batch import CardBatchDialog

        hit = self.selected()
        self._open(CardBatchDialog(self.desk, hit.grid if hit else "", self))

    def _on_import_button_clicked(self) -> None:
        from app.views.residents.import_dialog import ImportDialog

        self._open(ImportDialog(self.desk, self))
    def _on_export_button_clicked(self) -> None:
        from app.views.residents.export_dialog import ExportDialog

        self._open(ExportDialog(self.desk, "residents", self))

    def _on_archive_button_clicked(self) -> None:
        hit = self.selected()
        if hit is None:
            return
        archive = not hit.archived
        question = (self.tr("归档后 {name} 不能再登记积分或兑换。确定归档吗？") if archive
                    else self.tr("恢复 {name} 为正常居民吗？")).format(name=hit.name)
        if not widgets.confirm(self, self.tr("归档居民"), question,
                               self.tr("归档") if archive else self.tr("恢复")):
            return
        ctx = self.desk.ctx
        self.desk.perform(self, lambda: residents.set_archived(ctx, hit.id, archive),
                          lambda r: self._report((self.tr("已归档 {name}") if r.archived
                                                  else self.tr("已恢复 {name}")).format(
                                                      name=r.name)),
                          self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))
