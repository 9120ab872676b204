"""A copied data directory in the window: an admin is asked once after signing in
(moved here, or a second desk); a clerk is told an admin must decide."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from app.runtime.config import resolve
from app.runtime.startup import open_station
from app.services import auth, deeds, placement, residents, station
from app.services.context import Context, FixedClock
from app.views.common.background import Runner
from app.views.shell.duty import Desk
from app.views.shell.placement_dialog import PlacementDialog, settle_placement
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD

pytestmark = pytest.mark.gui


@pytest.fixture
def copied(tmp_path, qapp):
    """A station with one resident, copied to another folder and opened there."""
    clock = FixedClock(dt.datetime(2026, 11, 23, 10))
    original = resolve(tmp_path / "desk", None)
    opened = open_station(original, clock)
    ctx = Context(original.data_dir, clock)
    station.init_station(ctx, "XH01", "新华社区新时代文明实践站", "admin", ADMIN_PASSWORD)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", ADMIN_PASSWORD))
    auth.add_clerk(ctx, "li", "李敏", "clerk", CLERK_PASSWORD)
    residents.register(ctx, residents.ResidentInput(name="张明月"))
    opened.close()
    shutil.copytree(original.data_dir, tmp_path / "usb", ignore=shutil.ignore_patterns("*.lock"))
    copy = open_station(resolve(tmp_path / "usb", None), clock)
    yield copy
    copy.close()


def desk_for(opened, username: str, password: str) -> Desk:
    desk = Desk(opened.context, Runner(synchronous=True))
    desk.set_actor(auth.sign_in(opened.context, username, password))
    return desk


def test_the_admin_says_it_moved_and_the_desk_writes_again(copied, qtbot):
    """The real dialog: the question names both places; “moved” lifts the hold."""
    desk = desk_for(copied, "admin", ADMIN_PASSWORD)
    dialog = PlacementDialog(desk, placement.check())
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(copied.config.sqlite_path.resolve()) in text and "第二个前台" in text
    with pytest.raises(placement.DeskNotConfirmed):
        deeds.record_deed(desk.ctx, 1, "DONATION")
    qtbot.mouseClick(dialog.moved_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.desk_no == 1
    assert placement.check() is None
    assert deeds.record_deed(desk.ctx, 1, "DONATION").balance == 2


def test_the_admin_makes_it_a_second_desk(copied, qtbot):
    """“Second desk”: desk 2 with its own serial block."""
    desk = desk_for(copied, "admin", ADMIN_PASSWORD)
    dialog = PlacementDialog(desk, placement.check())
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.second_button, Qt.MouseButton.LeftButton)
    assert dialog.desk_no == 2 and placement.serial_block() == (2_000_001, 2_999_999)


def test_the_window_asks_the_admin_once_and_later_keeps_it_read_only(copied, qtbot):
    """After an admin's sign-in the question comes up; “later” leaves a warning."""
    desk = desk_for(copied, "admin", ADMIN_PASSWORD)
    asked = []

    def answer_later() -> None:
        dialog = QApplication.activeModalWidget()
        asked.append(dialog)
        dialog.later_button.click()

    QTimer.singleShot(0, answer_later)
    held = settle_placement(desk)
    assert len(asked) == 1 and isinstance(asked[0], PlacementDialog)
    assert len(held) == 1 and "管理员" in held[0]
    assert placement.check() is not None


def test_a_clerk_is_told_an_admin_must_decide(copied, qtbot):
    """A clerk gets no choice to make, only the warning; writes stay refused."""
    desk = desk_for(copied, "li", CLERK_PASSWORD)
    shown = []
    QTimer.singleShot(0, lambda: shown.append(QApplication.activeModalWidget()))
    held = settle_placement(desk)
    assert "管理员" in held[0]
    with pytest.raises(placement.DeskNotConfirmed):
        deeds.record_deed(desk.ctx, 1, "DONATION")
    QApplication.processEvents()
    assert shown == [None]  # no dialog was opened for the clerk
