"""Nothing lost: the daily backup at start and the one on close, the backups page (back up
now, an encrypted copy, restoring a chosen backup), the low-disk warning after sign-in,
and a damaged database at start restored from its newest verified backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.models import AuditRecord, database
from app.runtime import health
from app.runtime.config import Config
from app.runtime.startup import open_station
from app.services import (
    auth,
    backup,
    backup_crypto,
    backup_rotation,
    deeds,
    ledger,
    redemption,
    residents,
    search,
    vouchers,
)
from app.views.common import prompts
from app.views.common.background import Runner
from app.views.shell import app as gui_app
from app.views.shell.main_window import BACKUPS
from app.views.shell.recovery_dialog import DamagedDialog, restored_message
from tests.conftest import ADMIN_PASSWORD, NOW

from .conftest import make_desk, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def config(tmp_path) -> Config:
    """The station of the ``db`` fixture, as its files are laid out on disk."""
    return Config(tmp_path, str(tmp_path / "station.db"))


@pytest.fixture
def station_window(ctx, config, qtbot):
    desk = make_desk(ctx)
    desk.config = config
    return open_window(desk, qtbot)


def _files(config: Config, kind: str) -> list[Path]:
    return sorted(config.backup_dir.glob(f"station-*-{kind}.db"))


def test_the_daily_backup_is_made_at_start_and_another_on_close(station_window, config,
                                                                 clock, resident, qtbot):
    window = station_window
    window.start_backups()
    [daily] = _files(config, "daily")
    assert backup.verify(daily).residents == 1  # a complete, verified copy
    window.start_backups()  # started again the same day: no second daily copy
    assert len(_files(config, "daily")) == 1
    assert window.backups_page.model.rowCount() == 1
    assert health.anchor_path(config).exists()  # the audit head noted beside it

    clock.advance(hours=8)  # closing time
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    [closing] = _files(config, "close")
    assert backup.verify(closing).residents == 1
    assert closing.name == "station-20261123-173000-close.db"


def test_back_up_now_and_an_encrypted_copy_from_the_backups_page(
        station_window, config, resident, printer, monkeypatch, qtbot):
    window = station_window
    window.show_page(BACKUPS)
    page = window.backups_page
    assert "每天自动备份一次" in page.where.text()
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert len(_files(config, "manual")) == 1 and page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 2)) == "手动"
    assert "已备份并校验" in page.feedback.text()

    asked: list[bool] = []
    monkeypatch.setattr(prompts, "ask_secret",
                        lambda parent, title, text, repeat=False: asked.append(repeat)
                        or "Usb-copy-2026")
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert asked == [True]  # a new password is typed twice
    [copy] = printer.folder.glob("*.sdbackup")
    assert backup_crypto.is_encrypted(copy)
    plain = config.data_dir / "check.db"
    backup_crypto.decrypt_file(copy, plain, "Usb-copy-2026")
    assert backup.verify(plain).residents == 1
    assert not list(config.data_dir.glob("tmp*"))  # the plain copy did not stay behind


def test_restoring_a_chosen_backup_closes_the_window_then_replaces_the_data(
        station_window, ctx, config, resident, answer, monkeypatch, qtbot):
    window = station_window
    backup_rotation.run(config, NOW, "daily")
    residents.register(ctx, residents.ResidentInput(name="备份之后"))
    window.show_page(BACKUPS)
    page = window.backups_page
    page.table.selectRow(0)
    monkeypatch.setattr(prompts, "ask_secret", lambda *args, **kw: "wrong-password")
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert "丢失" in answer.asked[-1]
    assert "用户名或密码不正确" in page.feedback.text() and window.isVisible()
    assert window.restore_request is None

    monkeypatch.setattr(prompts, "ask_secret", lambda *args, **kw: ADMIN_PASSWORD)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    request = window.restore_request
    assert request.source.name.endswith("-daily.db") and request.username == "admin"
    assert ADMIN_PASSWORD not in repr(request)  # never in a log line
    assert not _files(config, "close")  # no close backup: the restore keeps the old data

    shown: list[str] = []
    monkeypatch.setattr(gui_app.QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    database.close()  # the window has closed its station
    assert gui_app.restore_after_close(config, request, Runner(synchronous=True))
    assert "已从备份" in shown[0]
    assert list(config.data_dir.glob("before-restore-*/station.db"))  # the old data kept
    reopened = open_station(config)
    try:
        assert [hit.name for hit in search.listing().hits] == ["张明月"]
        assert AuditRecord.select().where(AuditRecord.action == "backup.restore").count() == 1
    finally:
        reopened.close()


def test_low_disk_space_is_said_once_after_sign_in(station_window, config, monkeypatch,
                                                   qtbot):
    monkeypatch.setattr(health, "LOW_SPACE_BYTES", 1 << 62)
    warnings = health.space_warnings(config)
    window = station_window
    window.show_warnings(warnings)
    assert window.warning_box.isVisible()
    assert "磁盘剩余空间不足" in window.warning_box.text()
    window.warning_box.accept()
    window.lock()
    window.lock_form.signed_in.emit(auth.sign_in(window.desk.base, "admin", ADMIN_PASSWORD))
    assert not window.is_locked()
    assert not window.warning_box.isVisible()  # signing in again does not repeat it


def test_a_damaged_database_offers_the_newest_backup_and_restores_it(
        ctx, config, resident, qtbot):
    ledger.adjust(ctx, resident.id, 10, "入账")
    spent = vouchers.issue(ctx, resident.id, 10).vouchers[0]
    backup_rotation.run(config, NOW, "daily")  # the last good copy: balance 0
    redemption.redeem(ctx, spent.token)  # after the backup: must stay redeemed
    ledger.adjust(ctx, resident.id, 5, "备份之后")
    database.close()
    damage = sqlite3.connect(config.sqlite_path)
    damage.execute("UPDATE resident SET balance = balance + 100")  # disagrees with the ledger
    damage.commit()
    damage.close()
    with pytest.raises(health.DamagedDatabase) as caught:
        open_station(config)
    damaged_bytes = config.sqlite_path.read_bytes()

    dialog = DamagedDialog(config, caught.value, Runner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "-daily.db" in dialog.offer.text() and dialog.restore_button.isVisible()
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.restored is None
    assert "用户名或密码不正确" in dialog.errors.text("password")
    assert config.sqlite_path.read_bytes() == damaged_bytes  # not even a failed sign-in

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.restored is not None and dialog.restored.residents == 1
    assert (Path(dialog.restored.previous) / "station.db").read_bytes() == damaged_bytes
    assert list(dialog.restored.carried["redeemed"]) == [spent.serial]
    assert "核销 1 张" in restored_message(dialog.restored)
    reopened = open_station(config)  # passes its start-up check again
    try:
        assert ledger.balance(resident.id) == 0
        assert redemption.verify(reopened.context, spent.token).reason == "redeemed"
    finally:
        reopened.close()


def test_without_a_backup_the_damaged_database_is_explained_only(ctx, config, resident,
                                                                  qtbot):
    database.close()
    damage = sqlite3.connect(config.sqlite_path)
    damage.execute("UPDATE resident SET balance = 7")
    damage.commit()
    damage.close()
    with pytest.raises(health.DamagedDatabase) as caught:
        open_station(config)
    dialog = DamagedDialog(config, caught.value, Runner(synchronous=True))
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isHidden() and dialog.username.isHidden()
    assert "没有找到可用的备份" in dialog.offer.text()


def test_start_up_offers_the_restore_then_opens_the_restored_station(
        ctx, config, resident, monkeypatch):
    # Checked once, so the start verifies only what is new (a station never checked is
    # checked whole in the background of the sign-in instead).
    assert health.ledger_problems(config) == []
    backup_rotation.run(config, NOW, "daily")
    deeds.record_deed(ctx, resident.id, "DONATION")  # the damage is in what is new
    database.close()
    damage = sqlite3.connect(config.sqlite_path)
    damage.execute("UPDATE resident SET balance = 7")
    damage.commit()
    damage.close()

    def sign_in_and_restore(dialog: DamagedDialog) -> int:
        dialog.username.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.restore_button.click()
        return dialog.result()

    told: list[str] = []
    monkeypatch.setattr(DamagedDialog, "exec", sign_in_and_restore)
    monkeypatch.setattr(gui_app.QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    opened = gui_app.open_or_recover(config, Runner(synchronous=True))
    try:
        assert opened is not None and ledger.balance(resident.id) == 0
        assert "已从备份" in told[0]
    finally:
        opened.close()
