"""Service functions the desk window relies on: edits that keep masked values, whole-form
validation, listings, statements, reprints, and demo data that verifies."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.models import Resident
from app.services import demo, ledger, redemption, residents, search, vouchers
from app.services.errors import InvalidIdNumber, InvalidInput, InvalidName, InvalidPhone


def test_edit_with_none_keeps_the_stored_id_and_phone(ctx, resident):
    """The desk edits an address without ever holding the full ID number or phone."""
    form = residents.ResidentInput(name="张明月", id_number=None, phone=None, compound="和平苑")
    view = residents.update(ctx, resident.id, form)
    stored = Resident.get_by_id(resident.id)
    assert (stored.id_number, stored.phone) == ("11010519491231002X", "13812345678")
    assert view.address.startswith("和平苑") and view.id_masked == resident.id_masked
    cleared = residents.update(ctx, resident.id, dataclasses.replace(form, phone=""))
    assert cleared.phone_masked == "" and Resident.get_by_id(resident.id).phone is None


def test_validate_reports_every_field_at_once(ctx):
    """A form with three mistakes gets three messages, each naming its field."""
    form = residents.ResidentInput(name=" ", id_number="110105194912310021", phone="12345")
    problems = residents.validate(ctx, form)
    assert {type(p) for p in problems} == {InvalidName, InvalidIdNumber, InvalidPhone}
    assert {p.field for p in problems} == {"name", "id_number", "phone"}
    assert residents.validate(ctx, residents.ResidentInput(name="李雷")) == []


def test_listing_pages_by_number_and_grid(ctx):
    """The residents list pages through everyone, optionally one grid."""
    for n in range(5):
        residents.register(ctx, residents.ResidentInput(name=f"列表{n}",
                                                         grid="一" if n % 2 else "二"))
    first = search.listing(limit=3)
    assert [h.name for h in first.hits] == ["列表0", "列表1", "列表2"] and first.has_more
    assert not search.listing(offset=3, limit=3).has_more
    assert [h.name for h in search.listing(grid="一").hits] == ["列表1", "列表3"]


def test_statement_and_entry_details(ctx, resident):
    """A statement's opening plus its rows is its closing; rows carry serials and codes."""
    ledger.adjust(ctx, resident.id, 30, "期初")
    issued = vouchers.issue(ctx, resident.id, 10)
    page = ledger.statement(resident.id, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert page.opening == 0 and page.closing == 20
    assert page.rows[-1].voucher_serial == issued.vouchers[0].serial
    assert vouchers.vouchers_of_issue(issued.issue_uid)[0].serial == issued.vouchers[0].serial
    assert [v.serial for v in vouchers.vouchers_of_resident(resident.id)] == [
        issued.vouchers[0].serial]
    redemption.redeem(ctx, issued.vouchers[0].token)
    assert vouchers.vouchers_of_resident(resident.id) == []


def test_demo_vouchers_verify(ctx):
    """Demo vouchers are dated within their key's validity, so scanning one gives a real
    verdict (genuine, or already redeemed), never a key error."""
    demo.generate(ctx, residents=60, seed=3)
    tokens = [v.token for r in range(1, 61)
              for v in vouchers.vouchers_of_resident(r, unresolved_only=False)]
    assert tokens
    verdicts = {redemption.verify(ctx, t).reason for t in tokens}
    assert verdicts <= {"ok", "redeemed"}


def test_listing_by_last_id_and_grids(ctx):
    """Paging by the last id gives the same pages as by offset; grids are listed once."""
    for n in range(7):
        residents.register(ctx, residents.ResidentInput(name=f"翻页{n}", grid=f"第{n % 2}网格"))
    first = search.listing(limit=3)
    by_key = search.listing(limit=3, after_id=first.hits[-1].id)
    assert [h.name for h in by_key.hits] == [h.name for h in search.listing(3, 3).hits]
    assert search.grids() == ["第0网格", "第1网格"]


def test_backups_are_listed_and_leave_no_side_files(ctx, tmp_path):
    """A verified backup is a single file (no -wal/-shm left) and is listed newest first."""
    from app.models.db import is_sqlite
    from app.runtime.config import resolve
    from app.services import backup

    if not is_sqlite():
        pytest.skip("SQLite's backup API; PostgreSQL stations use pg_dump")

    config = resolve(tmp_path, str(tmp_path / "station.db"))
    backup.backup(config, dt.datetime(2026, 11, 23, 8))
    backup.backup(config, dt.datetime(2026, 11, 23, 9))
    listed = backup.list_backups(config)
    assert [b.made_at.hour for b in listed] == [9, 8] and listed[0].kind == "manual"
    assert sorted(p.name for p in config.backup_dir.iterdir()) == sorted(
        b.path.name for b in listed)


def test_households_link_residents_and_add_up(ctx):
    """Residents linked to a household are listed with their balances added up."""
    home = residents.create_household(ctx, "王建国户")
    a = residents.register(ctx, residents.ResidentInput(name="王建国", household_id=home.id))
    b = residents.register(ctx, residents.ResidentInput(name="李秀英", household_id=home.id))
    ledger.adjust(ctx, a.id, 10, "期初")
    ledger.adjust(ctx, b.id, 5, "期初")
    view = residents.household_view(home.id)
    assert view.members == (a.resident_no, b.resident_no) and view.balance == 15
    with pytest.raises(InvalidInput):
        residents.register(ctx, residents.ResidentInput(name="张三", household_id=999))
