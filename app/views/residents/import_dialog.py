"""Bringing the community's Excel roster in: choose the file, check how each column was
understood (and correct it), try it (nothing written), import it with a progress bar that
can be cancelled before the commit, and save the report of every row.

Reading and importing run in the background: a 10,000-row roster takes seconds, and the
window must stay responsive (and Cancel must work) meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services import roster_import, roster_report
from app.services.changes import Changes
from app.services.context import new_request_id
from app.views.common import i18n, preferences
from app.views.common.background import Cancelled, Progress
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, button_row, table_view
from app.views.shell.duty import Desk


def choose_roster(parent: QWidget) -> Path | None:
    """The roster file, from the system's open dialog; None if cancelled. Looked up as
    ``import_dialog.choose_roster`` at each call, so a test can answer it."""
    folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
    chosen, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportDialog", "选择居民名册"), folder,
        QCoreApplication.translate("ImportDialog", "表格") + " (*.xlsx *.xls *.csv)")
    return Path(chosen) if chosen else None


def choose_report(parent: QWidget, name: str) -> Path | None:
    """Where to save the row report; None if cancelled (a test answers it the same way)."""
    folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ImportDialog", "保存导入报告"),
        str(Path(folder) / name), "Excel (*.xlsx)")
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
    preferences.put(preferences.LAST_SAVE_DIR, str(path.parent))
    return path


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


MAPPING_ROWS_SHOWN = 5


class ImportDialog(ReportingDialog):

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.roster: roster_import.Roster | None = None
        self.result: roster_import.ImportResult | None = None
        self.progress = Progress(self)  # replaced by each import; tests watch it
        self.combos: list[QComboBox] = []
        self.busy = False
        self.setWindowTitle(self.tr("导入居民名册"))
        self.resize(980, 720)
        self.file_label = QLabel(self.tr("请选择 Excel、WPS 或 CSV 名册文件。"))
        self.choose_button = QPushButton(self.tr("选择文件 Ctrl+O"))
        self.mapping = QWidget()
        self.mapping_grid = QGridLayout(self.mapping)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.mapping)
        self.model = QStandardItemModel(self)
        self.table = table_view(self.model, "rosterPreview")
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.feedback = Feedback()
        self.dry_button = QPushButton(self.tr("试导入 Ctrl+D"))
        self.import_button = QPushButton(self.tr("导入 Ctrl+I"))
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.report_button = QPushButton(self.tr("保存报告 Ctrl+S"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.dry_button, self.import_button, self.cancel_button,
                       self.report_button, self.close_button):
            button.setAutoDefault(False)
        self._lay_out(self.scroll)
        self._connect()
        self._update_buttons()

    def _lay_out(self, scroll: QScrollArea) -> None:
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("各列的含义（可修改；不需要的列选“不导入”）：")))
        layout.addWidget(scroll)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.bar)
        layout.addWidget(self.feedback)
        layout.addLayout(button_row(self.dry_button, self.import_button, self.cancel_button,
                                    self.report_button, self.close_button))

    def _connect(self) -> None:
        # Each button's own keys, pressed only while it can be (a shortcut ignores that).
        for sequence, button in (("Ctrl+O", self.choose_button), ("Ctrl+D", self.dry_button),
                                 ("Ctrl+I", self.import_button),
                                 ("Ctrl+S", self.report_button)):
            QShortcut(QKeySequence(sequence), self, lambda b=button: b.isEnabled() and b.click())
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.dry_button.clicked.connect(lambda: self._start(dry_run=True))
        self.import_button.clicked.connect(lambda: self._start(dry_run=False))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.close_button.clicked.connect(self.reject)

    def _update_buttons(self, busy: bool = False) -> None:
        self.busy = busy
        ready = self.roster is not None and not busy
        self.choose_button.setEnabled(not busy)
        self.dry_button.setEnabled(ready)
        # Importing follows a dry run of the same mapping: the clerk has seen the counts.
        self.import_button.setEnabled(ready and self.result is not None and self.result.dry_run)
        self.cancel_button.setVisible(busy)
        self.report_button.setEnabled(not busy and self.result is not None
                                      and bool(self.result.rows))
        self.close_button.setEnabled(not busy)

    # -- choosing and reading the file -----------------------------------------------
    def _on_choose_button_clicked(self) -> None:
        path = choose_roster(self)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Read ``path`` in the background and show its first rows."""
        self.roster = self.result = None
        self.file_label.setText(str(path))
        self.feedback.show_info(self.tr("正在读取名册…"))
        self._update_buttons(busy=True)
        self.desk.run(self, lambda: roster_import.load(path), self._on_loaded, self._on_failed,
                      progress=self.tr("正在读取名册…"))

    def _on_loaded(self, roster: roster_import.Roster) -> None:
        self.roster = roster
        self._fill_mapping(roster)
        self._fill_preview(roster)
        self.feedback.show_info(self.tr("共 %n 行。请核对各列的含义，然后试导入。", "",
                                        len(roster.data_rows)))
        self._update_buttons()
        if self.combos:
            self.combos[roster.layout.fields.index("name")].setFocus()

    def _fill_mapping(self, roster: roster_import.Roster) -> None:
        for combo in self.combos:
            combo.deleteLater()
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = []
        labels = roster_import.field_labels(i18n.language())
        untitled = self.tr("（无表头）")
        for index, (header, field) in enumerate(zip(roster.layout.headers,
                                                    roster.layout.fields, strict=True)):
            combo = QComboBox()
            combo.setObjectName(f"column{index}")
            for key, label in labels.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(combo.findData(field))
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            caption = QLabel(f"{_letter(index)}  {header or untitled}")
            caption.setBuddy(combo)
            row, pair = divmod(index, 3)
            self.mapping_grid.addWidget(caption, row, pair * 2)
            self.mapping_grid.addWidget(combo, row, pair * 2 + 1)
            self.combos.append(combo)
        # Every row of combos whole, up to five rows; a wider roster scrolls.
        rows = -(-len(self.combos) // 3)
        margins = self.mapping_grid.contentsMargins()
        line = max(c.sizeHint().height() for c in self.combos) + self.mapping_grid.spacing()
        height = rows * line + margins.top() + margins.bottom()
        self.mapping.setMinimumHeight(height)
        self.scroll.setFixedHeight(min(rows, MAPPING_ROWS_SHOWN) * line + margins.top()
                                   + margins.bottom() + 2 * self.scroll.frameWidth())

    def _fill_preview(self, roster: roster_import.Roster) -> None:
        shown = roster_import.preview(roster)
        labels = roster_import.field_labels(i18n.language())
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [f"{h or _letter(n)} → {labels[f]}"
             for n, (h, f) in enumerate(zip(shown.headers, shown.fields, strict=True))])
        for number, cells in shown.rows:
            self.model.appendRow([QStandardItem(c) for c in cells])
            self.model.setVerticalHeaderItem(self.model.rowCount() - 1,
                                             QStandardItem(str(number)))

    def fields(self) -> list[str]:
        return [combo.currentData() for combo in self.combos]

    def _on_mapping_changed(self) -> None:
        if self.roster is None:
            return
        self.result = None
        self.counts.clear()
        try:
            self.roster = roster_import.with_fields(self.roster, self.fields())
        except Exception as exc:  # noqa: BLE001 - a refusal shown to the clerk
            self.feedback.show_error(message_for(exc))
            self.dry_button.setEnabled(False)
            self.import_button.setEnabled(False)
            return
        self._fill_preview(self.roster)
        self.feedback.show_info(self.tr("已修改列的含义，请重新试导入。"))
        self._update_buttons()

    # -- the dry run and the import ----------------------------------------------------
    def _start(self, dry_run: bool) -> None:
        roster, ctx = self.roster, self.desk.ctx
        if roster is None:
            return
        request_id = new_request_id()
        self.progress = Progress(self)
        self.progress.reported.connect(self._on_progress)
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self._update_buttons(busy=True)
        self.feedback.show_info(self.tr("正在试导入…") if dry_run else self.tr("正在导入…"))

        def work(progress: Progress) -> roster_import.ImportResult:
            return roster_import.run(ctx, roster, dry_run, request_id, progress.report)

        self.desk.run(self, work, self._on_done, self._on_failed, handle=self.progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _on_cancel_button_clicked(self) -> None:
        self.progress.cancel()

    def reject(self) -> None:
        # Escape while reading or importing cancels what can be cancelled; the dialog
        # stays to say how it ended (closing it would hide an import still committing).
        if self.busy:
            self.progress.cancel()
            return
        super().reject()

    def _on_done(self, result: roster_import.ImportResult) -> None:
        self.result = result
        self.bar.setVisible(False)
        counts = self.tr("可导入 {imported} 人，已存在 {existing} 人，未导入 {refused} 行，"
                         "跳过 {skipped} 行，新建 {households} 户") if result.dry_run else self.tr(
            "已导入 {imported} 人，已存在 {existing} 人，未导入 {refused} 行，跳过 {skipped} 行，"
            "新建 {households} 户")
        self.counts.setText(counts.format(**{k: getattr(result, k) for k in (
            "imported", "existing", "refused", "skipped", "households")}))
        self._update_buttons()
        if result.dry_run:
            self.feedback.show_info(self.tr("试导入完成，没有写入。核对无误后按“导入”。"))
            self.import_button.setFocus()
            return
        self.desk.changed.emit(Changes(all_residents=True), self)
        message = self.tr("已从名册导入 %n 位居民", "", result.imported)
        self.feedback.show_ok(message)
        self.reported.emit(message)
        self.report_button.setFocus()

    def _on_failed(self, exc: BaseException) -> None:
        self.bar.setVisible(False)
        self.progress = Progress(self)  # a fresh one: the old one stays cancelled
        if isinstance(exc, Cancelled):
            self.feedback.show_info(self.tr("已取消，没有导入任何居民。"))
        else:
            self.feedback.show_error(message_for(exc))
        self._update_buttons()

    def _on_report_button_clicked(self) -> None:
        if self.result is None:
            return
        path = choose_report(self, f"{Path(self.result.file).stem}-导入报告.xlsx")
        if path is None:
            return
        try:
            roster_report.write(self.result, path)
        except OSError as exc:
            self.feedback.show_error(self.tr("无法保存报告：{reason}").format(
                reason=exc.strerror or str(exc)))
            return
        self.feedback.show_ok(self.tr("报告已保存：{path}").format(path=path))
