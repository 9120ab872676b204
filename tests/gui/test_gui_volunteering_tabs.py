"""The teams and statistics tabs of the 志愿活动 page: a team added and a member joined
by keyboard, a member leaving; the figures shown match the service's on a small
fixture, with the totals row, and the Excel export writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.models import TeamMember
from app.services import activities, activity_close, attendance, requests, residents, teams
from app.services.activities import ActivityPlan
from app.services.volunteer_stats import activity_stats
from app.views.shell.main_window import ACTIVITIES
from app.views.volunteering import stats_tab
from app.views.volunteering.stats_tab import StatsTab
from app.views.volunteering.teams_tab import TeamsTab

from .conftest import scan, type_text

pytestmark = pytest.mark.gui

DAY = dt.date(2026, 11, 23)  # the fixture clock's day


def open_tab(window, qtbot, kind: type):
    page = window.page_by_key[ACTIVITIES]
    window.show_page(ACTIVITIES)
    tab = next(t for t in page.extra_tabs if isinstance(t, kind))
    page.tabs.setCurrentWidget(tab)
    qtbot.waitExposed(tab)
    return page, tab


def column(model, number: int) -> list[str]:
    return [model.index(r, number).data() for r in range(model.rowCount())]


def test_add_a_team_and_a_member_by_keyboard(ctx, window, qtbot, answer):
    leader, member = (residents.register(ctx, residents.ResidentInput(name=name))
                      for name in ("赵一", "钱二"))
    teams.add_team(ctx, "新华志愿服务总队", kind="general")
    page, tab = open_tab(window, qtbot, TeamsTab)
    assert column(tab.teams_model, 0) == ["新华志愿服务总队"]
    QTest.keyClick(tab.add_button, Qt.Key.Key_Space)
    dialog = tab.team_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    type_text(dialog.name, "红色志愿服务队")
    QTest.keyClick(dialog.name, Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "红色")  # the colour, typed
    dialog.parent_team.setFocus()
    QTest.keyClick(dialog.parent_team, Qt.Key.Key_Down)  # the one team above it
    scan(dialog.leader, leader.resident_no)  # Enter adds the team
    assert not dialog.isVisible()
    assert column(tab.teams_model, 0) == ["新华志愿服务总队", "红色志愿服务队"]
    row = tab.teams_model.rows()[1]
    assert (row.colour, row.parent, row.leader, row.members) == ("红色", "新华志愿服务总队",
                                                                 "赵一", 1)
    assert tab.selected().name == "红色志愿服务队"
    window.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.join)  # next: its members
    scan(tab.join, member.card_code)
    assert "钱二" in page.feedback.text() and "已加入" in page.feedback.text()
    assert column(tab.members_model, 1) == ["赵一", "钱二"]
    assert "现有成员 2 人" in tab.heading.text()
    scan(tab.join, member.resident_no)
    assert "已是" in page.feedback.text() and tab.members_model.rowCount() == 2
    scan(tab.join, "nobody-at-all")
    assert "找不到" in page.feedback.text() and tab.join.selectedText() == "nobody-at-all"
    tab.members.setFocus()
    tab.members.selectRow(1)
    QTest.keyClick(tab.members, Qt.Key.Key_Delete)
    assert "钱二" in answer.asked[-1]
    assert column(tab.members_model, 3) == ["", str(DAY)]
    assert TeamMember.get(TeamMember.resident == member.id).left_on == DAY


def test_a_refused_team_is_shown_next_to_its_name(ctx, window, qtbot):
    teams.add_team(ctx, "绿色志愿服务队")
    page, tab = open_tab(window, qtbot, TeamsTab)
    QTest.keyClick(tab.add_button, Qt.Key.Key_Space)
    dialog = tab.team_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    type_text(dialog.name, "绿色志愿服务队")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "绿色志愿服务队" in (dialog.errors.text("name") or dialog.feedback.text())
    assert len(teams.list_teams(DAY)) == 1


@pytest.fixture
def month(ctx):
    """Two closed activities of two teams and one still planned: four volunteers (one at
    both), two audience members (one at both)."""
    people = [residents.register(ctx, residents.ResidentInput(name=f"居民{n}")).id
              for n in range(6)]
    teams.add_team(ctx, "红色志愿服务队")
    teams.add_team(ctx, "蓝色志愿服务队")
    made = []
    for n, (team, kind) in enumerate((("红色志愿服务队", "environment"),
                                      ("蓝色志愿服务队", "care"))):
        a = activities.add_activity(ctx, ActivityPlan(
            f"活动{n}", DAY - dt.timedelta(days=3 + n), dt.time(8, 0), dt.time(11, 0),
            "ENV_CLEANUP", teams=(team,), kind=kind, project="爱心厨房" if n else ""))
        made.append(a)
    attendance.attend(ctx, made[0].id, people[0:3], sign_in=dt.time(8, 0),
                      sign_out=dt.time(10, 0))
    attendance.attend(ctx, made[1].id, people[2:4], sign_in=dt.time(8, 0),
                      sign_out=dt.time(9, 0))
    attendance.attend(ctx, made[0].id, people[4:6], role="audience", sign_in=dt.time(8, 0))
    attendance.attend(ctx, made[1].id, people[5:6], role="audience", sign_in=dt.time(8, 0))
    for a in made:
        activity_close.close_activity(ctx, a.id)
    activities.add_activity(ctx, ActivityPlan("以后的活动", DAY + dt.timedelta(days=3),
                                              dt.time(8, 0), dt.time(9, 0), "ENV_CLEANUP"))
    return made


def test_the_figures_match_the_service_with_a_totals_row(ctx, window, qtbot, month):
    for what in ("修水管", "陪老人就医"):  # two requests for the red team, one of them done
        taken = requests.take_request(ctx, what)
        requests.assign_request(ctx, taken.number, team="红色志愿服务队")
    requests.complete_request(ctx, taken.number, note="已陪同")
    page, tab = open_tab(window, qtbot, StatsTab)
    tab.by.setCurrentIndex(tab.by.findData("team"))
    report = activity_stats(dt.date(DAY.year, 1, 1), DAY, "team")
    shown = [[tab.model.index(r, c).data() for c in range(10)]
             for r in range(tab.model.rowCount())]
    expected = [[f.label, *map(str, (f.activities, f.volunteers["persons"],
                                     f.volunteers["person_times"], f.audience["persons"],
                                     f.audience["person_times"], f.volunteer_hours,
                                     f.new_volunteers, f.requests_taken, f.requests_done))]
                for f in [*report.rows, report.total]]
    assert shown == expected
    assert shown[-1] == ["合计", "2", "4", "5", "2", "3", "8", "4", "2", "1"]  # by hand
    assert tab.model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    tab.by.setCurrentIndex(tab.by.findData("project"))
    assert column(tab.model, 0) == ["爱心厨房", "（无）", "合计"]


def test_the_excel_export(ctx, window, qtbot, month, monkeypatch, tmp_path):
    target = tmp_path / "十一月.xlsx"
    monkeypatch.setattr(stats_tab, "choose_path", lambda parent, name: target)
    page, tab = open_tab(window, qtbot, StatsTab)
    tab.by.setCurrentIndex(tab.by.findData("kind"))
    QTest.keyClick(tab.export_button, Qt.Key.Key_Space)
    assert "已导出" in page.feedback.text()
    sheet = load_workbook(target).active
    rows = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert [r[0] for r in rows] == ["关爱帮扶", "环境整治", "合计"]  # by first date
    assert rows[-1][1:] == [2, 4, 5, 2, 3, 8, 4, 0, 0]  # no requests taken or done


def test_an_end_before_the_start_is_refused(ctx, window, qtbot):
    page, tab = open_tab(window, qtbot, StatsTab)
    tab.end.setDate(tab.start.date().addDays(-1))
    assert "结束日期不能早于开始日期" in page.feedback.text()


def test_the_models_contract(ctx, window, qtbot, qtmodeltester, month):
    page, stats = open_tab(window, qtbot, StatsTab)
    qtmodeltester.check(stats.model)
    page, team_tab = open_tab(window, qtbot, TeamsTab)
    qtmodeltester.check(team_tab.teams_model)
    qtmodeltester.check(team_tab.members_model)
