"""Recording a commendation (an admin) and a nomination at the desk (any clerk): the
resident found as the desk finds one, a partner for a pair, the title from the list (an
admin may type another), the level and date, or the reason and who nominates. Each is
one write through the desk; a refusal is shown under the form and the cursor goes to
the field it is about."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import honours, nominations
from app.services.context import new_request_id
from app.services.errors import DeskError
from app.views.common.errors import field_of, message_for
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback
from app.views.honours.finder import ResidentFinder
from app.views.honours.labels import level_text
from app.views.shell.duty import Desk


def level_box(name: str) -> QComboBox:
    box = QComboBox(objectName=name)
    for code in honours.LEVELS:
        box.addItem(level_text(code), code)
    return box


def date_edit(desk: Desk, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(desk.today()), objectName=name)
    edit.setMaximumDate(QDate(desk.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class HonourDialog(ReportingDialog):
    """What every honours dialog opens with: its desk, one request id (a retry after a
    refusal repeats it) and a width that reads the finder's hint and a reason in full."""

    def __init__(self, desk: Desk, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.request_id = new_request_id()
        self.setWindowTitle(title)
        self.setMinimumWidth(480)


class _HonourForm(HonourDialog):
    """What both forms share: the resident, a partner, the title, buttons and refusals."""

    def __init__(self, desk: Desk, title: str, save: str, parent: QWidget | None) -> None:
        super().__init__(desk, title, parent)
        self.resident = ResidentFinder("honourResident")
        self.partner = ResidentFinder("honourPartner", QCoreApplication.translate(
            "HonourForms", "结对表彰（好婆媳、好邻居）的另一位；个人表彰留空"))
        self.title = QComboBox(objectName="honourTitle")
        self.title.addItems(list(honours.TITLES))
        self.feedback = Feedback()
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("HonourForms", "居民"), self.resident)
        self.form.addRow(QCoreApplication.translate("HonourForms", "结对的另一位"), self.partner)
        self.form.addRow(QCoreApplication.translate("HonourForms", "称号"), self.title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(save)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("HonourForms", "取消"))
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.feedback)
        column.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {"resident": self.resident, "nominee": self.resident,
                                           "partner": self.partner, "title": self.title}
        self.resident.setFocus()

    def _on_buttons_accepted(self) -> None:
        if self.resident.resident_id is None:
            self.feedback.show_error(QCoreApplication.translate(
                "HonourForms", "请先找到并选定居民（输入后按回车）。"))
            self.resident.setFocus()
            return
        self.desk.perform(self, self.work(), self._on_done, self._on_failed)

    def work(self):  # noqa: ANN201 - a callable returning the service's result
        raise NotImplementedError

    def _on_failed(self, exc: BaseException) -> None:
        self.request_id = new_request_id()
        self.feedback.show_error(message_for(exc))
        widget = self.fields.get(field_of(exc) or "") if isinstance(exc, DeskError) else None
        if widget is not None:
            widget.setFocus()


class CommendationDialog(_HonourForm):
    """An admin records a commendation: any title, typed if not on the list."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("登记表彰"), self.tr("登记"), parent)
        self.title.setEditable(True)
        self.household = QCheckBox(self.tr("以家庭名义表彰（该居民所在的户）(&H)"),
                                   objectName="honourHousehold")
        self.level = level_box("honourLevel")
        self.date = date_edit(desk, "honourDate")
        self.citation = QLineEdit(objectName="honourCitation")
        self.citation.setPlaceholderText(self.tr("事迹简介，可留空"))
        self.form.insertRow(2, "", self.household)
        self.form.addRow(self.tr("级别"), self.level)
        self.form.addRow(self.tr("表彰日期"), self.date)
        self.form.addRow(self.tr("事迹简介"), self.citation)
        self.fields |= {"level": self.level, "date": self.date, "citation": self.citation}

    def work(self):  # noqa: ANN201
        ctx, rid = self.desk.ctx, self.request_id
        subject = honours.Subject(self.resident.resident_id, self.partner.resident_id,
                                  self.household.isChecked())
        title, level = self.title.currentText(), self.level.currentData()
        day, citation = self.date.date().toPython(), self.citation.text()
        return lambda: honours.record(ctx, subject, title, level, day, citation,
                                      request_id=rid)

    def _on_done(self, made: honours.CommendationView) -> None:
        self.reported.emit(self.tr("已登记表彰：{who} 获{level}“{title}”").format(
            who=made.who, level=level_text(made.level), title=made.title))
        self.accept()


class NominationDialog(_HonourForm):
    """Any clerk records a nomination (我推荐我评议身边好人) for an admin to decide."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("推荐身边好人"), self.tr("登记推荐"), parent)
        self.reason = QLineEdit(objectName="nominationReason")
        self.reason.setPlaceholderText(self.tr("推荐理由：做了什么好事"))
        self.nominator = ResidentFinder("nominator", self.tr("推荐人是本站居民时在此查找"))
        self.nominator_name = QLineEdit(objectName="nominatorName")
        self.nominator_name.setPlaceholderText(self.tr("或填写推荐单位、推荐人姓名"))
        self.form.addRow(self.tr("推荐理由"), self.reason)
        self.form.addRow(self.tr("推荐人（居民）"), self.nominator)
        self.form.addRow(self.tr("推荐人（其他）"), self.nominator_name)
        self.fields |= {"reason": self.reason, "nominator": self.nominator_name}

    def work(self):  # noqa: ANN201
        ctx, rid = self.desk.ctx, self.request_id
        data = nominations.NominationInput(
            self.resident.resident_id, self.title.currentText(), self.reason.text(),
            self.partner.resident_id, self.nominator.resident_id, self.nominator_name.text())
        return lambda: nominations.nominate(ctx, data, request_id=rid)

    def _on_done(self, made: nominations.NominationView) -> None:
        self.reported.emit(self.tr("已登记推荐：{who}（{title}），待管理员评议").format(
            who=made.who, title=made.title))
        self.accept()
