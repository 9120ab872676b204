"""Printing many resident cards at once: every active resident of a grid (or of the
station), ten to an A4 sheet.

A grid can hold a thousand residents: the cards are made in the background, a hundred
at a time, with a progress dialog and Cancel, and come back as one document per hundred
cards (shown one after another in the preview, printed as one job).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import residents
from app.views.common.background import Cancelled, Progress
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, button_row
from app.views.documents import output
from app.views.documents.pdf_preview import PdfPreview
from app.views.shell.duty import Desk


class CardBatchDialog(ReportingDialog):

    CHUNK = 100  # cards per document: ten sheets, rendered between two progress steps

    def __init__(self, desk: Desk, grid: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.count = 0
        self.progress = Progress(self)  # replaced by each run; tests watch it
        self.setWindowTitle(self.tr("批量打印居民卡"))
        self.resize(760, 720)
        self.grid = QLineEdit(grid)
        self.grid.setObjectName("cardGrid")
        self.grid.setPlaceholderText(self.tr("网格名称；留空则为全站所有居民"))
        self.make_button = QPushButton(self.tr("生成居民卡"))
        self.make_button.setObjectName("makeCards")
        self.make_button.setDefault(True)
        self.preview = PdfPreview(desk, self.tr("居民卡"))
        self.preview.print_button.setEnabled(False)
        self.preview.save_button.setEnabled(False)
        self.feedback = Feedback()
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("网格")))
        top.addWidget(self.grid, 1)
        top.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.feedback)
        layout.addLayout(button_row(self.close_button))
        self.make_button.clicked.connect(self._on_make_button_clicked)
        self.grid.returnPressed.connect(self._on_make_button_clicked)
        self.preview.delivered.connect(self._on_preview_delivered)
        self.preview.not_printed.connect(self._on_preview_not_printed)
        self.close_button.clicked.connect(self.reject)

    def _on_make_button_clicked(self) -> None:
        if not self.make_button.isEnabled():
            return
        grid, chunk = self.grid.text().strip() or None, self.CHUNK
        self.make_button.setEnabled(False)
        self.preview.set_printout(None)
        self.feedback.show_info(self.tr("正在生成居民卡…"))

        def work(progress: Progress) -> output.Made | None:
            return make_cards(grid, chunk, progress)

        self.desk.run(self, work, self._on_cards_succeeded, self._on_cards_failed,
                      progress=self.tr("正在生成居民卡…"), handle=self.progress)

    def _on_cards_succeeded(self, made: output.Made | None) -> None:
        self.make_button.setEnabled(True)
        if made is None:
            self.count = 0
            self.feedback.show_error(self.tr("这个网格没有居民（已归档的居民不发卡）。"))
            return
        printout, warning = made
        self.count = printout.count
        self.preview.set_printout(printout, warning)
        self.preview.print_button.setEnabled(True)
        self.preview.save_button.setEnabled(True)
        self.preview.print_button.setDefault(True)
        self.feedback.show_ok(self.tr("已生成 %n 张居民卡，请检查后打印。", "", self.count))

    def _on_cards_failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.progress = Progress(self)  # a fresh one: the old one stays cancelled
        if isinstance(exc, Cancelled):
            self.feedback.show_info(self.tr("已取消，没有生成居民卡。"))
        elif isinstance(exc, output.PrintingUnavailable):
            self.feedback.show_error(self.tr("本机缺少打印组件，暂时不能生成居民卡。"))
        else:
            self.feedback.show_error(message_for(exc))

    def _on_preview_delivered(self, how: str) -> None:
        message = self.tr("已输出 %n 张居民卡", "", self.count)
        self.feedback.show_ok(message)
        self.reported.emit(message)

    def _on_preview_not_printed(self) -> None:
        self.feedback.show_error(self.tr("没有打印（已取消或打印机出错），可以再次打印。"))


def make_cards(grid: str | None, chunk: int, progress: Progress) -> output.Made | None:
    """On the worker: the cards of ``grid``'s residents (all when None) in documents of
    ``chunk`` cards each, with a warning about names that cannot be printed; None when
    there is no one to make a card for."""
    people = residents.cardholders(grid)
    progress.check()
    return output.cards_made(people, chunk, progress.report) if people else None
