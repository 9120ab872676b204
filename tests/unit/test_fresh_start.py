"""Clearing demo data: the demo database is set aside untouched and an empty real station
takes its place, keeping the settings, the catalogue, the clerks and the real merchants."""

from __future__ import annotations

import sqlite3

import pytest

from app.models import (
    AuditRecord,
    Clerk,
    DeedType,
    LedgerEntry,
    Merchant,
    Resident,
    Voucher,
    database,
    open_database,
)
from app.runtime import fresh_start
from app.runtime.config import Config, resolve
from app.services import (
    auth,
    demo,
    integrity,
    ledger,
    merchants,
    redemption,
    residents,
    station,
    vouchers,
)
from app.services.errors import FreshStartUnavailable, NotADemoStation, PermissionDenied
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, PG_URL

sqlite_only = pytest.mark.skipif(bool(PG_URL), reason="a SQLite station's file is replaced")


@pytest.fixture
def demo_station(ctx):
    """A demo station a trainer used: settings changed, a clerk and a real merchant
    added, demo data loaded, and a voucher issued at the desk."""
    station.update_settings(ctx, name="新华社区文明实践站", denominations="20,10,1")
    auth.add_clerk(ctx, "li", "李敏", "clerk", CLERK_PASSWORD)
    merchants.add(ctx, "幸福里便民超市")
    demo.generate(ctx, residents=20)
    person = residents.register(ctx, residents.ResidentInput(name="练习员"))
    ledger.adjust(ctx, person.id, 30, "练习")
    issued = vouchers.issue(ctx, person.id, 30)
    return issued.vouchers[0].token


@sqlite_only
def test_starting_for_real_keeps_the_set_up_and_nothing_of_the_demo(ctx, demo_station,
                                                                    tmp_path):
    config = resolve(tmp_path)
    catalogue = DeedType.select().count()
    top_serial = Voucher.select().order_by(Voucher.seq.desc()).first().seq
    done = fresh_start.start_for_real(config, ctx)
    assert database.is_closed()

    open_database(config.db_url)
    info = station.current()
    assert (info.code, info.name, info.denominations, info.demo) == (
        "XH01", "新华社区文明实践站", (20, 10, 1), False)
    assert Resident.select().count() == LedgerEntry.select().count() == 0
    assert Voucher.select().count() == 0
    assert {c.username for c in Clerk.select()} == {"admin", "li"} == set(done.clerks)
    assert DeedType.select().count() == catalogue == done.deed_types
    assert [m.name for m in Merchant.select()] == ["幸福里便民超市"]
    assert AuditRecord.select().where(AuditRecord.action == "demo.clear").count() == 1
    assert integrity.run_check(ctx.keys_dir).ok
    admin = ctx.as_actor(auth.sign_in(ctx, "admin", ADMIN_PASSWORD))  # password kept
    auth.sign_in(ctx, "li", CLERK_PASSWORD)

    assert redemption.verify(admin, demo_station).reason == "demo_voucher"
    person = residents.register(admin, residents.ResidentInput(name="张明月"))
    ledger.adjust(admin, person.id, 5, "第一笔真实积分")
    (real,) = vouchers.issue(admin, person.id, 5, denominations=[5]).vouchers
    assert real.token.startswith("SDV") and redemption.verify(admin, real.token).ok
    assert int(real.serial.rsplit("-", 1)[1]) > top_serial  # no demo serial again

    kept = sqlite3.connect(f"file:{done.demo_kept_at}/station.db?mode=ro", uri=True)
    try:
        assert kept.execute("SELECT demo FROM station").fetchone() == (1,)
        assert kept.execute("SELECT COUNT(*) FROM resident").fetchone()[0] == 21
    finally:
        kept.close()


@sqlite_only
def test_a_real_station_is_not_cleared(ctx, resident, tmp_path, counts):
    before = counts()
    with pytest.raises(NotADemoStation):
        fresh_start.start_for_real(resolve(tmp_path), ctx)
    assert counts() == before
    assert not list(tmp_path.glob("demo-*"))


def test_only_an_admin_clears_demo_data(ctx, clerk_ctx, tmp_path):
    demo.generate(ctx, residents=5)
    with pytest.raises(PermissionDenied):
        fresh_start.start_for_real(resolve(tmp_path), clerk_ctx)
    assert station.is_demo() and Resident.select().count() == 5


@pytest.mark.skipif(not PG_URL, reason="the PostgreSQL refusal")
def test_a_postgresql_station_is_told_how_to_start_for_real(ctx, tmp_path):
    demo.generate(ctx, residents=5)
    with pytest.raises(FreshStartUnavailable) as refused:
        fresh_start.start_for_real(Config(tmp_path, PG_URL), ctx)
    assert "init" in refused.value.message("zh")
    assert station.is_demo() and Resident.select().count() == 5
