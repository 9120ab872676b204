"""The 志愿者 tab of the 志愿活动 page: find a volunteer as the desk finds residents, see
their record and star level, issue and print their 志愿服务记录证明, read the register of
certificates, and (an admin) export the period for the national volunteer system."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import certificates
from app.services.certificates import CertificateContent, IssuedCertificate
from app.services.context import new_request_id
from app.services.errors import DeskError
from app.services.search import ResidentHit
from app.services.volunteer_export import Exported, export_national
from app.services.volunteer_record import VolunteerRecord, volunteer_record
from app.views.common import widgets
from app.views.common.errors import message_for
from app.views.common.keys import SearchListKeys, enter_list
from app.views.common.widgets import Feedback, table_view
from app.views.documents import output
from app.views.documents.pdf_preview import PdfDialog
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE, SearchModel
from app.views.volunteering.record_models import RegisterModel, ServicesModel
from app.views.volunteering.tab_base import VolunteeringTab

EARLIEST = QDate(2000, 1, 1)  # shown as 最早: the period starts with the first record
STARS = (QT_TRANSLATE_NOOP("VolunteersTab", "未到一星"), QT_TRANSLATE_NOOP("VolunteersTab", "一星"),
         QT_TRANSLATE_NOOP("VolunteersTab", "二星"), QT_TRANSLATE_NOOP("VolunteersTab", "三星"),
         QT_TRANSLATE_NOOP("VolunteersTab", "四星"), QT_TRANSLATE_NOOP("VolunteersTab", "五星"))



class VolunteersTab(VolunteeringTab):
    title = QT_TRANSLATE_NOOP("ActivitiesPage", "志愿者")

    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(desk, feedback, parent)
        self.record: VolunteerRecord | None = None
        self.pdf_dialog: PdfDialog | None = None
        self.query = QLineEdit()
        self.query.setObjectName("volunteerQuery")
        self.query.setPlaceholderText(self.tr("查找志愿者：姓名、拼音首字母、手机号后四位或居民编号"))
        self.results_model = SearchModel(self)
        self.results = table_view(self.results_model, "volunteerResults")
        today = QDate(desk.today())
        self.start = QDateEdit(EARLIEST)
        self.start.setObjectName("volunteerFrom")
        self.start.setMinimumDate(EARLIEST)
        self.start.setSpecialValueText(self.tr("最早"))
        self.end = QDateEdit(today)
        self.end.setObjectName("volunteerTo")
        self.end.setMaximumDate(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.star = QLabel()
        self.star.setObjectName("volunteerStar")
        self.teams = QLabel()
        self.details = QLabel()
        self.services_model = ServicesModel(self)
        self.services = table_view(self.services_model, "volunteerServices")
        self.in_charge = QLineEdit()
        self.in_charge.setObjectName("certificateInCharge")
        self.in_charge.setPlaceholderText(self.tr("可留空，打印后手签"))
        self.handler = QLineEdit()
        self.handler.setObjectName("certificateHandler")
        self.handler.setPlaceholderText(self.tr("默认为当前经办人"))
        self.full_id = QCheckBox(self.tr("打印完整证件号（管理员，记入审计）"))
        self.full_id.setObjectName("certificateFullId")
        self.issue_button = QPushButton(self.tr("出具证明…"))
        self.issue_button.setObjectName("issueCertificateButton")
        self.register_model = RegisterModel(self)
        self.register = table_view(self.register_model, "certificateRegister")
        self.export_button = QPushButton(self.tr("导出全国志愿服务信息系统表…"))
        self.export_button.setObjectName("nationalExportButton")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._lay_out()
        self._connect()
        self._show_record(None)
        self._on_clerk_changed()

    def _lay_out(self) -> None:
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("期间")))
        period.addWidget(self.start)
        period.addWidget(QLabel("—"))
        period.addWidget(self.end)
        period.addStretch(1)
        left = QWidget()
        finder = QVBoxLayout(left)
        finder.setContentsMargins(0, 0, 0, 0)
        finder.addWidget(self.query)
        finder.addWidget(self.results, 1)
        right = QWidget()
        record = QVBoxLayout(right)
        record.setContentsMargins(0, 0, 0, 0)
        for label in (self.heading, self.star, self.teams, self.details):
            record.addWidget(label)
        record.addWidget(self.services, 1)
        signers = QHBoxLayout()
        signers.addWidget(QLabel(self.tr("负责人")))
        signers.addWidget(self.in_charge, 1)
        signers.addWidget(QLabel(self.tr("经办人")))
        signers.addWidget(self.handler, 1)
        record.addLayout(signers)
        record.addLayout(widgets.button_row(self.full_id, self.issue_button))
        top = QSplitter()
        top.addWidget(left)
        top.addWidget(right)
        top.setStretchFactor(1, 2)
        heading = QLabel(self.tr("证明登记簿"))
        heading.setObjectName("formHeading")
        register_head = QHBoxLayout()
        register_head.addWidget(heading, 1)
        register_head.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(period)
        column.addWidget(top, 3)
        column.addLayout(register_head)
        column.addWidget(self.register, 2)

    def _connect(self) -> None:
        self.query.textEdited.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._on_query_return_pressed)
        SearchListKeys(self.query, self.results, self._search_pending)
        self._timer.timeout.connect(self._search)
        self.results.selectionModel().currentChanged.connect(self._on_result_changed)
        self.start.dateChanged.connect(self._reload_record)
        self.end.dateChanged.connect(self._reload_record)
        self.issue_button.clicked.connect(self._on_issue_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.desk.clerk_changed.connect(self._on_clerk_changed)

    def refresh(self) -> None:
        self.register_model.set_rows(certificates.register())
        self._reload_record()

    def period(self) -> tuple[dt.date | None, dt.date]:
        start = None if self.start.date() == EARLIEST else self.start.date().toPython()
        return start, self.end.date().toPython()

    def _on_clerk_changed(self, *args: object) -> None:
        admin = self.desk.is_admin
        self.full_id.setVisible(admin)
        self.full_id.setChecked(False)
        self.export_button.setVisible(admin)

    def _search(self) -> None:
        self.results_model.search(self.query.text())

    def _search_pending(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._search()

    def _on_query_return_pressed(self) -> None:
        self._timer.stop()
        self._search()
        if enter_list(self.results):
            self._on_result_changed()

    def _on_result_changed(self, *args: object) -> None:
        hit: ResidentHit | None = self.results.currentIndex().data(ROW_ROLE)
        self._load(hit.id if hit else None)

    def _reload_record(self, *args: object) -> None:
        self._load(self.record.resident_id if self.record else None)

    def _load(self, resident_id: int | None) -> None:
        if resident_id is None:
            self._show_record(None)
            return
        start, end = self.period()
        try:
            self._show_record(volunteer_record(resident_id, start, end))
        except DeskError as exc:  # a period the wrong way round
            self._show_record(None)
            self.feedback.show_error(message_for(exc))

    def _show_record(self, record: VolunteerRecord | None) -> None:
        self.record = record
        self.issue_button.setEnabled(record is not None and bool(record.services))
        if record is None:
            self.heading.setText(self.tr("请先查找并选择一位志愿者"))
            self.star.clear()
            self.teams.clear()
            self.details.clear()
            self.services_model.set_rows([])
            return
        self.heading.setText(self.tr("{name}（{no}）{id_type} {id}").format(
            name=record.name, no=record.resident_no, id_type=record.id_type,
            id=record.id_masked or "—"))
        star = self.tr(STARS[record.star.level])
        if record.star.to_next is None:
            text = self.tr("星级：{star}（累计 {hours} 小时）")
        else:
            text = self.tr("星级：{star}（累计 {hours} 小时，再服务 {left} 小时升{next}）")
        self.star.setText(text.format(star=star, hours=record.total_hours,
                                      left=record.star.to_next or "",
                                      next=self.tr(STARS[min(record.star.level + 1, 5)])))
        teams = "、".join(t.team + (self.tr("（已离队）") if t.left_on else "")
                         for t in record.teams) or "—"
        years = "；".join(self.tr("{year} 年 {count} 次 {hours} 小时").format(
            year=y.year, count=y.activities, hours=y.hours) for y in record.years) or "—"
        self.teams.setText(self.tr("队伍：{teams}").format(teams=teams))
        self.details.setText(self.tr("本期：{hours} 小时；分年度：{years}").format(
            hours=record.hours, years=years))
        self.services_model.set_rows(record.services)

    def _on_issue_button_clicked(self) -> None:
        record = self.record
        if record is None:
            return
        start, end = self.period()
        full = self.desk.is_admin and self.full_id.isChecked()
        question = self.tr(
            "为 {name} 出具 {hours} 小时的志愿服务记录证明？编号将记入登记簿，不能撤回。")
        if full:
            question += self.tr("证明上将印完整证件号，此操作记入审计日志。")
        if not widgets.confirm(self, self.tr("出具证明"), question.format(
                name=record.name, hours=record.hours), self.tr("出具")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        in_charge, handler = self.in_charge.text(), self.handler.text().strip() or None
        self.desk.perform(self, lambda: certificates.issue_certificate(
            ctx, record.resident_id, start, end, full, in_charge, handler,
            request_id=request), self._on_issue_succeeded, self._on_issue_failed)

    def _on_issue_succeeded(self, issued: IssuedCertificate) -> None:
        content = issued.content
        self.feedback.show_ok(self.tr("已出具志愿服务记录证明 {number}").format(
            number=content.number))
        self.register_model.set_rows(certificates.register())
        self.pdf_dialog = PdfDialog(self.desk, self.tr("志愿服务记录证明 {number}").format(
            number=content.number), lambda: _printout(content), self)
        self.pdf_dialog.open()

    def _on_issue_failed(self, exc: BaseException) -> None:
        self.feedback.show_error(message_for(exc))

    def _on_export_button_clicked(self) -> None:
        folder = output.sink.choose_folder(
            self, self.tr("选择导出位置（文件含完整证件号和手机号）"))
        if folder is None:
            return
        start, end = self.period()
        path = folder / f"national-volunteers-{start or 'all'}-{end}.xlsx"
        ctx = self.desk.ctx
        self.desk.run(self, lambda: export_national(ctx, path, start, end),
                      self._on_export_succeeded, self._on_issue_failed,
                      progress=self.tr("正在导出…"))

    def _on_export_succeeded(self, done: Exported) -> None:
        self.feedback.show_ok(self.tr("已导出 {rows} 行（{volunteers} 名志愿者）：{path}").format(
            rows=done.rows, volunteers=done.volunteers, path=done.path))


def _printout(content: CertificateContent) -> output.Made:
    """The certificate rendered (on the worker): reportlab loads on first use."""
    try:
        from app.printing.certificate import certificate_printout
    except ImportError as exc:
        raise output.PrintingUnavailable(str(exc)) from exc
    return certificate_printout(content), output.unprintable([content.name])
