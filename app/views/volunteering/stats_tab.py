"""The statistics tab: the figures stations publish for a period, grouped by activity,
team, project, kind or month — 场次, and 参与人数 beside 人次 for volunteers and for the
audience, volunteer hours and new volunteers — with the totals row, and exported to an
Excel sheet chosen in a save dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import activities, volunteer_stats
from app.services.volunteer_stats import Figures, StatsReport
from app.views.common import labels, preferences, widgets
from app.views.common.errors import message_for
from app.views.common.widgets import Feedback, table_view
from app.views.shell.duty import Desk
from app.views.tables.rows import RowsModel
from app.views.volunteering.models import translated
from app.views.volunteering.tab_base import VolunteeringTab

GROUPS = {"kind": QT_TRANSLATE_NOOP("StatsTab", "活动类型"),
          "team": QT_TRANSLATE_NOOP("StatsTab", "志愿服务队"),
          "project": QT_TRANSLATE_NOOP("StatsTab", "项目"),
          "month": QT_TRANSLATE_NOOP("StatsTab", "月份"),
          "activity": QT_TRANSLATE_NOOP("StatsTab", "活动")}
LABELS = {volunteer_stats.NONE_ZH: QT_TRANSLATE_NOOP("Columns", "（无）"),
          "合计": QT_TRANSLATE_NOOP("Columns", "合计")}


def choose_path(parent: QWidget, name: str) -> Path | None:
    """Where to save the sheet, asked in the system's save dialog; None if cancelled.
    Looked up as ``stats_tab.choose_path`` at each export, so a test can answer it."""
    folder = preferences.get(preferences.LAST_SAVE_DIR) or str(Path.home())
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("StatsTab", "导出 Excel"), str(Path(folder) / name),
        "Excel (*.xlsx)")
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
    preferences.put(preferences.LAST_SAVE_DIR, str(path.parent))
    return path


class StatsModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "分组"), QT_TRANSLATE_NOOP("Columns", "活动场次"),
               QT_TRANSLATE_NOOP("Columns", "志愿者人数"),
               QT_TRANSLATE_NOOP("Columns", "志愿者人次"),
               QT_TRANSLATE_NOOP("Columns", "服务对象人数"),
               QT_TRANSLATE_NOOP("Columns", "服务对象人次"),
               QT_TRANSLATE_NOOP("Columns", "志愿服务时长（小时）"),
               QT_TRANSLATE_NOOP("Columns", "新增志愿者"),
               QT_TRANSLATE_NOOP("Columns", "群众点单受理"),
               QT_TRANSLATE_NOOP("Columns", "群众点单办结"))
    NUMERIC = frozenset(range(1, 10))
    STRETCH = frozenset({0})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}  # a kind's Chinese name → the one shown

    def cell(self, row: Figures, column: int) -> str:
        if column == 0:
            return translated(LABELS, row.label) if row.label in LABELS else \
                self.names.get(row.label, row.label)
        values = (row.activities, row.volunteers["persons"], row.volunteers["person_times"],
                  row.audience["persons"], row.audience["person_times"], row.volunteer_hours,
                  row.new_volunteers, row.requests_taken, row.requests_done)
        return str(values[column - 1])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() \
                and index.row() == self.rowCount() - 1:
            bold = QFont()
            bold.setBold(True)  # the totals row
            return bold
        return super().data(index, role)


class StatsTab(VolunteeringTab):
    title = QT_TRANSLATE_NOOP("ActivitiesPage", "统计")

    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(desk, feedback, parent)
        self.report: StatsReport | None = None
        today = QDate(desk.today())
        self.start = QDateEdit(QDate(today.year(), 1, 1))
        self.end = QDateEdit(today)
        self.by = QComboBox()
        self.by.setObjectName("statsBy")
        for code, text in GROUPS.items():
            self.by.addItem(self.tr(text), code)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("期间")))
        for name, edit in (("statsFrom", self.start), ("statsTo", self.end)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
            period.addWidget(edit)
            if edit is self.start:
                period.addWidget(QLabel("—"))
        period.addWidget(QLabel(self.tr("按")))
        period.addWidget(self.by)
        period.addStretch(1)
        self.note = QLabel(self.tr("只统计已结算的活动。人数按人去重，人次按每次到场计。"))
        self.note.setObjectName("statsNote")
        self.note.setWordWrap(True)
        self.model = StatsModel(self)
        self.table = table_view(self.model, "statsTable")
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setObjectName("statsExportButton")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(period)
        column.addWidget(self.note)
        column.addWidget(self.table, 1)
        column.addLayout(widgets.button_row(self.export_button))
        self.by.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(self._on_export_button_clicked)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def refresh(self, *args: object) -> None:
        start, end = self.period()
        if end < start:
            self.feedback.show_error(self.tr("结束日期不能早于开始日期。"))
            return
        self.model.names = {zh: labels.in_language(zh, en)
                            for _, zh, en in activities.list_kinds()}
        self.report = volunteer_stats.activity_stats(start, end, self.by.currentData())
        self.model.set_rows([*self.report.rows, self.report.total])

    def _on_export_button_clicked(self) -> None:
        report = self.report
        if report is None:
            return
        name = f"志愿服务统计_{report.start}_{report.end}.xlsx"
        path = choose_path(self, name)
        if path is None:
            return
        self.desk.run(self, lambda: volunteer_stats.write_xlsx(report, path),
                      lambda _: self._on_export_succeeded(path), self._on_export_failed,
                      self.tr("正在导出…"))

    def _on_export_succeeded(self, path: Path) -> None:
        self.feedback.show_ok(self.tr("已导出：{path}").format(path=path))

    def _on_export_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))
