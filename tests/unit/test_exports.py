"""Exports to xlsx: every row against the raw records, numbers masked unless an admin
asks for them in full (and that is audited), files that cannot be written refused."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os

import pytest
from openpyxl import load_workbook

from app.models import (
    Activity,
    AuditRecord,
    LedgerEntry,
    Participant,
    Resident,
    Voucher,
    VoucherResolution,
)
from app.services import demo, export_tables, exports, idnumber, residents, xlsx_out
from app.services.errors import PermissionDenied
from app.services.errors.exports import ExportDiskFull, ExportFileBusy, ExportFolderMissing


@pytest.fixture
def station(ctx, monkeypatch):
    """A demo station with a year of history; pages of 7 rows so that paging is used."""
    demo.generate(ctx, residents=30, seed=3)
    monkeypatch.setattr(export_tables, "PAGE", 7)
    return ctx


def _sheet(path):
    book = load_workbook(path)
    return book.worksheets[0]


def _rows(path) -> list[tuple]:
    return list(_sheet(path).iter_rows(min_row=2, values_only=True))


def _last_audit() -> AuditRecord:
    return AuditRecord.select().order_by(AuditRecord.seq.desc()).first()


def test_residents_are_exported_masked_with_a_frozen_chinese_header(station, tmp_path):
    path = tmp_path / "居民.xlsx"
    done = exports.export(station, "residents", path)
    sheet = _sheet(path)
    assert [c.value for c in sheet[1]][:7] == ["居民编号", "姓名", "性别", "出生日期",
                                               "证件类型", "证件号码", "手机号码"]
    assert sheet.freeze_panes == "A2"
    assert int(sheet.column_dimensions["F"].width) == 22  # Excel adds its cell padding
    raw = list(Resident.select().order_by(Resident.id))
    rows = _rows(path)
    assert done.rows == len(rows) == len(raw) > 7
    for row, r in zip(rows, raw, strict=True):
        assert row[0] == r.resident_no and row[1] == r.name
        assert row[5] == idnumber.mask(r.id_number) and r.id_number not in row
        assert row[6] == idnumber.mask_phone(r.phone)
        assert row[12] == r.balance
        if r.birth_date:
            assert row[3] == dt.datetime.combine(r.birth_date, dt.time())  # a date cell
    record = _last_audit()
    assert record.action == "export.residents"
    detail = json.loads(record.detail)
    assert detail["rows"] == len(raw) and detail["full"] is False
    assert detail["file"] == str(path.resolve())


def test_only_an_admin_exports_full_numbers_and_it_is_audited(station, clerk_ctx, tmp_path):
    full = tmp_path / "full.xlsx"
    with pytest.raises(PermissionDenied):
        exports.export(clerk_ctx, "residents", full, full=True)
    assert not full.exists() and _last_audit().action == "permission.denied"
    exports.export(clerk_ctx, "residents", tmp_path / "masked.xlsx")  # a clerk, masked
    assert _last_audit().clerk_name == "li"
    done = exports.export(station, "residents", full, full=True)
    numbers = {r.resident_no: (r.id_number or "", r.phone or "") for r in Resident.select()}
    rows = _rows(full)
    assert done.rows == len(rows) == len(numbers)
    assert all((row[5] or "", row[6] or "") == numbers[row[0]] for row in rows)
    record = _last_audit()
    assert (record.action, record.clerk_name) == ("export.residents", "admin")
    detail = json.loads(record.detail)
    assert (detail["rows"], detail["full"]) == (len(numbers), True)


def test_residents_carrying_a_tag_only(station, tmp_path):
    path = tmp_path / "volunteers.xlsx"
    exports.export(station, "residents", path, tag="volunteer")
    expected = {r.resident_no for r in Resident.select() if "volunteer" in r.tags.split(",")}
    assert {row[0] for row in _rows(path)} == expected and expected
    assert all("志愿者" in row[11] for row in _rows(path))


def test_ledger_vouchers_and_activities_match_their_records(station, tmp_path):
    """The ledger of a period is every entry of it, in sequence; vouchers and activities
    are each one row per record, with their states and head counts."""
    start, end = dt.date(2026, 3, 1), dt.date(2026, 9, 30)
    path = tmp_path / "ledger.xlsx"
    done = exports.export(station, "ledger", path, start=start, end=end)
    raw = list(LedgerEntry.select().where(LedgerEntry.business_date.between(start, end))
               .order_by(LedgerEntry.seq))
    rows = _rows(path)
    assert done.rows == len(rows) == len(raw) > 7
    assert [row[0] for row in rows] == [e.seq for e in raw]
    assert sum(row[6] for row in rows) == sum(e.points for e in raw)
    assert all(start <= row[1].date() <= end for row in rows)
    assert json.loads(_last_audit().detail)["from"] == "2026-03-01"
    exports.export(station, "vouchers", tmp_path / "v.xlsx")
    rows = _rows(tmp_path / "v.xlsx")
    assert [row[0] for row in rows] == [v.serial for v in Voucher.select().order_by(Voucher.id)]
    redeemed = VoucherResolution.select().where(VoucherResolution.kind == "redeemed").count()
    assert sum(row[8] == "已核销" for row in rows) == redeemed
    assert sum(row[3] for row in rows) == sum(v.points for v in Voucher.select())
    exports.export(station, "activities", tmp_path / "a.xlsx")
    rows = _rows(tmp_path / "a.xlsx")
    raw = list(Activity.select().order_by(Activity.id))
    assert [row[3] for row in rows] == [a.title for a in raw] and raw
    for row, a in zip(rows, raw, strict=True):
        volunteers = [p for p in Participant.select().where(Participant.activity == a.id)
                      if p.role == "volunteer"]
        assert row[9] == len(volunteers)
        assert row[11] == pytest.approx(sum(p.hours_tenths or 0 for p in volunteers) / 10)


def test_a_file_that_cannot_be_written_is_refused_and_leaves_nothing(ctx, resident, tmp_path,
                                                                     monkeypatch):
    station = ctx
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(ExportFolderMissing):
        exports.export(station, "residents", tmp_path)
    with pytest.raises(ExportFolderMissing):
        exports.export(station, "residents", tmp_path / "missing" / "x.xlsx")
    target = tmp_path / "open-in-excel.xlsx"
    target.write_bytes(b"the clerk's copy")

    def busy(*_args):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "replace", busy)
    with pytest.raises(ExportFileBusy) as err:
        exports.export(station, "ledger", target)
    assert "Excel" in err.value.message("zh")
    assert target.read_bytes() == b"the clerk's copy"

    def full_disk(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportDiskFull):
        exports.export(station, "ledger", tmp_path / "new.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["open-in-excel.xlsx"]


def test_a_cancelled_export_leaves_no_file(ctx, tmp_path, monkeypatch):
    for n in range(12):
        residents.register(ctx, residents.ResidentInput(name=f"居民{n}"))
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    monkeypatch.setattr(xlsx_out, "_REPORT_EVERY", 5)
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        exports.export(ctx, "residents", tmp_path / "r.xlsx", progress=progress)
    assert not list(tmp_path.iterdir()) and seen == [(0, 12), (5, 12)]


def test_the_writer_keeps_every_value_excel_can_hold(tmp_path):
    """Text with spaces kept at its ends, markup characters, a control character a paste
    brought in (dropped, not a broken file), numbers, dates and times, past column Z."""
    columns = [xlsx_out.Column(f"列{n}", 8) for n in range(26)] + [
        xlsx_out.Column("日期", 12, "date"), xlsx_out.Column("时间", 18, "datetime")]
    row = [" 两头空格 ", "<b>&\"'", "响\x01铃", 7, -2.5, None, "", True] + [""] * 18 + [
        dt.date(2026, 2, 28), dt.datetime(2026, 11, 23, 9, 30)]
    path = tmp_path / "t.xlsx"
    assert xlsx_out.write_table(path, "表/一", columns, iter([row]), 1) == 1
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "表_一" and sheet["AA1"].value == "日期" and sheet["A1"].font.b
    got = [c.value for c in sheet[2]]
    assert got[:8] == [" 两头空格 ", "<b>&\"'", "响铃", 7, -2.5, None, None, True]
    assert got[26:] == [dt.datetime(2026, 2, 28), dt.datetime(2026, 11, 23, 9, 30)]
    assert sheet["AB2"].number_format == "yyyy-mm-dd hh:mm"
