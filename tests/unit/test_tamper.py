"""Edits made to the database behind the program's back, as someone with the file (or
the server) and plain SQL would make them: each is found by the check, which names the
rows; dropped guards are reported and put back."""

from __future__ import annotations

import hashlib
import json

import pytest

from app.models import AuditRecord, LedgerEntry, database
from app.models.migrations import missing_guards
from app.services import audit, integrity, redemption, vouchers


@pytest.fixture
def spent(ctx, resident, give):
    """A resident with some history and one redeemed voucher."""
    give(resident.id, 30)
    issued = vouchers.issue(ctx, resident.id, 20).vouchers[0]
    redemption.redeem(ctx, issued.token)
    return issued


def problems(ctx) -> str:
    report = integrity.run_check(ctx.keys_dir)
    return "；".join(report.problems)


def test_untouched_station_passes(ctx, spent):
    assert problems(ctx) == ""


def test_forged_entry_with_matching_balance_is_named(ctx, resident, spent, unguard):
    """A forged award plus the balance and running balance made to agree: only the seal
    can tell, and the check names the entry."""
    unguard("ledger_entry")
    last = LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first()
    database.execute_sql(
        "INSERT INTO ledger_entry (uid, resident_id, kind, points, balance_after, request_id, "
        "reason, business_date, created_at, mac) VALUES ('XH01-Lforged', ?, 'adjust', 5000, ?, "
        "'forged', '', '2026-11-23', '2026-11-23 09:30:00', ?)".replace("?", database.param),
        (resident.id, last.balance_after + 5000, "0" * 32))
    database.execute_sql("UPDATE resident SET balance = balance + 5000")
    seq = LedgerEntry.get(LedgerEntry.uid == "XH01-Lforged").seq
    found = problems(ctx)
    assert f"积分流水 #{seq} 的校验码不符" in found
    assert "余额" not in found  # the balances agree: only the seal catches it


def test_edited_entry_points_are_named(ctx, spent, unguard):
    unguard("ledger_entry")
    first = LedgerEntry.select().order_by(LedgerEntry.seq).first()
    database.execute_sql(f"UPDATE ledger_entry SET points = 3000, balance_after = 3000 "
                         f"WHERE seq = {first.seq}")
    assert f"积分流水 #{first.seq} 的校验码不符" in problems(ctx)


def test_deleted_redemption_is_found(ctx, spent, unguard):
    """Dropping the trigger and deleting the redemption would make the voucher spendable
    again: the audit log still says it was redeemed, and the check says which."""
    unguard("voucher_resolution")
    database.execute_sql("DELETE FROM voucher_resolution")
    assert redemption.verify(ctx, spent.token).ok  # what the attacker wanted
    found = problems(ctx)
    assert spent.serial in found and "核销/作废记录被删除" in found


def test_audit_chain_rebuilt_from_scratch_is_found(ctx, spent, unguard):
    """Rewrite a clerk's name in the log and recompute every hash from the start: the
    chain links again, but the seals are keyed and cannot be recomputed."""
    unguard("audit_record")
    prev = audit.GENESIS
    rows = database.execute_sql(
        "SELECT seq, at, clerk_id, action, target, detail FROM audit_record ORDER BY seq")
    for seq, at, clerk_id, action, target, detail in rows.fetchall():
        at_text = str(at).replace(" ", "T")
        body = json.dumps([prev, at_text, clerk_id, action, target, detail], ensure_ascii=False)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        database.execute_sql(
            f"UPDATE audit_record SET prev_hash = {database.param}, hash = {database.param}, "
            f"clerk_name = 'someone' WHERE seq = {database.param}", (prev, digest, seq))
        prev = digest
    assert audit.verify_chain().ok  # the unkeyed chain alone is fooled
    assert "审计日志" in problems(ctx) and "校验码不符" in problems(ctx)


def test_clerk_name_in_the_log_is_sealed(ctx, spent, unguard):
    unguard("audit_record")
    seq = AuditRecord.select().order_by(AuditRecord.seq.desc()).first().seq
    database.execute_sql(f"UPDATE audit_record SET clerk_name = 'li' WHERE seq = {seq}")
    assert f"审计日志 #{seq} 的校验码不符" in problems(ctx)


def test_dropped_triggers_are_reported_and_reinstalled(ctx, spent, unguard):
    unguard("ledger_entry")
    assert missing_guards()
    assert "防改触发器被删除" in problems(ctx)
    assert not missing_guards()
    assert problems(ctx) == ""


def test_check_without_the_station_secret_says_so(ctx, spent, tmp_path):
    report = integrity.run_check(tmp_path / "elsewhere")
    assert any("无法校验记录的校验码" in p for p in report.problems)


def test_a_clerk_made_admin_in_the_file_is_found(ctx, clerk_ctx, spent):
    database.execute_sql("UPDATE clerk SET role = 'admin' WHERE username = 'li'")
    assert "经办人 li 的角色与审计日志不符" in problems(ctx)


def test_a_forged_operation_record_is_named(ctx, spent, unguard):
    """A record edited to answer a retry with a made-up result."""
    from app.models import OperationRecord

    unguard("operation_record")
    rec = OperationRecord.select().order_by(OperationRecord.id.desc()).first()
    database.execute_sql(f"UPDATE operation_record SET result = '{{}}' WHERE id = {rec.id}")
    assert f"操作记录 #{rec.id} 的校验码不符" in problems(ctx)


def test_a_deleted_voucher_and_its_debit_are_found(ctx, resident, give, unguard):
    """Deleting the newest voucher with its issue entry (and the balance put back) leaves
    every remaining seal intact: the audit log still names the serial."""
    give(resident.id, 10)
    issued = vouchers.issue(ctx, resident.id, 10).vouchers[0]
    unguard("voucher")
    unguard("ledger_entry")
    database.execute_sql(f"DELETE FROM ledger_entry WHERE voucher_serial = '{issued.serial}'")
    database.execute_sql(f"DELETE FROM voucher WHERE serial = '{issued.serial}'")
    database.execute_sql("UPDATE resident SET balance = 10")
    found = problems(ctx)
    assert "已发放的兑换券记录被删除" in found and issued.serial in found
