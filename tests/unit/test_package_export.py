"""The station's package for the centre: its records say what the station's own figures
say, the next package starts where the last ended, the station's data is not changed,
and the only write (the PackageExport row) is made after the file is on disk."""

from __future__ import annotations

import json

import peewee as pw
import pytest

from app.models import (
    ALL_MODELS,
    AuditRecord,
    CheckIn,
    LedgerEntry,
    PackageExport,
    Participant,
    Resident,
    SigningKey,
    StoreSale,
    StoreSaleLine,
    StoreSaleVoucher,
    Voucher,
    VoucherResolution,
)
from app.services import checkins, deeds, demo, package_export, package_file
from app.services.errors import InvalidInput, PermissionDenied
from app.services.errors.packages import PackageExportClash


def _records(path) -> list[dict]:
    pkg = package_file.open_package(path)
    pkg.check_records()
    return list(pkg.records())


def _sum(records, kind, key="amount"):
    return sum(r[key] or 0 for r in records if r["kind"] == kind)


@pytest.fixture
def demo_station(ctx):
    demo.generate(ctx, residents=60, seed=3)
    return ctx


def test_the_package_holds_the_stations_own_figures(demo_station, tmp_path):
    done = package_export.export(demo_station, tmp_path)
    records = _records(done.file)
    assert done.seq == 1 and done.counts["resident"] == Resident.select().count()
    assert done.counts["ledger"] == LedgerEntry.select().count()
    assert _sum(records, "ledger") == LedgerEntry.select(pw.fn.SUM(LedgerEntry.points)).scalar()
    assert done.counts["voucher"] == Voucher.select().count()
    by_kind = {k: n for k, n in VoucherResolution.select(
        VoucherResolution.kind, pw.fn.COUNT(VoucherResolution.id))
        .group_by(VoucherResolution.kind).tuples()}
    sent = {}
    for r in records:
        if r["kind"] == "voucher_resolution":
            sent[r["category"]] = sent.get(r["category"], 0) + 1
    assert sent == by_kind and by_kind
    assert _sum(records, "checkins") == CheckIn.select().count() > 0
    hours = (Participant.select(pw.fn.SUM(Participant.hours_tenths))
             .where(Participant.role != "audience").scalar())
    assert _sum(records, "attendance") == hours > 0
    assert done.counts == {k: sum(1 for r in records if r["kind"] == k) for k in done.counts}


def test_the_package_is_signed_with_the_stations_active_key(demo_station, tmp_path):
    done = package_export.export(demo_station, tmp_path)
    pkg = package_file.open_package(done.file)
    key = SigningKey.get(SigningKey.key_id == pkg.manifest["key_id"])
    assert key.retired_on is None and pkg.verify(bytes(key.public_key))
    assert pkg.manifest["direction"] == "station" and pkg.manifest["station"]["code"] == "XH01"
    assert pkg.manifest["identities"] is False and pkg.sha256 == done.sha256
    assert pkg.manifest["demo"] is True  # the station holds demo data


def test_the_next_package_holds_only_what_came_after(demo_station, tmp_path, resident,
                                                     clock):
    first = package_export.export(demo_station, tmp_path / "one.sdpkg")
    clock.advance(days=3)
    deed = deeds.record_deed(demo_station, resident.id, "ENV_CLEANUP", 1)
    checkins.check_in(demo_station, resident.id)
    second = package_export.export(demo_station, tmp_path / "two.sdpkg")
    records = _records(second.file)
    ledger = [r for r in records if r["kind"] == "ledger"]
    assert [r["data"]["deed"] for r in ledger] == [deed.deed_uid]
    assert second.seq == 2 and second.period["from"] == first.period["to"]
    manifest = package_file.open_package(second.file).manifest
    assert manifest["previous_seq"] == 1 and manifest["full"] is False
    assert "voucher" not in second.counts
    assert [r["amount"] for r in records if r["kind"] == "checkins"] == [
        CheckIn.select().where(CheckIn.checkin_date == clock.today()).count()]
    whole = package_export.export(demo_station, tmp_path / "all.sdpkg", full=True)
    assert whole.counts["ledger"] == LedgerEntry.select().count()


def _contents() -> dict[str, list[tuple]]:
    """Every row of every table but the two an export writes to."""
    def plain(row: tuple) -> str:  # PostgreSQL gives blobs as memoryviews
        return str(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))

    return {m._meta.table_name: sorted(map(plain, m.select().tuples()))
            for m in ALL_MODELS if m not in (PackageExport, AuditRecord)}


def test_exporting_changes_nothing_but_its_own_row(demo_station, tmp_path, counts):
    before, rows = counts(), _contents()
    done = package_export.export(demo_station, tmp_path)
    after = counts()
    assert _contents() == rows
    changed = {t: after[t] - before[t] for t in after if after[t] != before[t]}
    assert changed == {"package_export": 1, "audit_record": 1}
    row = PackageExport.get()
    assert (row.seq, row.sha256) == (done.seq, done.sha256)
    assert json.loads(row.marks)["ledger_entry"] == LedgerEntry.select(
        pw.fn.MAX(LedgerEntry.seq)).scalar()
    assert AuditRecord.select().order_by(AuditRecord.seq.desc()).first().action == \
        "package.export"


def test_a_package_number_taken_meanwhile_removes_the_file(demo_station, tmp_path,
                                                          monkeypatch, counts):
    package_export.export(demo_station, tmp_path / "one.sdpkg")
    before = counts()
    # Another desk's export got there first: this one read the state before it.
    monkeypatch.setattr(package_export, "last_export", lambda: None)
    with pytest.raises(PackageExportClash):
        package_export.export(demo_station, tmp_path / "again.sdpkg")
    assert not (tmp_path / "again.sdpkg").exists()
    assert counts() == before


def test_a_clerk_may_not_export(clerk_ctx, tmp_path):
    with pytest.raises(PermissionDenied):
        package_export.export(clerk_ctx, tmp_path)
    assert not list(tmp_path.glob("*.sdpkg"))


def test_a_missing_folder_is_refused_with_nothing_changed(ctx, tmp_path, counts):
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        package_export.export(ctx, tmp_path / "missing" / "x.sdpkg")
    assert "missing" in str(refused.value) and counts() == before


def test_store_sales_carry_their_own_lines_and_vouchers(demo_station, tmp_path):
    records = _records(package_export.export(demo_station, tmp_path).file)
    sales = {r["uid"]: r["data"] for r in records if r["kind"] == "store_sale"}
    assert len(sales) == StoreSale.select().count() > 0
    for sale in StoreSale.select():
        lines = [(ln.item.uid, ln.quantity, ln.points_each) for ln in
                 StoreSaleLine.select().where(StoreSaleLine.sale == sale)
                 .order_by(StoreSaleLine.id)]
        sent = sales[sale.uid]
        assert [(x["item"], x["quantity"], x["points_each"]) for x in sent["lines"]] == lines
        assert [v["serial"] for v in sent["vouchers"]] == [
            v.voucher.serial for v in StoreSaleVoucher.select().where(
                StoreSaleVoucher.sale == sale).order_by(StoreSaleVoucher.id)]
    assert any(s["vouchers"] for s in sales.values()) or not StoreSaleVoucher.select().exists()


def test_an_existing_file_is_not_written_over(ctx, tmp_path, counts):
    earlier = tmp_path / "XH01-00001.sdpkg"
    earlier.write_bytes(b"the package not yet at the centre")
    before = counts()
    with pytest.raises(InvalidInput):
        package_export.export(ctx, earlier)
    assert earlier.read_bytes() == b"the package not yet at the centre"
    assert counts() == before
