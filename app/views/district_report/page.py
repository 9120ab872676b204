"""The district report page (区级报表), at the centre: choose a month, quarter, year or
range of days and the whole district or one institute, count it (F5), and see the
district's every figure, the institutes and the stations, each station's last package
with the stations behind in red; export the workbook or the PDF.

Figures are counted off the GUI thread, on the worker that makes backups (it only
reads), with a busy indicator once it takes half a second, as the station's reports
page does: a year of a district is millions of records."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from app.services import district_report, district_report_xlsx
from app.services.district_report import DistrictReport
from app.services.errors import DeskError
from app.services.reports import period
from app.views.common.errors import message_for
from app.views.common.keys import with_shortcut
from app.views.common.page import Page, PageInfo
from app.views.common.widgets import button_row
from app.views.district_report.models import CentreModel, InstitutesModel, StationsModel
from app.views.reports import page as reports_page
from app.views.shell.duty import Desk

KINDS = (("month", QT_TRANSLATE_NOOP("DistrictReportPage", "月报")),
         ("quarter", QT_TRANSLATE_NOOP("DistrictReportPage", "季报")),
         ("year", QT_TRANSLATE_NOOP("DistrictReportPage", "年报")),
         ("range", QT_TRANSLATE_NOOP("DistrictReportPage", "日期段")))


class DistrictReportPage(Page):
    info = PageInfo("district_report", QT_TRANSLATE_NOOP("MainWindow", "区级报表"), order=170)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.shown: DistrictReport | None = None
        self.add_title(self.tr("区级报表"))
        self.column.addLayout(self._picker())
        self.heading = QLabel()
        self.heading.setObjectName("districtHeading")
        self.heading.setWordWrap(True)
        self.column.addWidget(self.heading)
        self.centre_model, self.institutes_model = CentreModel(self), InstitutesModel(self)
        self.stations_model = StationsModel(self)
        self.levels = QTabWidget()
        self.levels.setObjectName("districtLevels")
        for model, name, title in ((self.centre_model, "districtCentre", self.tr("全区")),
                                   (self.institutes_model, "districtInstitutes",
                                    self.tr("实践所")),
                                   (self.stations_model, "districtStations",
                                    self.tr("站点与上报进度"))):
            self.levels.addTab(self.make_table(model, name), title)
        self.column.addWidget(self.levels, 1)
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.xlsx_button.setObjectName("districtXlsx")
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.setObjectName("districtPdf")
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(False)
        self.column.addLayout(button_row(self.xlsx_button, self.pdf_button))
        self.column.addWidget(self.feedback)
        self.count_button.clicked.connect(self._on_count_button_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._on_kind_current_index_changed()

    def _picker(self) -> QHBoxLayout:
        last_month = self.desk.today().replace(day=1) - dt.timedelta(days=1)
        self.kind = QComboBox()
        self.kind.setObjectName("districtKind")
        for code, text in KINDS:
            self.kind.addItem(self.tr(text), code)
        self.year = QSpinBox()
        self.year.setObjectName("districtYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(last_month.year)
        self.part = QSpinBox()
        self.part.setObjectName("districtPart")
        self.part.setRange(1, 12)
        self.part.setValue(last_month.month)
        self.start = QDateEdit(QDate(last_month.replace(day=1)))
        self.end = QDateEdit(QDate(last_month))
        for name, edit in (("districtFrom", self.start), ("districtTo", self.end)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.institute = QComboBox()
        self.institute.setObjectName("districtInstitute")
        self.institute.addItem(self.tr("全区"), None)
        self.count_button = QPushButton(self.tr("统计（F5）"))
        self.count_button.setObjectName("districtCount")
        self.count_button.setToolTip(with_shortcut(self.tr("统计"), "F5"))
        count = QAction(self)
        count.setShortcut(QKeySequence(Qt.Key.Key_F5))
        count.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        count.triggered.connect(self.count_button.click)
        self.addAction(count)
        row = QHBoxLayout()
        self.part_label, self.dash = QLabel(), QLabel("—")
        for widget in (self.kind, self.year, self.part_label, self.part, self.start,
                       self.dash, self.end, QLabel(self.tr("实践所")), self.institute,
                       self.count_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _on_kind_current_index_changed(self, *args: object) -> None:
        kind = self.kind.currentData()
        self.part.setRange(1, 12 if kind == "month" else 4)
        self.part_label.setText(self.tr("月") if kind == "month" else self.tr("季度"))
        for widget in (self.part, self.part_label):
            widget.setVisible(kind in ("month", "quarter"))
        self.year.setVisible(kind != "range")
        for widget in (self.start, self.end, self.dash):
            widget.setVisible(kind == "range")

    def chosen(self) -> period.Period:
        kind = self.kind.currentData()
        if kind == "range":
            return period.date_range(self.start.date().toPython(), self.end.date().toPython())
        value = {"month": f"{self.year.value()}-{self.part.value():02d}",
                 "quarter": f"{self.year.value()}Q{self.part.value()}",
                 "year": str(self.year.value())}[kind]
        return period.parse(kind, value)

    def refresh(self) -> None:
        if self.institute.count() == 1:
            for name in district_report.institute_names():
                self.institute.addItem(name, name)
        if self.shown is None:
            self.count_button.click()

    def _on_count_button_clicked(self) -> None:
        try:
            chosen = self.chosen()
        except DeskError as exc:
            self.feedback.show_error(message_for(exc))
            return
        institute, today = self.institute.currentData(), self.desk.today()
        self.count_button.setEnabled(False)
        self.desk.backup_runner.run(
            self, lambda: district_report.compute(chosen, today, institute), self._on_counted,
            self._on_failed, self.tr("正在统计…"))

    def _on_counted(self, made: DistrictReport) -> None:
        self.count_button.setEnabled(True)
        self.shown = made
        for model in (self.centre_model, self.institutes_model, self.stations_model):
            model.show_report(made)
        whole = made.centre
        self.heading.setText(self.tr(
            "{centre}　{period}（{start} 至 {end}）　{stations} 个站点，其中 {behind} 个上报落后"
            "（红色）").format(centre=whole.name, period=made.period.label,
                            start=made.period.start, end=made.period.end,
                            stations=whole.stations, behind=whole.behind))
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(True)
        self.feedback.show_ok(self.tr("已统计 {n} 个站点。").format(n=whole.stations))

    def _on_failed(self, exc: BaseException) -> None:
        self.count_button.setEnabled(True)
        self.feedback.show_error(message_for(exc))

    def _export(self, suffix: str, pattern: str, write) -> None:  # noqa: ANN001
        made = self.shown
        if made is None:
            return
        part = f"-{made.institute}" if made.institute else ""
        path = reports_page.choose_path(self, f"区级报表-{made.period.label}{part}{suffix}",
                                        pattern)
        if path is None:
            return
        self.desk.run(self, lambda: write(made, path),
                      lambda _: self.feedback.show_ok(self.tr("已导出：{path}").format(
                          path=path)), self._on_failed, self.tr("正在导出…"))

    def _on_xlsx_button_clicked(self) -> None:
        self._export(".xlsx", "Excel (*.xlsx)", district_report_xlsx.write_xlsx)

    def _on_pdf_button_clicked(self) -> None:
        from app.printing.district_report import printout  # reportlab: loaded when first used

        self._export(".pdf", "PDF (*.pdf)", lambda made, path: printout(made).write(path))
