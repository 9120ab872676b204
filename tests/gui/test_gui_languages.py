"""One language at a time: window titles name the application once, in the interface
language; the sign-in switches language at once and remembers it; the catalogue shows
names rather than codes; English pages show deed types by their English names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.services import catalogue, deeds
from app.views.common import i18n
from app.views.common import preferences as ui_settings
from app.views.common.background import Runner
from app.views.shell.duty import Desk
from app.views.shell.main_window import CATALOGUE, PENDING, REDEEM, MainWindow
from app.views.shell.signin import SignInDialog
from tests.conftest import ADMIN_PASSWORD

from .conftest import open_window

pytestmark = pytest.mark.gui


def shown_title(widget) -> str:  # noqa: ANN001
    """The title as the window system shows it: Qt appends the display name to a title
    that does not end with it."""
    title, name = widget.windowTitle(), QGuiApplication.applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}"


@pytest.fixture
def english(qapp, tmp_path):
    i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path)
    assert i18n.install("en", tmp_path) == "en"


def sign_in_dialog(ctx, qtbot) -> SignInDialog:  # noqa: ANN001
    dialog = SignInDialog(Desk(ctx, Runner(synchronous=True)), "新华站", "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_sign_in_title_names_the_application_once_in_chinese(ctx, qtbot):
    dialog = sign_in_dialog(ctx, qtbot)
    assert shown_title(dialog) == "登录 — 文明实践站前台"


def test_the_sign_in_title_names_the_application_once_in_english(ctx, qtbot, english):
    dialog = sign_in_dialog(ctx, qtbot)
    assert shown_title(dialog) == "Sign in — StationDesk"


def test_the_main_window_title_is_the_station_then_the_application(desk, qtbot):
    window = open_window(desk, qtbot)
    assert shown_title(window) == "新华社区新时代文明实践站 — 文明实践站前台"
    assert "StationDesk" not in shown_title(window)


def test_the_sign_in_switches_language_at_once_and_remembers_it(ctx, qtbot, tmp_path):
    dialog = sign_in_dialog(ctx, qtbot)
    english_button = dialog.findChild(type(dialog.form.button), "language_en")
    chinese_button = dialog.findChild(type(dialog.form.button), "language_zh")
    assert english_button.text() == "English" and chinese_button.isChecked()
    assert dialog.form.button.text() == "登录"

    qtbot.mouseClick(english_button, Qt.MouseButton.LeftButton)
    assert i18n.language() == "en"
    assert english_button.isChecked() and not chinese_button.isChecked()
    # Qt posts the language change to every widget: it arrives within the event loop's turn.
    qtbot.waitUntil(lambda: dialog.form.button.text() == "Sign in", timeout=1000)
    assert dialog.form.username_label.text() == "User name"
    assert "Please sign in" in dialog.form.heading.text()
    assert shown_title(dialog) == "Sign in — StationDesk"
    assert ui_settings.get(ui_settings.LANGUAGE) == "en"

    # The clerk signs in; the window that opens speaks the language chosen.
    qtbot.keyClicks(dialog.form.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.form.password, Qt.Key.Key_Return)
    assert dialog.actor is not None
    desk = Desk(ctx, Runner(synchronous=True))
    desk.set_actor(dialog.actor)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert shown_title(window) == "新华社区新时代文明实践站 — StationDesk"

    qtbot.mouseClick(chinese_button, Qt.MouseButton.LeftButton)
    assert i18n.language() == "zh"
    qtbot.waitUntil(lambda: dialog.form.button.text() == "登录", timeout=1000)
    assert ui_settings.get(ui_settings.LANGUAGE) == "zh"


def test_the_catalogue_shows_names_first_and_codes_only_aside(desk, qtbot):
    window = open_window(desk, qtbot)
    window.show_page(CATALOGUE)
    table = window.pages.currentWidget().table
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    first = catalogue.list_types(include_retired=True)[0]
    assert model.data(model.index(0, 0)) == first.name_zh
    codes = [c for c in range(model.columnCount())
             if model.data(model.index(0, c)) == first.code]
    # The code is kept for the admin (CLI commands take it), last and never leading.
    assert codes == [model.columnCount() - 1] and headers[-1] == "代码"
    assert first.code in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def test_the_english_pending_page_shows_english_deed_names(ctx, resident, desk, qtbot,
                                                          english, answer):
    deeds.record_deed(ctx, resident.id, "HEROIC_ACT")  # reviewed before it counts
    window = open_window(desk, qtbot)
    window.show_page(PENDING)
    page = window.pages.currentWidget()
    model = page.table.model()
    names = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert "Act of bravery" in names
    assert not any("见义勇为" in str(n) for n in names)
    page.table.selectRow(0)
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert "Act of bravery" in answer.asked[-1] and "见义勇为" not in answer.asked[-1]
    assert "Act of bravery" in page.feedback.text()


def test_the_english_redemption_list_speaks_english_around_the_merchant(ctx, resident, desk,
                                                                        qtbot, english):
    from app.services import ledger, vouchers

    from .conftest import scan

    ledger.adjust(ctx, resident.id, 20, "期初余额")
    token = vouchers.issue(ctx, resident.id, 20).vouchers[0].token
    window = open_window(desk, qtbot)
    window.show_page(REDEEM)
    page = window.redeem_page
    scan(page.scan, token)
    qtbot.mouseClick(page.redeem_button, Qt.MouseButton.LeftButton)
    assert page.model.data(page.model.index(0, 4)) == \
        "Redeemed (2026-11-23 09:30:00, the station's points store)"
    scan(page.scan, token)
    assert page.model.data(page.model.index(1, 4)) == (
        "Already redeemed on 2026-11-23 09:30 at the station's points store by 王站长; "
        "it cannot be used again.")
