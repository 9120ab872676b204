"""The daily close-out (日结): every clerk closes their own day at this desk.

A page rather than a dialog from the desk page: a clerk comes back to it at the end of
every day, reprints an earlier sheet when the station head asks, and an admin looks over
the list; a page keeps the figures, the differences and the list side by side.

F5 (or Enter in the date) shows the figures without saving; figures that do not reconcile
are red, and what differs is listed by name under the table. 保存并打印 asks, saves once
for the day and opens the sheet to print (Ctrl+P) for signature. Enter on a saved
close-out in the list reprints it (补打).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import closeout
from app.services.changes import Changes
from app.services.closeout import CloseoutView
from app.services.closeout_figures import label
from app.services.context import new_request_id
from app.views.common import i18n, widgets
from app.views.common.errors import message_for
from app.views.common.keys import EnterSubmits, with_shortcut
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.documents import output
from app.views.shell.duty import Desk
from app.views.tables.closeouts import CloseoutsModel, FiguresModel

ERROR_STYLE = "color: #b3261e;"


def sheet_job(view: CloseoutView, reprint_at: dt.datetime | None) -> output.Made:
    """The close-out sheet, made on the worker (reportlab loads there, when first needed)."""
    try:
        from app.printing.closeout import printout
    except ImportError as exc:
        raise output.PrintingUnavailable(str(exc)) from exc
    return printout(view, reprint_at), ""


class CloseoutPage(Page):
    info = PageInfo("closeout", QT_TRANSLATE_NOOP("MainWindow", "日结"), order=140)
    refresh_on_show = True  # the day's work goes on while the page is hidden

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.shown: CloseoutView | None = None
        self._dialog = None
        self.add_title(self.tr("日结"))
        explain = QLabel(self.tr("本人在本前台自上次日结以来的业务，每项按记录和按积分流水等"
                                 "各算一遍，不相符的标红并逐条列出。每天日结一次，"
                                 "之后的业务记入下一次日结。"))
        explain.setWordWrap(True)
        self.column.addWidget(explain)
        self.column.addLayout(self._top_row())
        self.summary = QLabel()
        self.summary.setObjectName("closeoutSummary")
        self.summary.setWordWrap(True)
        self.column.addWidget(self.summary)
        self.figures = FiguresModel(self)
        self.figure_table = self.make_table(self.figures, "closeoutFigures")
        self.column.addWidget(self.figure_table, 3)
        self.differences = QLabel()
        self.differences.setObjectName("closeoutDifferences")
        self.differences.setWordWrap(True)
        self.differences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.differences)
        self.save_button = QPushButton(self.tr("保存并打印…"))
        self.save_button.setObjectName("saveCloseout")
        self.save_button.setEnabled(False)
        self.column.addLayout(button_row(self.save_button))
        self.column.addWidget(self.feedback)
        self.column.addWidget(self._saved_box(), 2)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.reprint_button.clicked.connect(self._on_reprint_button_clicked)
        self.saved_table.activated.connect(self._on_saved_table_activated)
        EnterSubmits((self.date,), self.preview_button)

    def _top_row(self) -> QHBoxLayout:
        self.date = QDateEdit()
        self.date.setObjectName("closeoutDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self._set_dates()
        self.preview_button = QPushButton(self.tr("预览（F5）"))
        self.preview_button.setObjectName("previewCloseout")
        # The page's own key (the desk page's F5 is its statement, in its own widgets).
        preview = QAction(self)
        preview.setShortcut(QKeySequence(Qt.Key.Key_F5))
        preview.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        preview.triggered.connect(self.preview_button.click)
        self.addAction(preview)
        self.preview_button.setToolTip(with_shortcut(self.tr("预览"), "F5"))
        date_label = QLabel(self.tr("营业日(&D)"))
        date_label.setBuddy(self.date)
        row = QHBoxLayout()
        row.addWidget(date_label)
        row.addWidget(self.date)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        return row

    def _saved_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("已保存的日结单"))
        self.saved = CloseoutsModel(self)
        self.saved_table = self.make_table(self.saved, "closeoutList")
        self.reprint_button = QPushButton(self.tr("补打…"))
        self.reprint_button.setObjectName("reprintCloseout")
        self.reprint_button.setToolTip(self.tr("在列表中选中一张，按回车也可补打"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.saved_table)
        layout.addLayout(button_row(self.reprint_button))
        return box

    def _set_dates(self) -> None:
        today = self.desk.today()
        self.date.setMaximumDate(QDate(today))
        self.date.setDate(QDate(today))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self._set_dates()  # the page may have stayed open past midnight
        super().showEvent(event)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return bool(changes)

    def refresh(self) -> None:
        self._read_saved()
        self._preview()

    def _read_saved(self) -> None:
        ctx = self.desk.ctx
        self.desk.run(self, lambda: closeout.listing(ctx), self.saved.set_rows,
                      self._on_failed)

    def _preview(self) -> None:
        ctx, day = self.desk.ctx, self.date.date().toPython()
        self.save_button.setEnabled(False)
        self.desk.run(self, lambda: closeout.preview(ctx, day), self._on_previewed,
                      self._on_preview_failed)

    def _on_preview_button_clicked(self) -> None:
        self.feedback.clear_message()
        self._preview()

    def _on_previewed(self, view: CloseoutView) -> None:
        self.shown = view
        self.figures.set_rows(view.figures)
        span = (self.tr("{start} 之后至 {end}").format(start=view.from_at, end=view.to_at)
                if view.from_at else self.tr("至 {end}（首次日结）").format(end=view.to_at))
        ranges = "；".join(self.tr("{first} 至 {last}，{count} 张").format(**r)
                          for r in view.issued_ranges) or self.tr("无")
        self.summary.setText(self.tr("{day}　{desk} 号前台　{clerk}　时段：{span}\n"
                                     "发放券号：{ranges}").format(
            day=view.business_date, desk=view.desk_no, clerk=view.clerk_name, span=span,
            ranges=ranges))
        self._show_differences(view)
        self.save_button.setEnabled(True)
        self.save_button.setDefault(True)
        self.save_button.setFocus()

    def _show_differences(self, view: CloseoutView) -> None:
        lang = "en" if i18n.language() == "en" else "zh"
        wrong = [f for f in view.figures if not f["ok"]]
        if not wrong:
            self.differences.setStyleSheet("")
            self.differences.setText(self.tr("各项核对相符。"))
            return
        lines = [self.tr("不相符 {count} 项：").format(count=len(wrong))]
        lines += [f"{label(f, lang)}：{note[lang]}" for f in wrong for note in f["notes"]]
        self.differences.setStyleSheet(ERROR_STYLE)
        self.differences.setText("\n".join(lines))

    def _on_preview_failed(self, exc: BaseException) -> None:
        self.shown = None
        self.figures.set_rows([])
        self.summary.clear()
        self.differences.clear()
        self.feedback.show_error(message_for(exc))

    def _on_save_button_clicked(self) -> None:
        if self.shown is None:
            return
        day = dt.date.fromisoformat(self.shown.business_date)
        question = self.tr("保存 {day} 的日结吗？保存后这一天就结束了，之后的业务记入下一次日结。"
                           ).format(day=day)
        if self.shown.differences:
            question += "\n" + self.tr("有 {count} 项不相符，会原样记入日结单。").format(
                count=self.shown.differences)
        if not widgets.confirm(self, self.tr("日结"), question, self.tr("保存并打印")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.save_button.setEnabled(False)
        self.desk.perform(self, lambda: closeout.save(ctx, day, request_id=request),
                          self._on_saved, self._on_failed, progress=self.tr("正在日结…"))

    def _on_saved(self, view: CloseoutView) -> None:
        message = self.tr("{day} 已日结（日结单 {id}），请打印后签字。").format(
            day=view.business_date, id=view.id)
        self.feedback.show_ok(message)
        self.desk.post(message)
        self._read_saved()
        self._print(view, None)

    def _selected(self) -> CloseoutView | None:
        index = self.saved_table.currentIndex()
        return self.saved.row_at(index.row()) if index.isValid() else None

    def _on_saved_table_activated(self, index: QModelIndex) -> None:
        self._on_reprint_button_clicked()

    def _on_reprint_button_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self.feedback.show_error(self.tr("请先在列表中选中要补打的日结单。"))
            self.saved_table.setFocus()
            return
        ctx = self.desk.ctx
        self.desk.run(self, lambda: closeout.reprinted(ctx, chosen.id),
                      lambda view: self._print(view, ctx.clock.now()), self._on_failed)

    def _print(self, view: CloseoutView, reprint_at: dt.datetime | None) -> None:
        from app.views.documents.pdf_preview import PdfDialog

        title = self.tr("日结单（补打）") if reprint_at else self.tr("日结单")
        self._dialog = PdfDialog(self.desk, title, lambda: sheet_job(view, reprint_at), self)
        self._dialog.finished.connect(self._on_dialog_finished)
        self._dialog.open()

    def active_dialog(self) -> QWidget | None:
        return self._dialog

    def _on_dialog_finished(self) -> None:
        self._dialog = None

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.shown is not None)
        self.feedback.show_error(message_for(exc))
