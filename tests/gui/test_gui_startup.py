"""First run, sign-in, and start-up failures: what a clerk sees before the desk."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from app.runtime.config import Config
from app.services import auth, search, station
from app.services.context import Context
from app.views.common import errors
from app.views.common.background import Runner
from app.views.shell import app as gui_app
from app.views.shell.duty import Desk
from app.views.shell.signin import SignInDialog
from app.views.shell.wizard import (
    ADMIN_PAGE,
    DATA_PAGE,
    STATION_PAGE,
    FirstRunWizard,
    demo_available,
)
from tests.conftest import ADMIN_PASSWORD

from .conftest import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def fresh_desk(db, tmp_path, clock, qapp):
    return Desk(Context(tmp_path, clock), Runner(synchronous=True))


def _fill_station(wizard: FirstRunWizard, qtbot) -> None:  # noqa: ANN001
    type_text(wizard.station_page.name, "新华社区新时代文明实践站")
    qtbot.keyClicks(wizard.station_page.code, "xh01")
    wizard.next()


def _fill_admin(wizard: FirstRunWizard, qtbot, password: str) -> None:  # noqa: ANN001
    page = wizard.admin_page
    type_text(page.display_name, "王站长")
    for field in (page.password, page.repeat):
        field.clear()
        qtbot.keyClicks(field, password)
    wizard.next()


def test_first_run_wizard_sets_up_the_station_and_its_admin(fresh_desk, qtbot):
    """Name and code, a strong admin password, start empty: the station exists."""
    wizard = FirstRunWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_station(wizard, qtbot)
    assert wizard.station_page.code.text() == "XH01"  # typed in lower case, shown upper
    assert wizard.currentId() == ADMIN_PAGE
    _fill_admin(wizard, qtbot, "Jiangnan-2026")
    assert wizard.currentId() == DATA_PAGE
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.admin_username == "admin"
    info = station.current()
    assert (info.code, info.name) == ("XH01", "新华社区新时代文明实践站")
    assert auth.sign_in(fresh_desk.base, "admin", "Jiangnan-2026").display_name == "王站长"


def test_wizard_refuses_a_weak_or_empty_password_with_the_reason(fresh_desk, qtbot):
    wizard = FirstRunWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_station(wizard, qtbot)
    _fill_admin(wizard, qtbot, "12345678")
    assert wizard.currentId() == ADMIN_PAGE
    assert "太常见" in wizard.admin_page.errors.text("password")
    _fill_admin(wizard, qtbot, "")
    assert wizard.currentId() == ADMIN_PAGE
    assert "至少需要 8 个字符" in wizard.admin_page.errors.text("password")
    assert not station.is_initialised()


def test_wizard_sends_a_bad_station_code_back_to_its_field(fresh_desk, qtbot):
    wizard = FirstRunWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(wizard.station_page.name, "新华站")
    type_text(wizard.station_page.code, "新华")
    wizard.next()
    _fill_admin(wizard, qtbot, "Jiangnan-2026")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.currentId() == STATION_PAGE
    assert "2–8 位大写字母或数字" in wizard.station_page.errors.text("station_code")
    assert not station.is_initialised()


@pytest.mark.skipif(not demo_available(), reason="demo data not in this build")
def test_wizard_can_start_with_demo_residents(fresh_desk, qtbot):
    wizard = FirstRunWizard(fresh_desk)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_station(wizard, qtbot)
    _fill_admin(wizard, qtbot, "Jiangnan-2026")
    wizard.data_page.demo.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.demo_problem == ""
    assert search.search("z", limit=5).hits  # demo residents are findable
    # Marked as a demo station at creation: more demo data may be loaded into it later.
    from app.services import station

    assert station.is_demo()


def test_wrong_password_is_refused_next_to_the_field(ctx, qtbot):
    desk = Desk(ctx, Runner(synchronous=True))
    dialog = SignInDialog(desk, "新华社区新时代文明实践站", "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.username.text() == "admin"
    qtbot.keyClicks(dialog.form.password, "not-the-password")
    qtbot.mouseClick(dialog.form.button, Qt.MouseButton.LeftButton)
    assert dialog.actor is None and dialog.isVisible()
    assert dialog.form.password_error() == "用户名或密码不正确。"
    assert dialog.form.password.text() == "not-the-password"  # selected, ready to retype
    dialog.form.password.clear()
    qtbot.keyClicks(dialog.form.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.username == "admin"


def test_enter_on_the_user_name_moves_to_the_password_without_complaint(ctx, qtbot):
    dialog = SignInDialog(Desk(ctx, Runner(synchronous=True)), "新华站")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.username)
    qtbot.keyClicks(dialog.form.username, "admin")
    qtbot.keyClick(dialog.form.username, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.form.password
    assert dialog.form.password_error() == "" and dialog.isVisible()


def test_a_start_up_failure_is_explained_not_thrown(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    opened, problem = gui_app.open_station_or_error(
        Config(blocker / "data", str(blocker / "data" / "station.db")))
    assert opened is None
    assert "无法创建数据目录" in problem and "Traceback" not in problem


def test_unexpected_errors_are_logged_with_a_reference_and_shown_politely(monkeypatch, caplog):
    shown: list[str] = []
    monkeypatch.setattr(errors, "_show_once", shown.append)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.ERROR):
            errors._excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and "参考号" in shown[0]
    assert "boom" not in shown[0] and "Traceback" not in shown[0]
    reference = shown[0].split("参考号 ")[1].split(" ")[0]
    assert any(reference in r.getMessage() and r.exc_info for r in caplog.records)
