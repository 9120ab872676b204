"""A preview of finished PDF documents with Print and Save buttons, and a dialog that
renders one document in the background and previews it.

QtPdf is imported here only, when a document is first shown. Printing and saving go
through ``output.sink``; the pages are painted as cancellable background work, so the
window stays responsive and its closing waits for the print. ``delivered`` says which
of the two happened, ``not_printed`` that the print dialog or the printing was
cancelled, or the printer failed. A warning set with ``set_printout`` (a name with
characters no font here has) is shown under the page and asked about once more before
the documents go out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.printing.jobs import Printout
from app.views.common import widgets
from app.views.common.background import Cancelled
from app.views.common.errors import message_for
from app.views.common.keys import with_shortcut
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, error_label, set_message
from app.views.documents import output
from app.views.shell.duty import Desk

log = logging.getLogger(__name__)


class PdfPreview(QWidget):
    delivered = Signal(str)  # "print" or "save"
    not_printed = Signal()  # cancelled (the dialog or the printing), or the printer failed

    def __init__(self, desk: Desk, title: str, parent: QWidget | None = None,
                 layout: str = output.SHEET) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.desk = desk
        self.printing = False  # a print job is under way: another click waits for it
        self.title = title
        self.printout: Printout | None = None
        self.documents: list[bytes] = []
        self.layout = layout  # which printer: A4 sheets or the receipt roll
        self.warning = ""
        self._buffer: QBuffer | None = None
        self._document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self._document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._margins = self.view.documentMargins()
        self.chooser = QComboBox()
        self.chooser.setVisible(False)
        self.print_button = QPushButton(self.tr("打印（Ctrl+P）"))
        self.print_button.setObjectName("printButton")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        for button in (self.print_button, self.save_button):
            button.setToolTip(with_shortcut(self.tr("另存为 PDF…") if button is self.save_button
                                            else self.tr("打印"), button.shortcut().toString(
                                                QKeySequence.SequenceFormat.NativeText)))
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.warning_label = error_label()
        self.warning_label.setObjectName("fieldError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.chooser)
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.warning_label)
        layout.addLayout(buttons)
        self.chooser.currentIndexChanged.connect(self._on_chooser_current_index_changed)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)

    def set_printout(self, printout: Printout | None, warning: str = "") -> None:
        """Show ``printout`` (None: nothing) to be printed, or saved under its name."""
        self.printout = printout
        documents = printout.documents if printout else []
        self.documents = list(documents)
        self.warning = warning
        set_message(self.warning_label, warning)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for n in range(len(documents)):
            self.chooser.addItem(self.tr("第 {n} 张").format(n=n + 1))
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(documents) > 1)
        self._show(0)

    def page_count(self) -> int:
        return self._document.pageCount()

    def _show(self, number: int) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        # A sheet is read across its width; a receipt is a narrow strip as long as its
        # content, so it is shown whole, as it will come out of the printer.
        receipt = self.layout == output.THERMAL
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView if receipt
                              else QPdfView.ZoomMode.FitToWidth)
        # Fitting in view leaves out the margins around the page: a receipt gets none,
        # or its last lines would be a scroll away.
        self.view.setDocumentMargins(QMargins() if receipt else self._margins)
        self._document.close()
        if not 0 <= number < len(self.documents):
            return
        # The buffer must outlive the document that reads from it.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.documents[number]))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document.load(self._buffer)

    def _on_chooser_current_index_changed(self, number: int) -> None:
        self._show(number)

    def _warned(self) -> bool:
        """True to go ahead: no warning, or the clerk read it and still wants the copy."""
        return not self.warning or widgets.confirm(
            self, self.tr("有字无法打印"), self.warning, self.tr("仍然输出"))

    def _on_print_button_clicked(self) -> None:
        if self.printing or not self.documents or not self._warned():
            return
        job = output.sink.print_job(self.window(), self.documents, self.title,
                                    layout=self.layout)
        if job is None:
            self.not_printed.emit()
            return
        self.printing = True
        self.desk.run(self, job, self._on_print_succeeded, self._on_print_failed,
                      progress=self.tr("正在打印…"), cancellable=True)

    def _on_print_succeeded(self, printed: bool) -> None:
        self.printing = False
        if printed:
            self.delivered.emit("print")
        else:
            self.not_printed.emit()

    def _on_print_failed(self, exc: BaseException) -> None:
        self.printing = False
        if not isinstance(exc, Cancelled):
            log.error("printing failed", exc_info=exc)
        self.not_printed.emit()

    def _on_save_button_clicked(self) -> None:
        if self.printout is None or not self.documents or not self._warned():
            return
        paths = output.sink.save_documents(self.window(), self.printout)
        if paths:
            self.note.setText(self.tr("已保存：{path}").format(path=str(paths[0])))
            self.delivered.emit("save")


class PdfDialog(ReportingDialog):

    def __init__(self, desk: Desk, title: str, render: Callable[[], output.Made],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 640)
        self.preview = PdfPreview(desk, title)
        self.feedback = Feedback()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.feedback)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.preview.delivered.connect(self._on_preview_delivered)
        self.preview.not_printed.connect(self._on_preview_not_printed)
        desk.run(self, render, self._on_render_succeeded, self._on_render_failed,
                 progress=self.tr("正在生成…"))

    def _on_render_succeeded(self, rendered: output.Made) -> None:
        self.preview.set_printout(*rendered)
        self.preview.print_button.setDefault(True)
        self.preview.print_button.setFocus()

    def _on_render_failed(self, exc: BaseException) -> None:
        if isinstance(exc, output.PrintingUnavailable):
            self.feedback.show_error(self.tr("本机缺少打印组件，暂时不能生成。"))
        else:
            self.feedback.show_error(message_for(exc))

    def _on_preview_delivered(self, how: str) -> None:
        self.feedback.show_ok(self.tr("已输出。"))

    def _on_preview_not_printed(self) -> None:
        self.feedback.show_error(self.tr("没有打印（已取消或打印机出错），可以再次打印。"))
