"""The 数据上报 page by keyboard: an admin exports the package for the centre, applies the
centre's package after confirming its key's fingerprint and sees what changed, reads the
centre's messages; identity sharing is turned on in the settings; a clerk sees neither."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from app.services import catalogue, package_file, package_identities
from app.views.district import package_page
from tests import centre_packages as cp

from .conftest import make_desk, open_window

pytestmark = pytest.mark.gui


def _page(window):
    assert not window.sidebar_item("packages").isHidden()
    window.show_page("packages")
    page = window.pages.currentWidget()
    assert page.info.key == "packages"
    return page


def _press(qtbot, button) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_export_apply_and_read_by_keyboard(ctx, resident, window, qtbot, tmp_path,
                                           monkeypatch, answer):
    page = _page(window)
    assert "尚未导出" in page.last_label.text() and "化名" in page.identities_label.text()
    target = tmp_path / "out.sdpkg"
    monkeypatch.setattr(package_page, "choose_save", lambda parent, name: target)
    _press(qtbot, page.export_button)
    qtbot.waitUntil(lambda: "第 1 号" in page.feedback.text())
    assert package_file.open_package(target).manifest["seq"] == 1
    assert "第 1 号" in page.last_label.text() and page.export_button.isEnabled()

    key = Ed25519PrivateKey.generate()
    sent = cp.standard(tmp_path / "centre-XH01-00001.sdpkg", key)
    monkeypatch.setattr(package_page, "choose_open", lambda parent: sent)
    _press(qtbot, page.apply_button)
    qtbot.waitUntil(lambda: "GARBAGE_SORT" in page.changed.toPlainText())
    assert cp.fingerprint(key) in answer.asked[-1]
    assert "十二月文明实践活动安排" in page.changed.toPlainText()
    assert catalogue.get_type("GARBAGE_SORT").points == 3

    assert page.model.rowCount() == 2
    assert {page.model.item(r, 0).text() for r in range(2)} == {"未读"}
    page.messages.setFocus()
    qtbot.keyClick(page.messages, Qt.Key.Key_Down)
    chosen = page.selected()
    assert chosen is not None and page.body.toPlainText() == chosen["body"]
    _press(qtbot, page.read_button)
    states = {page.model.item(r, 2).text(): page.model.item(r, 0).text() for r in range(2)}
    assert states[chosen["title"]] == "已读" and sorted(states.values()) == ["已读", "未读"]


def test_a_refused_fingerprint_applies_nothing(ctx, window, qtbot, tmp_path, monkeypatch,
                                              answer):
    page = _page(window)
    answer.yes = False
    sent = cp.standard(tmp_path / "c.sdpkg", Ed25519PrivateKey.generate())
    monkeypatch.setattr(package_page, "choose_open", lambda parent: sent)
    _press(qtbot, page.apply_button)
    qtbot.waitUntil(lambda: "指纹" in page.feedback.text())
    assert page.model.rowCount() == 0 and page.changed.toPlainText() == ""


def test_identity_sharing_is_turned_on_in_the_settings(ctx, window, qtbot, answer):
    window.show_page("settings")
    box = window.pages.currentWidget().identities
    assert not box.share.isChecked()
    box.share.setFocus()
    qtbot.keyClick(box.share, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: package_identities.sharing())
    assert "审计" in box.feedback.text() and answer.asked
    page = _page(window)
    assert "带居民姓名" in page.identities_label.text()


def test_a_clerk_sees_no_package_page(clerk_ctx, qtbot):
    window = open_window(make_desk(clerk_ctx), qtbot)
    assert window.sidebar_item("packages").isHidden()
