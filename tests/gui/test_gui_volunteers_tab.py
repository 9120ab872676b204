"""The 志愿者 tab driven through its widgets: find a volunteer by keyboard, read their record
and star level, issue and print a certificate through the preview, see it in the
register; only an admin sees the full-ID choice and the national export."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.models import VolunteerCertificate
from app.services import activities, activity_close, attendance, certificates, residents
from app.services.activities import ActivityPlan
from app.services.volunteer_record import volunteer_record
from app.views.shell.main_window import ACTIVITIES
from app.views.volunteering.record_models import RegisterModel, ServicesModel
from app.views.volunteering.volunteers_tab import VolunteersTab

from .conftest import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def volunteer(ctx, resident):
    """张明月 served 3 h and 2.5 h at two closed activities."""
    for day, out in ((dt.date(2026, 10, 10), dt.time(11, 0)), (dt.date(2026, 11, 1),
                                                               dt.time(10, 30))):
        made = activities.add_activity(ctx, ActivityPlan(
            f"幸福里环境整治 {day:%m-%d}", day, dt.time(8, 0), dt.time(11, 0), "ENV_CLEANUP",
            kind="environment"))
        attendance.attend(ctx, made.id, [resident.id], sign_in=dt.time(8, 0), sign_out=out)
        activity_close.close_activity(ctx, made.id)
    residents.register(ctx, residents.ResidentInput(name="张明"))  # a second match for 张明
    return resident


def volunteers_tab(window) -> VolunteersTab:
    page = window.page_by_key[ACTIVITIES]
    window.show_page(ACTIVITIES)
    tab = next(t for t in page.extra_tabs if isinstance(t, VolunteersTab))
    page.tabs.setCurrentWidget(tab)
    return tab


def find(tab: VolunteersTab, query: str) -> None:
    tab.query.setFocus()
    QTest.keyClicks(tab.query, query)
    QTest.keyClick(tab.query, Qt.Key.Key_Return)


def test_find_read_issue_and_print_by_keyboard(volunteer, window, printer, answer, tmp_path):
    tab = volunteers_tab(window)
    assert not tab.issue_button.isEnabled()
    find(tab, volunteer.resident_no)
    assert QApplication.focusWidget() is tab.results  # Enter went down to the match
    assert "张明月" in tab.heading.text() and "110105********002X" in tab.heading.text()
    assert "5.5" in tab.star.text() and "未到一星" in tab.star.text()
    assert "94.5" in tab.star.text()  # still to serve for 一星
    assert [r.hours for r in tab.services_model.rows()] == ["3", "2.5"]
    tab.in_charge.setText("王站长")
    QTest.keyClick(tab.issue_button, Qt.Key.Key_Space)
    assert "5.5" in answer.asked[-1]
    dialog = tab.pdf_dialog
    assert dialog is not None and dialog.preview.documents
    QTest.keyClick(dialog.preview.print_button, Qt.Key.Key_Space)
    assert len(printer.printed) == 1 and printer.printed[0][0].startswith(b"%PDF")
    (row,) = tab.register_model.rows()
    assert (row.number, row.name, row.hours, row.person_in_charge) == ("2026-0001", "张明月",
                                                                      "5.5", "王站长")
    assert "2026-0001" in tab.feedback.text()
    dialog.reject()
    tab.grab().save(str(tmp_path / "volunteers-tab.png"))


def test_a_refused_confirmation_issues_nothing(volunteer, window, answer):
    tab = volunteers_tab(window)
    find(tab, volunteer.resident_no)
    answer.yes = False
    QTest.keyClick(tab.issue_button, Qt.Key.Key_Space)
    assert VolunteerCertificate.select().count() == 0 and tab.register_model.rows() == []


def test_the_period_narrows_the_record(volunteer, window):
    tab = volunteers_tab(window)
    find(tab, volunteer.resident_no)
    tab.start.setDate(dt.date(2026, 10, 20))
    assert [r.hours for r in tab.services_model.rows()] == ["2.5"]
    assert "2.5" in tab.details.text() and "5.5" in tab.star.text()


def test_an_admin_sees_full_id_and_export(volunteer, window, printer, answer):
    tab = volunteers_tab(window)
    assert tab.full_id.isVisibleTo(tab) and tab.export_button.isVisibleTo(tab)
    find(tab, volunteer.resident_no)
    tab.full_id.setChecked(True)
    QTest.keyClick(tab.issue_button, Qt.Key.Key_Space)
    assert "完整证件号" in answer.asked[-1]
    assert VolunteerCertificate.get().full_id
    QTest.keyClick(tab.export_button, Qt.Key.Key_Space)
    (written,) = printer.folder.glob("national-volunteers-*.xlsx")
    assert written.stat().st_size > 0 and "2 行" in tab.feedback.text()


def test_a_clerk_sees_neither_full_id_nor_export(volunteer, clerk_desk, qtbot):
    window = open_window(clerk_desk, qtbot)
    tab = volunteers_tab(window)
    assert not tab.full_id.isVisibleTo(tab) and not tab.export_button.isVisibleTo(tab)


def test_the_record_and_register_models_keep_the_model_contract(ctx, volunteer,
                                                                qtmodeltester):
    services = ServicesModel()
    services.set_rows(volunteer_record(volunteer.id).services)
    qtmodeltester.check(services)
    certificates.issue_certificate(ctx, volunteer.id, full_id=True)
    register = RegisterModel()
    register.set_rows(certificates.register())
    qtmodeltester.check(register)
    assert register.data(register.index(0, 8)) == "完整"
    assert register.data(register.index(0, 4)) == "2026-10-10 – 2026-11-23"
