"""Adding a volunteer team: its name, colour, kind, the team it belongs to (a 分队 of a
总队), its leader (found as the desk finds residents) and partner unit. Enter anywhere
adds it; a refusal is shown next to the field it concerns."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from app.services import residents, teams
from app.services.context import new_request_id
from app.services.teams import TeamView
from app.views.common.page import ReportingDialog
from app.views.common.widgets import Feedback, FieldErrors
from app.views.shell.duty import Desk
from app.views.volunteering.models import translated
from app.views.volunteering.team_models import KINDS

# The colours stations name their teams by; any other may be typed.
COLOURS = ("", "红色", "紫色", "绿色", "蓝色", "橙色")


class TeamDialog(ReportingDialog):

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._request_id = new_request_id()
        self.setWindowTitle(self.tr("新建志愿服务队"))
        self.name = QLineEdit()
        self.name.setObjectName("teamName")
        self.name.setPlaceholderText(self.tr("例如：红色志愿服务队"))
        self.colour = QComboBox()
        self.colour.setObjectName("teamColour")
        self.colour.setEditable(True)
        self.colour.addItems(COLOURS)
        self.kind = QComboBox()
        self.kind.setObjectName("teamKind")
        for code in teams.KINDS:
            self.kind.addItem(translated(KINDS, code), code)
        self.kind.setCurrentIndex(self.kind.findData("skill"))
        self.parent_team = QComboBox()
        self.parent_team.setObjectName("teamParent")
        self.parent_team.addItem(self.tr("（无）"), None)
        for team in teams.list_teams(desk.today()):
            self.parent_team.addItem(team.name, team.name)
        self.leader = QLineEdit()
        self.leader.setObjectName("teamLeader")
        self.leader.setPlaceholderText(self.tr("居民编号、卡号或姓名（可不填）"))
        self.unit = QLineEdit()
        self.unit.setObjectName("teamUnit")
        self.unit.setPlaceholderText(self.tr("共建单位的队伍填写，例如：新华幼儿园"))
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("新建"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        form = QFormLayout(self)
        for name, label, widget in (
                ("name", self.tr("队名"), self.name), ("colour", self.tr("颜色"), self.colour),
                ("kind", self.tr("类型"), self.kind),
                ("parent", self.tr("上级队伍"), self.parent_team),
                ("leader", self.tr("队长"), self.leader), ("unit", self.tr("共建单位"), self.unit)):
            self.errors.add_row(form, name, label, widget)
        form.addRow(self.feedback)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        ctx, request = self.desk.ctx, self._request_id
        name, colour, kind = self.name.text(), self.colour.currentText(), self.kind.currentData()
        above, leader, unit = self.parent_team.currentData(), self.leader.text().strip(), \
            self.unit.text()

        def work() -> TeamView:
            leader_id = residents.resolve(leader).id if leader else None
            return teams.add_team(ctx, name, colour, kind, above, leader_id, unit,
                                  request_id=request)

        self.buttons.setEnabled(False)
        self.desk.run(self, work, self._on_add_succeeded, self._on_add_failed)

    def _on_add_succeeded(self, result: TeamView) -> None:
        self.added = result
        self.reported.emit(self.tr("已新建志愿服务队：{name}").format(name=result.name))
        self.accept()

    def _on_add_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._request_id = new_request_id()  # a refused team is a new one once corrected
        self.errors.show(exc)
