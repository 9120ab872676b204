"""The reports page (统计报表): choose a month, quarter, year or range of days (and a tag),
see every figure beside the previous period with the change, two charts, and export the
workbook or the PDF for the station head's signature.

Figures are counted off the GUI thread (on the worker that makes backups, which only
reads, so no deed waits behind a report), with a busy indicator once it takes half a
second: a year on a large station reads millions of ledger rows."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from app.services.errors import DeskError
from app.services.reports import report, xlsx
from app.services.reports.report import Report
from app.views.common import labels
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.reports.chart import BarChart
from app.views.reports.exports import ReportExports
from app.views.reports.model import FiguresModel
from app.views.reports.period_picker import PeriodPicker
from app.views.shell.duty import Desk

POINTS_BARS = (("awarded.points", QT_TRANSLATE_NOOP("ReportsPage", "加分")),
               ("deducted.points", QT_TRANSLATE_NOOP("ReportsPage", "扣分")),
               ("vouchers.issued.points", QT_TRANSLATE_NOOP("ReportsPage", "发券")),
               ("vouchers.redeemed.points", QT_TRANSLATE_NOOP("ReportsPage", "核销")),
               ("store.sales.points", QT_TRANSLATE_NOOP("ReportsPage", "超市")))
PEOPLE_BARS = (("activities", QT_TRANSLATE_NOOP("ReportsPage", "场次")),
               ("volunteers.person_times", QT_TRANSLATE_NOOP("ReportsPage", "志愿者人次")),
               ("audience.person_times", QT_TRANSLATE_NOOP("ReportsPage", "服务群众人次")),
               ("volunteers.hours", QT_TRANSLATE_NOOP("ReportsPage", "时长")),
               ("volunteers.new", QT_TRANSLATE_NOOP("ReportsPage", "新志愿者")))


class ReportsPage(Page):
    info = PageInfo("reports", QT_TRANSLATE_NOOP("MainWindow", "统计报表"), order=150,
                    admin_only=True)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.shown: Report | None = None
        self.add_title(self.tr("统计报表"))
        self.tag = QComboBox()
        self.tag.setObjectName("reportTag")
        self.tag.addItem(self.tr("全部居民"), None)
        self.picker = PeriodPicker(desk.today(), "report", self.tr("标签"), self.tag, self)
        self.column.addWidget(self.picker)
        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.heading.setWordWrap(True)
        self.column.addWidget(self.heading)
        charts = QHBoxLayout()
        self.points_chart, self.people_chart = BarChart(self), BarChart(self)
        self.points_chart.setObjectName("reportPointsChart")
        self.people_chart.setObjectName("reportPeopleChart")
        charts.addWidget(self.points_chart)
        charts.addWidget(self.people_chart)
        self.column.addLayout(charts)
        self.figures = FiguresModel(self)
        self.table = self.make_table(self.figures, "reportFigures")
        self.column.addWidget(self.table, 1)
        self.exports = ReportExports(self, "report", self._on_failed)
        self.column.addLayout(self.exports.row())
        self.column.addWidget(self.feedback)
        self.picker.count_button.clicked.connect(self._on_count_button_clicked)
        self.exports.xlsx_button.clicked.connect(self._on_exports_xlsx_button_clicked)
        self.exports.pdf_button.clicked.connect(self._on_exports_pdf_button_clicked)

    def refresh(self) -> None:
        if self.tag.count() == 1:
            for code, zh, en in report.tag_choices():
                self.tag.addItem(labels.in_language(zh, en), code)
        if self.shown is None:
            self.picker.count_button.click()

    def _on_count_button_clicked(self) -> None:
        try:
            chosen = self.picker.chosen()
        except DeskError as exc:
            self.feedback.show_error(message_for(exc))
            return
        tag = self.tag.currentData()
        self.picker.count_button.setEnabled(False)
        # On the backups' worker, which only reads: a year on a large station takes
        # minutes, and the clerk's next deed must not queue behind it.
        self.desk.backup_runner.run(self, lambda: report.compute(chosen, tag),
                                    self._on_counted, self._on_failed, self.tr("正在统计…"))

    def _on_counted(self, made: Report) -> None:
        self.picker.count_button.setEnabled(True)
        self.shown = made
        self.figures.show_report(made)
        before = made.previous_period
        text = self.tr("{station}　{period}（{start} 至 {end}），上期 {before}（{bstart} 至 "
                       "{bend}）").format(station=made.station_name, period=made.period.label,
                                         start=made.period.start, end=made.period.end,
                                         before=before.label, bstart=before.start,
                                         bend=before.end)
        if made.tag:
            text += self.tr("　标签：{tag}").format(tag=self.tag.currentText())
        self.heading.setText(text)
        legend = (self.tr("本期"), self.tr("上期"))
        for chart, bars in ((self.points_chart, POINTS_BARS), (self.people_chart, PEOPLE_BARS)):
            chart.show_bars([(self.tr(name), made.figure(key).value, made.figure(key).previous)
                             for key, name in bars], legend)
        self.exports.enable()
        self.feedback.show_ok(self.tr("已统计 {n} 项指标。").format(
            n=sum(len(s.figures) for s in made.sections)))

    def _on_failed(self, exc: BaseException) -> None:
        self.picker.count_button.setEnabled(True)
        self.feedback.show_error(message_for(exc))

    def _export(self, suffix: str, pattern: str, write) -> None:  # noqa: ANN001
        made = self.shown
        if made is not None:
            tag = f"-{made.tag}" if made.tag else ""
            self.exports.export(f"统计报表-{made.period.label}{tag}{suffix}", pattern,
                                lambda path: write(made, path))

    def _on_exports_xlsx_button_clicked(self) -> None:
        self._export(".xlsx", "Excel (*.xlsx)", xlsx.write_xlsx)

    def _on_exports_pdf_button_clicked(self) -> None:
        from app.printing.report import printout  # reportlab: loaded when first used

        today = str(self.desk.today())
        self._export(".pdf", "PDF (*.pdf)", lambda made, path: printout(made, today).write(path))
