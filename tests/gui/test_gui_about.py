"""About StationDesk: F1 opens it from the main window and from the sign-in; it says the
version pyproject.toml gives and shows every licence's full text, all by keyboard."""

from __future__ import annotations

import tomllib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPlainTextEdit

from app import RESOURCES
from app.views.common import i18n
from app.views.shell import about_dialog
from app.views.shell.about_dialog import AboutDialog
from app.views.shell.signin import SignInDialog

from .conftest import make_desk

pytestmark = pytest.mark.gui


def _pyproject_version() -> str:
    with (RESOURCES.parent / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def _opened_by_f1(window, qtbot) -> AboutDialog:  # noqa: ANN001
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), AboutDialog))
    return QApplication.activeWindow()


def test_f1_in_the_main_window_shows_the_version_and_each_licence_then_esc(window, qtbot):
    dialog = _opened_by_f1(window, qtbot)
    version = dialog.findChild(QLabel, "aboutVersion").text()
    assert version == f"版本 {_pyproject_version()}"
    licences = dialog.findChild(QListWidget, "licenceList")
    text = dialog.findChild(QPlainTextEdit, "licenceText")
    assert QApplication.focusWidget() is licences
    assert licences.currentItem().text() == f"StationDesk 文明实践站前台 {_pyproject_version()}" \
                                            " · Apache-2.0"
    assert "Apache License" in text.toPlainText()
    QTest.keyClicks(licences, "PySide6_E")  # a list finds an item by the first letters typed
    assert licences.currentItem().text().startswith("PySide6_Essentials ")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text.toPlainText()
    QTest.keyClick(licences, Qt.Key.Key_Down)
    assert licences.currentItem().text().startswith("qrcode ")
    assert "Apache License" not in text.toPlainText()
    QTest.keyClick(licences, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is text  # the text itself scrolls by keyboard
    QTest.keyClick(text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.about_button.text() == "关于 F1"


def test_every_licence_listed_shows_a_text(window, qtbot):
    dialog = _opened_by_f1(window, qtbot)
    licences = dialog.findChild(QListWidget, "licenceList")
    text = dialog.findChild(QPlainTextEdit, "licenceText")
    assert licences.count() == len(about_dialog.load_index()) > 20
    fonts = []
    for row in range(licences.count()):
        licences.setCurrentRow(row)
        assert len(text.toPlainText()) > 300, licences.item(row).text()
        if "Copyright" in text.toPlainText() and "Font" in licences.item(row).text():
            fonts.append(licences.item(row).text())
    assert len(fonts) == 2  # WenQuanYi and Hanazono


def test_the_sign_in_opens_it_too_in_english(ctx, qtbot, tmp_path):
    i18n.build_missing_qm(i18n.TRANSLATIONS, tmp_path)
    assert i18n.install("en", tmp_path) == "en"
    sign_in = SignInDialog(make_desk(ctx), "新华站", "admin")
    qtbot.addWidget(sign_in)
    sign_in.show()
    qtbot.waitExposed(sign_in)
    sign_in.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sign_in)
    assert sign_in.about_button.text() == "About F1"
    dialog = _opened_by_f1(sign_in, qtbot)
    assert dialog.windowTitle() == "About — StationDesk"
    assert dialog.findChild(QLabel, "aboutVersion").text() == \
        f"Version {_pyproject_version()}"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert sign_in.isVisible()


def test_without_its_licence_index_the_dialog_says_so(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(about_dialog, "INDEX", tmp_path / "missing.json")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.findChild(QListWidget, "licenceList").count() == 0
    assert "missing.json" in dialog.findChild(QPlainTextEdit, "licenceText").toPlainText()
