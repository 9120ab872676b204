"""A second start of the desk for the same station brings the open window forward and
exits quietly; another station's window is left alone; a crashed window's socket does
not stop the next start."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication

from app.runtime.config import resolve
from app.views.shell import app as gui_app
from app.views.shell import single


@pytest.fixture
def listening(tmp_path, qapp):
    config = resolve(tmp_path / "desk", None)
    server = single.ActivationServer(config)
    server.listen()
    assert server.listening
    yield config, server
    server.close()


def test_a_second_start_brings_the_open_window_forward_and_exits(listening, window, qtbot,
                                                                 monkeypatch):
    config, server = listening
    window.showMinimized()
    opened: list = []
    monkeypatch.setattr(gui_app, "open_or_recover", lambda *a, **k: opened.append(a))
    before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    with qtbot.waitSignal(server.activated, timeout=3000) as shown:
        assert gui_app.run_gui(config) == 0
    assert shown.args == [window] and not window.isMinimized()
    assert opened == [], "the second start opened the station"
    assert {w for w in QApplication.topLevelWidgets() if w.isVisible()} == before


def test_another_stations_start_is_not_answered(listening, tmp_path, qtbot):
    _, server = listening
    other = resolve(tmp_path / "other", None)
    assert single.server_name(other) != single.server_name(listening[0])
    with qtbot.assertNotEmitted(server.activated, wait=300):
        assert not single.ask_first_to_show(other)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="a named pipe leaves no file behind")
def test_a_crashed_windows_socket_is_taken_over(tmp_path, qapp, qtbot):
    config = resolve(tmp_path / "desk", None)
    name = single.server_name(config)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(QDir.tempPath() + "/" + name)  # bound and never listened: a dead window's
    stale.close()
    assert not single.ask_first_to_show(config)  # the start goes on; the lock decides
    server = single.ActivationServer(config)
    server.listen()
    try:
        assert server.listening
        with qtbot.waitSignal(server.activated, timeout=3000):
            assert single.ask_first_to_show(config)
    finally:
        server.close()


def test_a_start_while_the_first_is_still_opening_waits_for_its_window(tmp_path, window, qtbot,
                                                                       monkeypatch):
    from PySide6.QtCore import QTimer

    from app.runtime.startup import InstanceLock

    config = resolve(tmp_path / "desk", None)
    first_lock = InstanceLock(config.sqlite_path)  # the first start holds the station …
    first_lock.acquire()
    server = single.ActivationServer(config)
    QTimer.singleShot(600, server.listen)  # … and listens once its sign-in shows
    told: list = []
    monkeypatch.setattr(gui_app.QMessageBox, "critical", lambda *a: told.append(a))
    try:
        with qtbot.waitSignal(server.activated, timeout=5000) as shown:
            assert gui_app.run_gui(config) == 0
        assert shown.args == [window] and told == []
    finally:
        server.close()
        first_lock.release()


def test_a_holder_that_never_answers_is_named_after_the_wait(tmp_path, qapp, monkeypatch):
    from app.runtime.startup import InstanceLock

    config = resolve(tmp_path / "desk", None)
    holder = InstanceLock(config.sqlite_path)
    holder.acquire()
    monkeypatch.setattr(single.wait_for_first, "__defaults__", (0.3,))
    told: list = []
    monkeypatch.setattr(gui_app.QMessageBox, "critical", lambda *a: told.append(a[2]))
    try:
        assert gui_app.run_gui(config) == 1
    finally:
        holder.release()
    assert len(told) == 1 and "正被另一个 StationDesk 使用" in told[0]


def test_a_start_finds_the_first_showing_a_damaged_stations_backup(tmp_path, qapp,
                                                                   monkeypatch):
    from app.runtime.health import DamagedDatabase
    from app.views.shell import recovery_dialog

    config = resolve(tmp_path / "desk", None)
    answered: list = []

    def exec_while_a_second_start_asks(dialog) -> int:  # noqa: ANN001
        answered.append(single.ask_first_to_show(config))
        return 0

    monkeypatch.setattr(recovery_dialog.DamagedDialog, "exec", exec_while_a_second_start_asks)
    damage = DamagedDatabase(problems="x", problems_en="x", advice="", advice_en="")
    assert gui_app.recovered(config, damage) is False
    assert answered == [True]
    assert not single.ask_first_to_show(config)  # the dialog gone, nobody answers
