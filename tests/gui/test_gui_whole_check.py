"""The whole-file check runs in the background after sign-in, on a real worker thread:
a clean station passes without a word (and its checkpoint moves); an older row edited
behind the desk's back, which the start-up check no longer reads, is found, shown, and
every write is stopped."""

from __future__ import annotations

import pytest

from app.models import LedgerEntry, database
from app.models.migrations import install_guards
from app.runtime import health
from app.runtime.config import Config
from app.services import checkpoint, deeds
from app.views.common.background import Runner
from app.views.shell.duty import Desk
from tests.conftest import PG_URL

from .conftest import open_window


@pytest.fixture
def threaded_desk(ctx, tmp_path, qapp):
    """The desk as the window runs it: background work on real worker threads."""
    if PG_URL:
        pytest.skip("the desk checks the whole file of a SQLite station")
    desk = Desk(ctx, Runner(), config=Config(ctx.data_dir, str(tmp_path / "station.db")))
    desk.set_actor(ctx.actor)
    yield desk
    desk.finish()


@pytest.fixture
def history(ctx, resident, threaded_desk):
    """Deeds recorded and verified by a start-up check: behind the checkpoint."""
    for _ in range(3):
        deeds.record_deed(ctx, resident.id, "DONATION")
    assert health.ledger_problems(threaded_desk.config) == []
    return resident


def test_a_clean_station_passes_in_the_background_without_a_word(threaded_desk, history,
                                                                  qtbot):
    window = open_window(threaded_desk, qtbot)
    deeds.record_deed(threaded_desk.ctx, history.id, "DONATION")  # new since the checkpoint
    with qtbot.waitSignal(window.whole_check.passed, timeout=20_000):
        window.start_background_work()
        assert window.whole_check.label.isVisible()  # the clerk sees it is running
    assert window.whole_check.damage is None and window.damage_box is None
    assert not window.whole_check.label.isVisible()
    newest = LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first().seq
    assert checkpoint.read(threaded_desk.ctx.keys_dir).ledger_seq == newest
    qtbot.waitUntil(lambda: window.backups._timer.isActive())  # the backups follow
    deeds.record_deed(threaded_desk.ctx, history.id, "DONATION")  # writes go on


def test_an_older_row_edited_is_found_shown_and_stops_writes(threaded_desk, history, qtbot):
    first = LedgerEntry.select().order_by(LedgerEntry.seq).first().seq
    for op in ("update", "delete"):
        database.execute_sql(f'DROP TRIGGER IF EXISTS "ledger_entry_no_{op}"')
    database.execute_sql(f"UPDATE ledger_entry SET reason = 'x' WHERE seq = {first}")
    install_guards()  # only the edit itself is left to find
    assert health.ledger_problems(threaded_desk.config) == []  # the start does not see it

    window = open_window(threaded_desk, qtbot)
    with qtbot.waitSignal(window.whole_check.found, timeout=20_000):
        window.start_background_work()
    qtbot.waitUntil(lambda: window.damage_box is not None and window.damage_box.isVisible())
    assert f"积分流水 #{first} 的校验码不符" in window.damage_box.text()
    assert "已停止写入" in window.whole_check.label.text() and window.whole_check.label.isVisible()
    with pytest.raises(health.FailedWholeCheck) as refused:
        deeds.record_deed(threaded_desk.ctx, history.id, "DONATION")
    assert "数据库整体检查发现问题" in refused.value.message("zh")
    assert not window.backups._timer.isActive()  # a damaged station is not copied


def test_a_damaged_window_closes_without_a_backup_and_offers_the_newest_one(
        threaded_desk, history, qtbot, monkeypatch, tmp_path):
    from app.views.shell import app as gui_app

    window = open_window(threaded_desk, qtbot)
    damage = health.FailedWholeCheck(problems="x", problems_en="x", advice="", advice_en="")
    window.whole_check._on_check_done(damage)
    window.close()
    assert not window.isVisible() and not window.backups.closing  # no copy of it is made

    class Station:
        def close(self) -> None:
            pass

    offered: list = []
    monkeypatch.setattr(gui_app, "open_or_recover", lambda config, early=None: Station())
    monkeypatch.setattr(gui_app, "_run_opened", lambda app, opened, early=None: damage)
    monkeypatch.setattr(gui_app, "recovered", lambda config, exc: offered.append(exc))
    assert gui_app.run_gui(Config(tmp_path / "gui", str(tmp_path / "gui.db"))) == 1
    assert offered == [damage]


def test_the_restore_offered_after_a_finding_says_which_check_found_it(tmp_path, qtbot):
    from app.views.shell.recovery_dialog import DamagedDialog

    config = Config(tmp_path / "desk", str(tmp_path / "desk.db"))
    found = {"problems": "x", "problems_en": "x", "advice": "", "advice_en": ""}
    whole = DamagedDialog(config, health.FailedWholeCheck(**found), Runner(synchronous=True))
    at_start = DamagedDialog(config, health.DamagedDatabase(**found), Runner(synchronous=True))
    qtbot.addWidget(whole)
    qtbot.addWidget(at_start)
    assert whole.windowTitle() == "数据库整体检查发现问题"
    assert at_start.windowTitle() == "数据库未通过启动检查"
