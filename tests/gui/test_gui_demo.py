"""A demo station's window says so on every page (a red strip and the title), and an
admin clears the demo data from it after a confirmation that says what will happen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.models import database
from app.runtime.config import Config
from app.runtime.startup import open_station
from app.services import demo, search, station
from app.views.common import prompts
from app.views.common.background import Runner
from app.views.shell import demo_banner
from app.views.shell.main_window import BACKUPS, RESIDENTS
from tests.conftest import ADMIN_PASSWORD

from .conftest import make_desk, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def config(tmp_path) -> Config:
    return Config(tmp_path, str(tmp_path / "station.db"))


@pytest.fixture
def demo_window(ctx, config, qtbot):
    demo.generate(ctx, residents=6)
    desk = make_desk(ctx)
    desk.config = config
    return open_window(desk, qtbot)


def test_every_page_of_a_demo_station_says_demo(demo_window, qtbot):
    window = demo_window
    banner = window.demo_banner
    assert window.windowTitle().startswith("【演示数据】")
    assert "演示数据 — 不是真实记录" in banner.label.text()
    assert "Demo data" in banner.label.text()
    for key in (RESIDENTS, BACKUPS):
        window.show_page(key)
        assert banner.isVisible() and banner.clear_button.isVisible()
    window.lock()
    assert window.is_locked() and banner.isVisible()
    assert not banner.clear_button.isVisible()  # nobody on duty: nobody clears


def test_a_clerk_sees_the_strip_but_cannot_clear(ctx, clerk_ctx, qtbot):
    demo.generate(ctx, residents=3)
    window = open_window(make_desk(clerk_ctx), qtbot)
    assert window.demo_banner.isVisible() and not window.demo_banner.clear_button.isVisible()
    assert window.desk.actor.username == "li"


def test_a_real_station_shows_no_strip_and_no_mark(window):
    assert not window.demo_banner.isVisible()
    assert "演示" not in window.windowTitle()


def test_clearing_asks_first_then_closes_and_starts_for_real(
        demo_window, config, answer, monkeypatch, qtbot):
    window = demo_window
    button = window.demo_banner.clear_button
    answer.yes = False
    asked = []
    monkeypatch.setattr(prompts, "ask_secret", lambda *a, **kw: asked.append(1))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    question = answer.asked[-1]
    for words in ("从零开始", "保留站点设置", "经办人账号", "demo-", "不能核销", "重新登录"):
        assert words in question
    assert not asked and window.isVisible() and window.fresh_start_request is None

    answer.yes = True
    monkeypatch.setattr(prompts, "ask_secret", lambda *a, **kw: "wrong-password")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "用户名或密码不正确" in window.demo_banner.refusal.text()
    assert window.isVisible() and window.fresh_start_request is None

    monkeypatch.setattr(prompts, "ask_secret", lambda *a, **kw: ADMIN_PASSWORD)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    request = window.fresh_start_request
    assert request.username == "admin" and ADMIN_PASSWORD not in repr(request)
    assert not list(config.backup_dir.glob("station-*-close.db"))  # the demo is kept whole

    shown: list[str] = []
    monkeypatch.setattr(demo_banner.QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    database.close()  # the window has closed its station
    assert demo_banner.start_for_real_after_close(config, request, Runner(synchronous=True))
    assert "正式启用" in shown[0] and "demo-" in shown[0]
    reopened = open_station(config)
    try:
        assert not station.is_demo() and search.listing().hits == []
    finally:
        reopened.close()


def test_the_strips_questions_keep_their_own_colours(demo_window):
    """The strip's white text is its own: a question it asks (its child) stays legible."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QLabel, QMessageBox

    banner = demo_window.demo_banner
    box = QMessageBox(QMessageBox.Icon.Question, "t", "清除全部演示数据？",
                      QMessageBox.StandardButton.Ok, banner)
    box.show()
    text = box.findChild(QLabel, "qt_msgbox_label")
    text.ensurePolished()
    banner.label.ensurePolished()
    white = banner.label.palette().color(QPalette.ColorRole.WindowText)
    assert white.lightness() > 240
    assert text.palette().color(QPalette.ColorRole.WindowText) != white
    box.close()


def test_the_sign_in_of_a_demo_station_says_demo(ctx, qtbot):
    from app.views.shell.signin import SignInDialog

    demo.generate(ctx, residents=3)
    info = station.current()
    dialog = SignInDialog(make_desk(ctx), info.name, "admin", demo=info.demo)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle().startswith("【演示数据】")
    assert dialog.demo_banner.isVisible() and not dialog.demo_banner.clear_button.isVisible()
    real = SignInDialog(make_desk(ctx), info.name, "admin")
    qtbot.addWidget(real)
    assert "演示" not in real.windowTitle()
