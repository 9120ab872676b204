"""The first start after an upgrade (a station never checked before): the desk shows the
sign-in while the whole check runs in the background, refuses every write until it
passes, and the main window carries the same check on instead of starting another."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.models import database
from app.runtime import health
from app.runtime.config import Config
from app.services import checkpoint, deeds
from app.views.shell import app as gui_app
from app.views.shell.signin import SignInDialog
from tests.conftest import PG_URL


@pytest.fixture
def never_checked(ctx, tmp_path, resident) -> Config:
    """A station with history and no verified checkpoint, closed: as an upgrade leaves it."""
    if PG_URL:
        pytest.skip("the desk checks the whole file of a SQLite station")
    deeds.record_deed(ctx, resident.id, "DONATION")
    database.execute_sql("DELETE FROM verified_checkpoint")
    database.close()
    return Config(tmp_path, str(tmp_path / "station.db"))


@pytest.fixture
def slow_check(monkeypatch):
    """The whole check waits for ``release`` before it reads anything: its length is
    the test's to choose."""
    release = threading.Event()
    started = threading.Event()
    real = health.full_check

    def waiting(*args, **kwargs):
        started.set()
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(health, "full_check", waiting)
    return started, release


def test_sign_in_shows_while_the_whole_check_runs_and_writes_wait_for_its_pass(
        never_checked, slow_check, ctx, resident, qapp, qtbot):
    started, release = slow_check
    opened, problem = gui_app.open_station_or_error(never_checked)
    assert opened is not None, problem
    assert opened.whole_check_due
    seen: dict[str, object] = {}

    def while_signing_in() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            look_while_signing_in(dialog)
        finally:
            release.set()
            dialog.reject()

    def look_while_signing_in(dialog: QWidget) -> None:
        seen["sign-in shown"] = isinstance(dialog, SignInDialog) and dialog.isVisible()
        seen["check running"] = started.wait(10) and not release.is_set()
        with pytest.raises(health.WholeCheckRunning) as refused:
            deeds.record_deed(ctx, resident.id, "DONATION")
        seen["refusal"] = refused.value.message("zh")
        seen["checkpoint before"] = checkpoint.read(ctx.keys_dir)
        release.set()
        qtbot.waitUntil(lambda: checkpoint.read(ctx.keys_dir) is not None, timeout=20_000)
        qtbot.waitUntil(lambda: getattr(database.obj, "check_refusal", None) is None,
                        timeout=5_000)
        seen["written after the pass"] = deeds.record_deed(ctx, resident.id, "DONATION")

    QTimer.singleShot(0, while_signing_in)
    try:
        assert gui_app._run_opened(qapp, opened) == 0
    finally:
        release.set()
        opened.close()
    assert seen["sign-in shown"] and seen["check running"]
    assert "正在后台检查全部数据" in seen["refusal"]
    assert seen["checkpoint before"] is None
    assert seen["written after the pass"] is not None


def test_a_sign_in_given_up_cancels_the_check_and_leaves_the_station_unchecked(
        never_checked, slow_check, qapp):
    started, release = slow_check
    opened, _ = gui_app.open_station_or_error(never_checked)

    def give_up() -> None:
        began = started.wait(10)
        QApplication.activeModalWidget().reject()
        release.set()  # the check was cancelled meanwhile: it stops at its first step
        assert began

    QTimer.singleShot(0, give_up)
    try:
        assert gui_app._run_opened(qapp, opened) == 0
        assert getattr(database.obj, "check_refusal", None) is not None  # still held
        assert checkpoint.read(never_checked.data_dir / "keys") is None
    finally:
        opened.close()
