"""The start-up check verifies what was written after the verified checkpoint: each
invariant broken there is found at start; an edit to older rows is left to the whole
check (``check``, the background check, backups); the checkpoint moves only after a pass
and an edited one is refused; a station without one is checked whole, once."""

from __future__ import annotations

import threading

import pytest

from app.models import LedgerEntry, Voucher, database
from app.models.migrations import install_guards
from app.runtime import health
from app.runtime.config import Config
from app.services import checkpoint, deeds, integrity, ledger, redemption, vouchers


@pytest.fixture
def config(ctx, db_location) -> Config:
    return Config(ctx.data_dir, db_location)


def start(config: Config) -> str:
    """What the start-up check finds (and, on a pass, the checkpoint moves)."""
    return "；".join(health.ledger_problems(config))


def newest_seq() -> int:
    return LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first().seq


@pytest.fixture
def checked(ctx, config, resident, give):
    """A station with history (a redeemed voucher, a reversal) that passed its start-up
    check: everything so far is behind the checkpoint."""
    give(resident.id, 60)
    redemption.redeem(ctx, vouchers.issue(ctx, resident.id, 20).vouchers[0].token)
    ledger.reverse(ctx, ledger.adjust(ctx, resident.id, 3, "多记").seq, "冲正")
    assert start(config) == ""
    assert checkpoint.read(ctx.keys_dir).ledger_seq == newest_seq()
    return resident


def test_a_station_without_a_checkpoint_is_checked_whole_once(ctx, config, resident, give,
                                                              unguard, monkeypatch):
    give(resident.id, 30)
    assert checkpoint.read(ctx.keys_dir) is None
    whole = []
    monkeypatch.setattr(integrity, "ledger_check",
                        lambda report, real=integrity.ledger_check: (whole.append(1),
                                                                     real(report)))
    assert start(config) == "" and len(whole) == 1
    assert start(config) == "" and len(whole) == 1  # from now on only what is new
    database.execute_sql("DELETE FROM verified_checkpoint")  # removed: checked whole again
    unguard("ledger_entry")
    database.execute_sql(f"UPDATE ledger_entry SET points = 300 WHERE seq = {newest_seq()}")
    assert "校验码不符" in start(config) and len(whole) == 2


def test_an_edited_balance_after_the_checkpoint_is_found(ctx, config, checked):
    deeds.record_deed(ctx, checked.id, "DONATION")
    database.execute_sql(f"UPDATE resident SET balance = balance + 100 WHERE id = {checked.id}")
    assert "余额与流水合计不符" in start(config)


def test_an_edited_running_balance_after_the_checkpoint_is_found(ctx, config, checked,
                                                                  unguard):
    deeds.record_deed(ctx, checked.id, "DONATION")
    deeds.record_deed(ctx, checked.id, "DONATION")
    unguard("ledger_entry")
    database.execute_sql(
        f"UPDATE ledger_entry SET balance_after = balance_after + 5 WHERE seq = {newest_seq() - 1}")
    found = start(config)
    assert "流水余额不连贯" in found and f"积分流水 #{newest_seq() - 1} 的校验码不符" in found


def test_a_deleted_refund_after_the_checkpoint_is_found(ctx, config, checked, unguard):
    spent = vouchers.issue(ctx, checked.id, 10).vouchers[0]
    redemption.void(ctx, spent.serial, "打印错误")
    unguard("ledger_entry")
    database.execute_sql(f"DELETE FROM ledger_entry WHERE kind = 'refund' "
                         f"AND voucher_serial = '{spent.serial}'")
    database.execute_sql(f"UPDATE resident SET balance = balance - 10 WHERE id = {checked.id}")
    found = start(config)
    assert "兑换券的扣分/退回与记录不符" in found and spent.serial in found


def test_a_deleted_audited_redemption_after_the_checkpoint_is_found(ctx, config, checked,
                                                                    unguard):
    spent = vouchers.issue(ctx, checked.id, 10).vouchers[0]
    redemption.redeem(ctx, spent.token)
    unguard("voucher_resolution")
    voucher_id = Voucher.get(Voucher.serial == spent.serial).id
    database.execute_sql(f"DELETE FROM voucher_resolution WHERE voucher_id = {voucher_id}")
    found = start(config)
    assert "核销/作废记录被删除" in found and spent.serial in found


def test_a_forged_entry_after_the_checkpoint_is_named(ctx, config, checked, unguard):
    last = LedgerEntry.get_by_id(newest_seq())
    database.execute_sql(
        "INSERT INTO ledger_entry (uid, resident_id, kind, points, balance_after, request_id, "
        "reason, business_date, created_at, mac) VALUES ('XH01-Lforged', ?, 'adjust', 500, ?, "
        "'forged', '', '2026-11-23', '2026-11-23 09:30:00', ?)".replace("?", database.param),
        (checked.id, last.balance_after + 500, "0" * 32))
    database.execute_sql(f"UPDATE resident SET balance = balance + 500 WHERE id = {checked.id}")
    found = start(config)
    assert f"积分流水 #{newest_seq()} 的校验码不符" in found and "余额" not in found


def test_a_second_reversal_after_the_checkpoint_is_found(ctx, config, checked, unguard):
    entry = ledger.adjust(ctx, checked.id, 4, "多记").seq
    ledger.reverse(ctx, entry, "冲正")
    unguard("ledger_entry")
    database.execute_sql(
        "INSERT INTO ledger_entry (uid, resident_id, kind, points, balance_after, request_id, "
        "reason, business_date, created_at, corrects_id) SELECT 'XH01-Ltwice', resident_id, "
        f"'reversal', 0, balance_after, 'x', '', business_date, created_at, corrects_id "
        f"FROM ledger_entry WHERE seq = {newest_seq()}")
    assert "条流水被重复冲正" in start(config)


def test_a_broken_audit_chain_after_the_checkpoint_is_found(ctx, config, checked, unguard):
    deeds.record_deed(ctx, checked.id, "DONATION")
    deeds.record_deed(ctx, checked.id, "DONATION")
    unguard("audit_record")
    newest = database.execute_sql("SELECT MAX(seq) FROM audit_record").fetchone()[0]
    database.execute_sql(f"DELETE FROM audit_record WHERE seq = {newest - 1}")
    assert "审计日志：记录" in start(config)


def test_edits_before_the_checkpoint_are_left_to_the_whole_check(ctx, config, checked,
                                                                 unguard):
    first = LedgerEntry.select().order_by(LedgerEntry.seq).first().seq
    unguard("ledger_entry")
    database.execute_sql(f"UPDATE ledger_entry SET reason = 'x' WHERE seq = {first}")
    install_guards()  # put back, so that only the edit itself is left to find
    assert start(config) == ""  # verified before: not read again at start
    report = health.full_check(config)
    assert not report.ok and f"积分流水 #{first} 的校验码不符" in "；".join(report.problems)


def test_the_checkpoint_moves_only_after_a_pass(ctx, config, checked):
    before = checkpoint.read(ctx.keys_dir)
    deeds.record_deed(ctx, checked.id, "DONATION")
    database.execute_sql(f"UPDATE resident SET balance = 0 WHERE id = {checked.id}")
    assert start(config) != "" and checkpoint.read(ctx.keys_dir) == before
    assert not health.full_check(config).ok and checkpoint.read(ctx.keys_dir) == before
    database.execute_sql(
        f"UPDATE resident SET balance = (SELECT balance_after FROM ledger_entry "
        f"WHERE seq = {newest_seq()}) WHERE id = {checked.id}")
    assert start(config) == "" and checkpoint.read(ctx.keys_dir).ledger_seq == newest_seq()


def test_an_edited_checkpoint_is_refused(ctx, config, checked, give):
    give(checked.id, 5)
    database.execute_sql("UPDATE verified_checkpoint SET ledger_seq = ledger_seq + 100")
    assert "启动检查校验点 #1 的校验码不符" in start(config)
    assert "启动检查校验点 #1 的校验码不符" in "；".join(health.full_check(config).problems)


def test_the_whole_check_reports_progress_and_advances_to_what_it_saw_first(ctx, config,
                                                                           checked):
    """A deed recorded (on another connection) while the whole check runs is neither seen
    by it nor covered by its checkpoint: the next start verifies it."""
    steps = []

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        if done == 4:  # inside the check's snapshot
            writer = threading.Thread(
                target=lambda: (deeds.record_deed(ctx, checked.id, "DONATION"), database.close()))
            writer.start()
            writer.join()

    deeds.record_deed(ctx, checked.id, "DONATION")  # not yet verified
    seen = newest_seq()
    report = health.full_check(config, progress=progress)
    assert report.ok and steps == [(n, steps[0][1]) for n in range(1, steps[0][1] + 1)]
    assert newest_seq() == seen + 1 and checkpoint.read(ctx.keys_dir).ledger_seq == seen
    report = integrity.check_since(ctx.keys_dir, checkpoint.read(ctx.keys_dir))
    assert report.ok and report.facts["new_entries"] == 1


def test_a_cancelled_whole_check_does_not_move_the_checkpoint(ctx, config, checked, give):
    give(checked.id, 5)
    before = checkpoint.read(ctx.keys_dir)
    report = health.full_check(config, cancelled=lambda: True)
    assert report.cancelled and not report.ok and checkpoint.read(ctx.keys_dir) == before


def test_the_checkpoint_never_moves_back(ctx, checked):
    now = checkpoint.read(ctx.keys_dir)
    assert not checkpoint.advance(ctx.keys_dir, checkpoint.Checkpoint())
    assert checkpoint.read(ctx.keys_dir) == now
