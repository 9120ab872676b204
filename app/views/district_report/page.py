"""The district report page (区级报表), at the centre: choose a month, quarter, year or
range of days and the whole district or one institute, count it (F5), and see the
district's every figure, the institutes and the stations, each station's last package
with the stations behind in red; export the workbook or the PDF.

Figures are counted off the GUI thread, on the worker that makes backups (it only
reads), with a busy indicator once it takes half a second, as the station's reports
page does: a year of a district is millions of records."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QTabWidget,
    QWidget,
)

from app.services import district_report, district_report_xlsx
from app.services.changes import Changes
from app.services.district_report import DistrictReport
from app.services.errors import DeskError
from app.views.common.errors import message_for
from app.views.common.page import Page, PageInfo
from app.views.district_report.models import CentreModel, InstitutesModel, StationsModel
from app.views.reports.exports import ReportExports
from app.views.reports.period_picker import PeriodPicker
from app.views.shell.duty import Desk


class DistrictReportPage(Page):
    info = PageInfo("district_report", QT_TRANSLATE_NOOP("MainWindow", "区级报表"), order=170)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.shown: DistrictReport | None = None
        self.add_title(self.tr("区级报表"))
        self.institute = QComboBox()
        self.institute.setObjectName("districtInstitute")
        self.institute.addItem(self.tr("全区"), None)
        self.picker = PeriodPicker(desk.today(), "district", self.tr("实践所"), self.institute,
                                   self)
        self.column.addWidget(self.picker)
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
        self.exports = ReportExports(self, "district", self._on_failed)
        self.column.addLayout(self.exports.row())
        self.column.addWidget(self.feedback)
        self.picker.count_button.clicked.connect(self._on_count_button_clicked)
        self.exports.xlsx_button.clicked.connect(self._on_exports_xlsx_button_clicked)
        self.exports.pdf_button.clicked.connect(self._on_exports_pdf_button_clicked)

    def concerns(self, changes: Changes, initiator: object) -> bool:
        return changes.district  # packages imported: what is shown may be out of date

    def refresh(self) -> None:
        """Count what is picked: on the first show, and on the next show after an import
        (at once if the page is in view)."""
        if self.institute.count() == 1:
            for name in district_report.institute_names():
                self.institute.addItem(name, name)
        self.picker.count_button.click()

    def _on_count_button_clicked(self) -> None:
        try:
            chosen = self.picker.chosen()
        except DeskError as exc:
            self.feedback.show_error(message_for(exc))
            return
        institute, today = self.institute.currentData(), self.desk.today()
        self.picker.count_button.setEnabled(False)
        self.desk.backup_runner.run(
            self, lambda: district_report.compute(chosen, today, institute), self._on_counted,
            self._on_failed, self.tr("正在统计…"))

    def _on_counted(self, made: DistrictReport) -> None:
        self.picker.count_button.setEnabled(True)
        self.shown = made
        for model in (self.centre_model, self.institutes_model, self.stations_model):
            model.show_report(made)
        whole = made.centre
        self.heading.setText(self.tr(
            "{centre}　{period}（{start} 至 {end}）　{stations} 个站点，其中 {behind} 个上报落后"
            "（红色）").format(centre=whole.name, period=made.period.label,
                            start=made.period.start, end=made.period.end,
                            stations=whole.stations, behind=whole.behind))
        self.exports.enable()
        self.feedback.show_ok(self.tr("已统计 {n} 个站点。").format(n=whole.stations))

    def _on_failed(self, exc: BaseException) -> None:
        self.picker.count_button.setEnabled(True)
        self.feedback.show_error(message_for(exc))

    def _export(self, suffix: str, pattern: str, write) -> None:  # noqa: ANN001
        made = self.shown
        if made is not None:
            part = f"-{made.institute}" if made.institute else ""
            self.exports.export(f"区级报表-{made.period.label}{part}{suffix}", pattern,
                                lambda path: write(made, path))

    def _on_exports_xlsx_button_clicked(self) -> None:
        self._export(".xlsx", "Excel (*.xlsx)", district_report_xlsx.write_xlsx)

    def _on_exports_pdf_button_clicked(self) -> None:
        from app.printing.district_report import printout  # reportlab: loaded when first used

        self._export(".pdf", "PDF (*.pdf)", lambda made, path: printout(made).write(path))
