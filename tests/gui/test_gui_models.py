"""Every table model keeps Qt's model contract (pytest-qt's model tester), and the
paged ones fetch a page at a time."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.services import (
    auth,
    catalogue,
    deeds,
    ledger,
    notice_board,
    redemption,
    residents,
    vouchers,
)
from app.services.context import new_request_id
from app.views.tables.admin_lists import (
    CatalogueModel,
    ClerksModel,
    RedeemModel,
    ScannedVoucher,
)
from app.views.tables.notice_rows import NoticeModel
from app.views.tables.rows import LedgerModel, SearchModel
from app.views.tables.short_lists import DeedTypesModel
from app.views.tables.trailing import TRAILING_ROLE

pytestmark = pytest.mark.gui


@pytest.fixture
def many(ctx):
    """A few more residents than one page holds, all with the same initials."""
    for n in range(SearchModel.PAGE_SIZE + 7):
        residents.register(ctx, residents.ResidentInput(name=f"张明{'一二三四五六七八九十'[n % 10]}"
                                                              f"{n}"))


def test_search_model_fetches_page_by_page(many, qtmodeltester):
    model = SearchModel()
    model.search("zm")
    assert model.rowCount() == SearchModel.PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)  # also fetches the rest
    model.fetchMore(QModelIndex())
    assert model.rowCount() == SearchModel.PAGE_SIZE + 7
    assert not model.canFetchMore(QModelIndex())
    assert model.headerData(1, Qt.Orientation.Horizontal) == "姓名"
    model.search("")
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_ledger_model_is_a_passbook_page(ctx, resident, qtmodeltester):
    for _ in range(LedgerModel.PAGE_SIZE + 3):
        ledger.adjust(ctx, resident.id, 1, "补录")
    vouchers.issue(ctx, resident.id, 10)
    model = LedgerModel()
    model.show_resident(resident.id)
    assert model.rowCount() == LedgerModel.PAGE_SIZE
    qtmodeltester.check(model)
    newest = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert newest[4] == "10" and newest[5] == str(LedgerModel.PAGE_SIZE + 3 - 10)
    assert newest[2] == "" and newest[3] == ""  # an issue is neither an award nor a deduction
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole) is not None


def test_deed_types_model(ctx, qtmodeltester):
    model = DeedTypesModel()
    model.set_types(catalogue.list_types())
    assert model.rowCount() > 10
    first = model.index(0, 0)
    assert model.data(first) == "环境卫生整治（捡拾垃圾、除草、清扫公共区域）"
    assert model.data(first, TRAILING_ROLE) == "+2 分/小时"  # drawn whole beside the name
    qtmodeltester.check(model)


def test_admin_models(ctx, clerk_ctx, resident, qtmodeltester):
    catalogue_model = CatalogueModel()
    catalogue_model.set_rows(catalogue.list_types(include_retired=True))
    qtmodeltester.check(catalogue_model)
    assert catalogue_model.data(catalogue_model.index(0, 3)) == "每天 4 小时"

    clerks = ClerksModel()
    clerks.set_rows(auth.list_clerks(ctx))
    qtmodeltester.check(clerks)
    assert [clerks.data(clerks.index(r, 2)) for r in range(2)] == ["管理员", "经办人"]

    deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    on = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    deeds.review_deed(ctx, on.deed_uid, True)
    pending = NoticeModel()
    pending.set_rows(notice_board.entries(ctx.clock.today()))
    qtmodeltester.check(pending)
    assert pending.data(pending.index(0, 2)) == "张明月（000001）"
    assert [pending.data(pending.index(r, 0)) for r in range(2)] == ["待审核", "公示中 至 11-26"]


def test_redeem_model_grows_and_shrinks(ctx, resident, qtmodeltester):
    ledger.adjust(ctx, resident.id, 20, "期初")
    issued = vouchers.issue(ctx, resident.id, 20, [10, 10])
    model = RedeemModel()
    qtmodeltester.check(model)
    for v in issued.vouchers:
        model.append(ScannedVoucher(v.token, new_request_id(), redemption.verify(ctx, v.token)))
    assert model.total_redeemable() == 20
    qtmodeltester.check(model)
    model.remove(0)
    assert model.rowCount() == 1 and model.total_redeemable() == 10


def test_the_full_list_keeps_only_recent_pages_and_refetches_the_rest(many, monkeypatch,
                                                                      qtmodeltester):
    monkeypatch.setattr(SearchModel, "LISTING_PAGE", 10)
    monkeypatch.setattr(SearchModel, "KEEP_PAGES", 2)
    model = SearchModel()
    model.list_all()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == SearchModel.PAGE_SIZE + 7
    assert len(model._pages) == 2  # memory stays bounded however far the list scrolls
    assert model.data(model.index(0, 0)) == "000001"  # page 1 asked for again
    assert model.data(model.index(model.rowCount() - 1, 0)) == f"{SearchModel.PAGE_SIZE + 7:06d}"
    qtmodeltester.check(model)


def test_open_vouchers_and_backups_models(ctx, resident, tmp_path, qtmodeltester):
    from app.runtime.config import Config
    from app.services import backup_rotation
    from app.services.backup import list_backups
    from app.views.tables.short_lists import BackupsModel, OpenVouchersModel
    from tests.conftest import NOW

    ledger.adjust(ctx, resident.id, 6, "期初")
    vouchers.issue(ctx, resident.id, 6, [5, 1])
    open_vouchers = OpenVouchersModel()
    open_vouchers.set_rows(vouchers.vouchers_of_resident(resident.id))
    qtmodeltester.check(open_vouchers)
    assert [open_vouchers.data(open_vouchers.index(r, 1)) for r in range(2)] == ["5", "1"]
    assert open_vouchers.data(open_vouchers.index(0, 4)) == "通用（本站及合作商户）"

    config = Config(tmp_path, str(tmp_path / "station.db"))
    backup_rotation.run(config, NOW, "daily")
    by_hand = config.backup_dir / "copied-by-hand.db"
    by_hand.write_bytes(b"x" * 2048)
    os.utime(by_hand, (1_700_000_000, 1_700_000_000))  # listed by its time: 2023
    backups = BackupsModel()
    backups.set_rows(list_backups(config))
    qtmodeltester.check(backups)
    first = [backups.data(backups.index(0, c)) for c in range(4)]
    assert first[:3] == ["station-20261123-093000-daily.db", "2026-11-23 09:30:00", "每日自动"]
    assert first[3].endswith(("KB", "MB"))
    assert backups.data(backups.index(1, 3)) == "2 KB"
