"""The teams tab: every volunteer team with its colour, kind, parent team, leader, partner
unit and members; the chosen team's members (joined and left), the hours its closed
activities gave its volunteers, and its activities. Adding a team, and members joining
(a number, card or name and Enter) or leaving (Delete), all by keyboard."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import activities, residents, team_record, teams
from app.services.context import new_request_id
from app.services.teams import MembershipResult, TeamView
from app.views.common import labels, widgets
from app.views.common.widgets import EnterKey, Feedback, FieldErrors, table_view
from app.views.shell.duty import Desk
from app.views.tables.rows import ROW_ROLE
from app.views.volunteering.models import ActivitiesModel
from app.views.volunteering.tab_base import VolunteeringTab
from app.views.volunteering.team_dialog import TeamDialog
from app.views.volunteering.team_models import SpellsModel, TeamsModel


class TeamsTab(VolunteeringTab):
    title = QT_TRANSLATE_NOOP("ActivitiesPage", "志愿服务队")

    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(desk, feedback, parent)
        self.teams_model = TeamsModel(self)
        self.table = table_view(self.teams_model, "teamsTable")
        self.add_button = QPushButton(self.tr("新建队伍"))
        self.add_button.setObjectName("addTeamButton")
        self.heading = QLabel()
        self.heading.setObjectName("teamHeading")
        self.members_model = SpellsModel(self)
        self.members = table_view(self.members_model, "teamMembersTable")
        self.activities_model = ActivitiesModel(self)
        self.activity_table = table_view(self.activities_model, "teamActivitiesTable")
        self.join = QLineEdit()
        self.join.setObjectName("teamJoinLookup")
        self.join.setPlaceholderText(self.tr("居民编号、卡号或姓名，回车入队"))
        self.errors = FieldErrors(feedback)
        self.leave_button = QPushButton(self.tr("离队（Delete）"))
        self.leave_button.setObjectName("leaveTeamButton")
        members = QVBoxLayout()
        members.addWidget(QLabel(self.tr("成员")))
        members.addWidget(self.members, 1)
        members.addWidget(self.join)
        members.addLayout(widgets.button_row(self.leave_button))
        organised = QVBoxLayout()
        organised.addWidget(QLabel(self.tr("组织的活动")))
        organised.addWidget(self.activity_table, 1)
        detail = QHBoxLayout()
        detail.addLayout(members, 2)
        detail.addLayout(organised, 3)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 2)
        column.addLayout(widgets.button_row(self.add_button))
        column.addWidget(self.heading)
        column.addLayout(detail, 3)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.leave_button.clicked.connect(self._on_leave_button_clicked)
        self._enter = EnterKey(self.join, self._on_join_entered)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.members)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self._on_leave_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._show_team)
        self.members.selectionModel().selectionChanged.connect(self._update_buttons)
        self.members_model.modelReset.connect(self._update_buttons)

    def refresh(self) -> None:
        chosen = self.selected()
        self.activities_model.kind_names = {zh: labels.in_language(zh, en)
                                            for _, zh, en in activities.list_kinds()}
        self.teams_model.set_rows(teams.list_teams(self.desk.today()))
        self.select(chosen.name if chosen else None)
        self._show_team()

    def selected(self) -> TeamView | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select(self, name: str | None) -> None:
        for number, row in enumerate(self.teams_model.rows()):
            if name is None or row.name == name:
                self.table.selectRow(number)
                return

    def _show_team(self, *args: object) -> None:
        team = self.selected()
        self.join.setEnabled(team is not None)
        if team is None:
            self.heading.setText(self.tr("还没有志愿服务队，请先新建队伍。"))
            self.members_model.set_rows([])
            self.activities_model.set_rows([])
            return
        self.heading.setText(self.tr("{name}：志愿服务 {hours} 小时，现有成员 {count} 人").format(
            name=team.name, hours=team_record.hours(team.name), count=team.members))
        self.members_model.set_rows(team_record.spells(team.name))
        self.activities_model.set_rows(team_record.activities_of(team.name))

    def _update_buttons(self, *args: object) -> None:
        chosen = self.chosen_member()
        self.leave_button.setEnabled(chosen is not None and chosen.left_on is None)

    def chosen_member(self) -> team_record.Spell | None:
        rows = self.members.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _on_add_button_clicked(self) -> None:
        self.team_dialog = TeamDialog(self.desk, self)
        self.team_dialog.reported.connect(self.feedback.show_ok)
        self.team_dialog.accepted.connect(self._on_team_added)
        self.team_dialog.open()

    def _on_team_added(self) -> None:
        self.refresh()
        self.select(self.team_dialog.added.name)
        self.join.setFocus()  # the next thing to do: its members

    def _on_join_entered(self) -> None:
        team, typed = self.selected(), self.join.text().strip()
        if team is None or not typed:
            return
        self.errors.clear()
        ctx, request = self.desk.ctx, new_request_id()

        def work() -> MembershipResult:
            person = residents.resolve(typed)
            return teams.join_team(ctx, team.name, [person.id], request_id=request)

        self.desk.perform(self, work, self._on_join_succeeded, self._on_failed)

    def _on_join_succeeded(self, result: MembershipResult) -> None:
        [person] = result.members
        text = (self.tr("{name}（{no}）已加入{team}") if person.changed
                else self.tr("{name}（{no}）已是{team}成员"))
        self.feedback.show_ok(text.format(name=person.name, no=person.resident_no,
                                          team=result.team))
        self.join.clear()
        self.refresh()
        self.join.setFocus()

    def _on_leave_button_clicked(self) -> None:
        team, member = self.selected(), self.chosen_member()
        if team is None or member is None or member.left_on is not None:
            return
        if not widgets.confirm(self, self.tr("离队"), self.tr("{name}（{no}）今天离开{team}？")
                               .format(name=member.name, no=member.resident_no, team=team.name),
                               self.tr("离队")):
            return
        ctx, request = self.desk.ctx, new_request_id()
        self.desk.perform(self, lambda: teams.leave_team(ctx, team.name, [member.resident_id],
                                                         request_id=request),
                          self._on_leave_succeeded, self._on_failed)

    def _on_leave_succeeded(self, result: MembershipResult) -> None:
        [person] = result.members
        self.feedback.show_ok(self.tr("{name} 已于 {date} 离开{team}").format(
            name=person.name, date=result.date, team=result.team))
        self.refresh()
        self.members.setFocus()

    def _on_failed(self, exc: BaseException) -> None:
        self.errors.show(exc)
        if self.join.hasFocus():
            self.join.selectAll()  # the next number typed replaces the one refused
