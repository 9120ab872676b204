"""The centre's 数据导入 page: choose the stations' package files (one or many, from the
open dialog or dropped on the page), import them in the background with a progress dialog
that can be cancelled, and see each file's answer: its station and number, imported,
imported before, or refused with the reason, what it added and changed, and the
exceptions it brought up.

Each file is checked and merged in a transaction of its own by the import service, so
a refused file does not stop the others, and Cancel stops before the next file: the
file being merged is finished whole, the ones not begun are left untouched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from app.services import package_import
from app.services.changes import Changes
from app.services.package_import import FileResult
from app.views.centre.exceptions_page import kind_name
from app.views.common import labels, preferences
from app.views.common.background import Cancelled, Progress
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.shell.duty import Desk
from app.views.tables.rows import BAD, RowsModel

CONTEXT = "CentreImportPage"
PATTERN = "StationDesk package (*.sdpkg);;All files (*)"
OUTCOMES = {"imported": QT_TRANSLATE_NOOP("CentreImportPage", "已导入"),
            "already": QT_TRANSLATE_NOOP("CentreImportPage", "以前已导入，未改动"),
            "refused": QT_TRANSLATE_NOOP("CentreImportPage", "拒收"),
            "skipped": QT_TRANSLATE_NOOP("CentreImportPage", "已取消，未导入")}


def choose_files(parent: QWidget) -> list[Path]:
    """The package files chosen in the system's open dialog ([] if cancelled). Looked
    up as ``import_page.choose_files`` at each choice, so a test can answer it."""
    chosen, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("CentreImportPage", "选择站点上报包"),
        preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home()), PATTERN)
    if chosen:
        preferences.put(preferences.LAST_SAVE_DIR, str(Path(chosen[0]).parent))
    return [Path(c) for c in chosen]


def reason(row: FileResult) -> str:
    """Why the file was refused, naming it as the file column does (the full path is in
    the tooltip)."""
    said = labels.in_language(row.message or "", row.message_en or "")
    return said.replace(row.file, Path(row.file).name)


class ImportResultsModel(RowsModel):
    """One row a file, in the order the files were taken."""

    HEADERS = CONTEXT
    COLUMNS = (QT_TRANSLATE_NOOP("CentreImportPage", "文件"),
               QT_TRANSLATE_NOOP("CentreImportPage", "站点"),
               QT_TRANSLATE_NOOP("CentreImportPage", "包号"),
               QT_TRANSLATE_NOOP("CentreImportPage", "结果"),
               QT_TRANSLATE_NOOP("CentreImportPage", "新增记录"),
               QT_TRANSLATE_NOOP("CentreImportPage", "更新记录"),
               QT_TRANSLATE_NOOP("CentreImportPage", "新异常"),
               QT_TRANSLATE_NOOP("CentreImportPage", "原因"))
    NUMERIC = frozenset({2, 4, 5})
    STRETCH = frozenset({7})


    def cell(self, row: FileResult, column: int) -> str:
        counted = row.status in ("imported", "already")
        return (Path(row.file).name, row.station or "",
                "" if row.seq is None else str(row.seq),
                QCoreApplication.translate(CONTEXT, OUTCOMES[row.status]),
                str(row.added) if counted else "", str(row.changed) if counted else "",
                labels.join([f"{kind_name(k)} {n}" for k, n in sorted(row.exceptions.items())]),
                reason(row))[column]

    def tooltip(self, row: FileResult, column: int) -> str | None:
        if column == 7:
            return labels.in_language(row.message or "", row.message_en or "")
        return row.file if column == 0 else None

    def colour(self, row: FileResult, column: int) -> QColor | None:
        return BAD if row.status == "refused" or (column == 6 and row.exceptions) else None


class CentreImportPage(Page):
    info = PageInfo("centre_import", QT_TRANSLATE_NOOP("MainWindow", "数据导入"), order=20)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.progress: Progress | None = None
        self.add_title(self.tr("数据导入"))
        intro = QLabel(self.tr("选择各站点的上报包（可一次选多个，也可以把文件拖到这里）。每个包"
                               "单独核验、单独导入：一个被拒收，其余照常导入；同一个包再导入"
                               "不会改动任何数据。"))
        intro.setWordWrap(True)
        self.column.addWidget(intro)
        self.choose_button = QPushButton(self.tr("选择上报包…"))
        self.choose_button.setObjectName("centreImportChoose")
        self.column.addLayout(button_row(self.choose_button))
        self.column.addWidget(self.feedback)
        self.model = ImportResultsModel(self)
        self.table = self.make_table(self.model, "centreImportResults")
        self.column.addWidget(self.table, 1)
        self.setAcceptDrops(True)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)

    def _on_choose_button_clicked(self) -> None:
        paths = choose_files(self)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> None:
        """Import the files in the background; the table shows each one's answer."""
        if self.progress is not None:
            return  # one import at a time: the button is disabled, and drops refused
        ctx = self.desk.ctx
        self.progress = Progress()
        self.choose_button.setEnabled(False)
        self.feedback.show_info(self.tr("正在导入 {n} 个文件…").format(n=len(paths)))

        def work(handle: Progress) -> list[FileResult]:
            def going(done: int, total: int) -> bool:
                try:
                    handle.report(done, total)
                except Cancelled:
                    return False
                return True

            return package_import.import_files(ctx, paths, going)

        self.desk.run(self, work, self._on_imported, self._on_failed,
                      self.tr("正在导入上报包…"), handle=self.progress)

    def _on_imported(self, results: list[FileResult]) -> None:
        self._idle()
        self.model.set_rows(results)
        changes = package_import.changes_of(results)
        if changes:
            self.desk.changed.emit(changes, self)
        count = {s: sum(r.status == s for r in results) for s in OUTCOMES}
        summary = self.tr(
            "共 {files} 个文件：导入 {imported} 个，以前已导入 {already} 个，拒收 {refused} 个，"
            "取消未导入 {skipped} 个；新增记录 {added} 条，更新 {changed} 条，新异常 {exceptions} "
            "项。").format(files=len(results), **count,
                          added=sum(r.added for r in results),
                          changed=sum(r.changed for r in results),
                          exceptions=sum(sum(r.exceptions.values()) for r in results))
        if count["refused"] or count["skipped"]:
            self.feedback.show_error(summary)
        else:
            self.feedback.show_ok(summary)

    def _on_failed(self, exc: BaseException) -> None:
        self._idle()
        # Files before the one that failed were imported, each in its own transaction.
        self.desk.changed.emit(Changes(district=True), self)
        self.feedback.show_error(message_for(exc))

    def _idle(self) -> None:
        self.progress = None
        self.choose_button.setEnabled(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if dropped_files(event) and self.progress is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = dropped_files(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files being dragged ([] for anything else: text, a web address)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return paths if paths and len(paths) == len(urls) and all(p.is_file() for p in paths) \
        else []

