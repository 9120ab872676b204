"""Exporting to Excel from the window: residents (masked, or full numbers for an admin,
audited), the ledger, activities or vouchers of a period, written in the background with
a progress dialog and Cancel, and any failure (the file open in Excel, a full disk) said
in one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import exports
from app.views.common import labels, preferences
from app.views.common.background import Cancelled, Progress
from app.views.common.errors import message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, button_row
from app.views.shell.duty import Desk


class ExportDialog(ReportingDialog):
    def __init__(self, desk: Desk, kind: str = "residents", parent: QWidget | None = None,
                 period: tuple[dt.date, dt.date] | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.progress = Progress(self)  # replaced after a cancel; tests watch it
        self.setWindowTitle(self.tr("导出到 Excel"))
        self.setMinimumWidth(640)
        self.kind = QComboBox()
        self.kind.setObjectName("exportKind")
        for code, name in (("residents", self.tr("居民名单")), ("ledger", self.tr("积分流水")),
                           ("activities", self.tr("志愿活动")), ("vouchers", self.tr("兑换券"))):
            self.kind.addItem(name, code)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.tag = QComboBox()
        self.tag.setObjectName("exportTag")
        self.tag.addItem(self.tr("全部居民"), None)
        known = labels.tag_list()
        for code in known:
            self.tag.addItem(labels.tag(code, known), code)
        self.full = QCheckBox(self.tr("完整证件号和手机号（仅管理员，记入审计日志）"))
        self.full.setObjectName("exportFull")
        self.full.setVisible(desk.is_admin)
        self.limited = QCheckBox(self.tr("只导出这段日期"))
        self.limited.setObjectName("exportPeriod")
        today = QDate.currentDate()
        self.start = QDateEdit(QDate(period[0]) if period else QDate(today.year(), 1, 1))
        self.end = QDateEdit(QDate(period[1]) if period else today)
        self.limited.setChecked(period is not None)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        self.path.setPlaceholderText(self.tr("保存为 .xlsx 文件"))
        self.choose_button = QPushButton(self.tr("选择位置…"))
        self.export_button = QPushButton(self.tr("导出"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.feedback = Feedback()
        self._lay_out()
        self.kind.currentIndexChanged.connect(self._update)
        self.limited.toggled.connect(self._update)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self._update()

    def _lay_out(self) -> None:
        period = QHBoxLayout()
        period.addWidget(self.limited)
        period.addWidget(self.start)
        period.addWidget(self.end)
        period.addStretch(1)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("导出内容"), self.kind)
        form.addRow(self.tr("标签"), self.tag)
        form.addRow("", self.full)
        form.addRow(self.tr("日期"), period)
        form.addRow(self.tr("文件"), where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addLayout(button_row(self.export_button, self.close_button))

    def _update(self, *args: object) -> None:
        residents = self.kind.currentData() == "residents"
        self.tag.setEnabled(residents)
        self.full.setEnabled(residents)
        self.limited.setEnabled(not residents)
        for edit in (self.start, self.end):
            edit.setEnabled(not residents and self.limited.isChecked())

    def _on_choose_button_clicked(self) -> None:
        folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
        suggested = Path(folder) / f"{self.kind.currentText()}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出到 Excel"), str(suggested),
                                              "Excel (*.xlsx)")
        if name:
            self.path.setText(name)

    def _on_export_button_clicked(self) -> None:
        typed = self.path.text().strip()
        if not typed:
            self.feedback.show_error(self.tr("请先选择保存位置。"))
            return
        path = Path(typed if typed.lower().endswith(".xlsx") else typed + ".xlsx")
        kind, ctx = self.kind.currentData(), self.desk.ctx
        residents = kind == "residents"
        dated = not residents and self.limited.isChecked()
        options = {"full": residents and self.full.isVisible() and self.full.isChecked(),
                   "tag": self.tag.currentData() if residents else None,
                   "start": self.start.date().toPython() if dated else None,
                   "end": self.end.date().toPython() if dated else None}
        self.export_button.setEnabled(False)
        self.feedback.show_info(self.tr("正在导出…"))

        def work(progress: Progress) -> exports.Exported:
            return exports.export(ctx, kind, path, progress=progress.report, **options)

        self.desk.run(self, work, self._on_export_succeeded, self._on_export_failed,
                      progress=self.tr("正在导出到 Excel…"), handle=self.progress)

    def _on_export_succeeded(self, done: exports.Exported) -> None:
        self.export_button.setEnabled(True)
        preferences.put(preferences.LAST_SAVE_DIR, str(Path(done.path).parent))
        message = self.tr("已导出 %n 行到 {path}", "", done.rows).format(path=done.path)
        self.feedback.show_ok(message)
        self.reported.emit(message)

    def _on_export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.progress = Progress(self)  # a fresh one: the old one stays cancelled
            self.feedback.show_info(self.tr("已取消，没有写入文件。"))
        else:
            self.feedback.show_error(message_for(exc))
