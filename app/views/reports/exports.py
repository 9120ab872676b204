"""The 导出 Excel… and 导出 PDF… buttons under a report (the station's 统计报表, the
centre's 区级报表): off until something is counted; each asks where to save, offering a
file named after what is shown, and writes it in the background, saying where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from app.views.common import preferences
from app.views.common.page import Page
from app.views.common.widgets import button_row

Write = Callable[[Path], object]


def choose_path(parent: QWidget, name: str, pattern: str) -> Path | None:
    """Where to save, asked in the system's save dialog; None if cancelled. Looked up as
    ``exports.choose_path`` at each export, so a test can answer it."""
    folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ReportExports", "导出报表"),
        str(Path(folder) / name), pattern)
    if not chosen:
        return None
    suffix = Path(name).suffix
    path = Path(chosen if chosen.lower().endswith(suffix) else chosen + suffix)
    preferences.put(preferences.LAST_SAVE_DIR, str(path.parent))
    return path


class ReportExports(QObject):
    def __init__(self, page: Page, prefix: str,
                 failed: Callable[[BaseException], None]) -> None:
        """Buttons named ``{prefix}Xlsx`` and ``{prefix}Pdf``; ``failed`` tells the page
        why a file could not be written."""
        super().__init__(page)
        self.page, self.failed = page, failed
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.xlsx_button.setObjectName(prefix + "Xlsx")
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.setObjectName(prefix + "Pdf")
        self.enable(False)

    def row(self) -> QHBoxLayout:
        return button_row(self.xlsx_button, self.pdf_button)

    def enable(self, on: bool = True) -> None:
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(on)

    def export(self, name: str, pattern: str, write: Write) -> None:
        """Ask where ``name`` goes, then ``write(path)`` off the GUI thread."""
        path = choose_path(self.page, name, pattern)
        if path is None:
            return
        feedback = self.page.feedback
        self.page.desk.run(self.page, lambda: write(path),
                           lambda _: feedback.show_ok(self.tr("已导出：{path}").format(
                               path=path)), self.failed, self.tr("正在导出…"))
