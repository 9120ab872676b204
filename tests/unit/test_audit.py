"""The audit log: every write leaves a record saying who did what, and the hash chain
finds an edited, deleted or reordered record, and (with an anchor) a truncation."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import AuditRecord
from app.services import (
    audit,
    auth,
    catalogue,
    checkins,
    deeds,
    integrity,
    keys,
    ledger,
    merchants,
    redemption,
    residents,
    revocation,
    station,
    vouchers,
)
from app.services.residents import ResidentInput


@pytest.fixture
def scene(ctx, resident, give, merchant):
    """A resident with points, an unredeemed voucher and a deed awaiting review."""
    give(resident.id, 50)
    issued = vouchers.issue(ctx, resident.id, 25, request_id="scene-issue")
    pending = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    return {"rid": resident.id, "vouchers": issued.vouchers, "pending": pending.deed_uid}


WRITES = {
    "resident.register": lambda c, s: residents.register(c, ResidentInput(name="李四")),
    "resident.edit": lambda c, s: residents.update(c, s["rid"], ResidentInput(name="张明玥")),
    "resident.reissue_card": lambda c, s: residents.reissue_card(c, s["rid"]),
    "resident.archive": lambda c, s: residents.set_archived(c, s["rid"], True),
    "resident.reveal": lambda c, s: residents.reveal(c, s["rid"]),
    "deed.record": lambda c, s: deeds.record_deed(c, s["rid"], "LITTERING"),
    "deed.approve": lambda c, s: deeds.review_deed(c, s["pending"], True),
    "deed.reject": lambda c, s: deeds.review_deed(c, s["pending"], False, "不符合"),
    "ledger.adjust": lambda c, s: ledger.adjust(c, s["rid"], 3, "补录"),
    "ledger.reverse": lambda c, s: ledger.reverse(c, 1, "冲正"),
    "ledger.expire": lambda c, s: ledger.expire_balances(c, dt.date(2026, 11, 22)),
    "voucher.issue": lambda c, s: vouchers.issue(c, s["rid"], 5),
    "voucher.redeem": lambda c, s: redemption.redeem(c, s["vouchers"][0].token),
    "voucher.void": lambda c, s: redemption.void(c, s["vouchers"][1].serial, "污损"),
    "voucher.expire": lambda c, s: redemption.expire(c),
    "voucher.print": lambda c, s: vouchers.record_print(c, [s["vouchers"][0].serial]),
    "merchant.add": lambda c, s: merchants.add(c, "红星理发店"),
    "checkin": lambda c, s: checkins.check_in(c, s["rid"], "activity"),
    "catalogue.save": lambda c, s: catalogue.save_type(c, "LOST_AND_FOUND", points=3),
    "station.settings": lambda c, s: station.update_settings(c, min_issue_points=10),
    "clerk.create": lambda c, s: auth.add_clerk(c, "sun", "孙丽", "clerk", "Quiet-Lake-2026"),
    "clerk.reset_password": lambda c, s: auth.reset_password(c, "admin", "New-Desk-2026"),
    "signin": lambda c, s: auth.sign_in(c, "admin", "Desk-2026!"),
    "keys.rotate": lambda c, s: keys.rotate(c),
    "keys.revoke": lambda c, s: revocation.revoke(c, 1, "泄露"),
}


@pytest.mark.parametrize("action", sorted(WRITES))
def test_every_write_is_audited(ctx, scene, action):
    """Each write appends an audit record naming the action and the acting clerk."""
    before = AuditRecord.select().count()
    WRITES[action](ctx, scene)
    new = list(AuditRecord.select().where(AuditRecord.seq > before).order_by(AuditRecord.seq))
    assert [r.action for r in new][-1:] == [action]
    assert new[-1].clerk_name == "admin" and new[-1].clerk_id == ctx.actor.clerk_id
    assert new[-1].at == ctx.clock.now()
    assert audit.verify_chain().ok


def test_audit_detail_keeps_before_and_after(ctx):
    """A settings change records the old and the new value."""
    station.update_settings(ctx, min_issue_points=10)
    record = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert '"before": {"min_issue_points": 5}' in record.detail
    assert '"after": {"min_issue_points": 10}' in record.detail


def test_chain_of_a_fresh_station_verifies(ctx, scene):
    """An untouched log verifies, and its head is the newest record's hash."""
    report = audit.verify_chain()
    newest = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert report.ok and report.records == AuditRecord.select().count()
    assert report.head == newest.hash


def test_edited_record_is_found(ctx, scene, unguard):
    """Changing a record's content breaks its hash."""
    unguard("audit_record")
    AuditRecord.update(detail='{"points": 1}').where(AuditRecord.seq == 3).execute()
    report = audit.verify_chain()
    assert not report.ok and "记录 3" in report.problem and "改动" in report.problem
    assert not integrity.run_check(ctx.keys_dir).ok


def test_edited_record_with_recomputed_hash_is_found(ctx, scene, unguard):
    """Re-hashing the edited record does not help: the next record no longer links."""
    unguard("audit_record")
    rec = AuditRecord.get(AuditRecord.seq == 3)
    forged = audit._digest(rec.prev_hash, rec.at.isoformat(), rec.clerk_id, rec.action,
                           rec.target, '{"points": 1}')
    AuditRecord.update(detail='{"points": 1}', hash=forged).where(AuditRecord.seq == 3).execute()
    report = audit.verify_chain()
    assert not report.ok and "记录 4" in report.problem


def test_deleted_record_is_found(ctx, scene, unguard):
    """Removing a record from the middle breaks the link of the one after it."""
    unguard("audit_record")
    AuditRecord.delete().where(AuditRecord.seq == 4).execute()
    report = audit.verify_chain()
    assert not report.ok and "记录 5" in report.problem and "删除" in report.problem


def test_reordered_records_are_found(ctx, scene, unguard):
    """Swapping two records' places breaks the chain."""
    unguard("audit_record")
    AuditRecord.update(seq=100000).where(AuditRecord.seq == 3).execute()
    AuditRecord.update(seq=3).where(AuditRecord.seq == 4).execute()
    AuditRecord.update(seq=4).where(AuditRecord.seq == 100000).execute()
    report = audit.verify_chain()
    assert not report.ok and "记录 3" in report.problem


def test_truncation_is_found_with_an_anchor(ctx, scene, unguard):
    """Cutting off the newest records leaves a valid chain; only a noted head finds it."""
    anchor = audit.verify_chain().head
    newest = AuditRecord.select(AuditRecord.seq).order_by(AuditRecord.seq.desc()).first().seq
    unguard("audit_record")
    AuditRecord.delete().where(AuditRecord.seq >= newest - 1).execute()
    assert audit.verify_chain().ok
    report = audit.verify_chain(anchor)
    assert not report.ok and "截断" in report.problem


def test_anchor_from_earlier_still_verifies(ctx, scene):
    """A head noted earlier stays in the chain as the log grows."""
    anchor = audit.verify_chain().head
    ledger.adjust(ctx, scene["rid"], 1, "补录")
    assert audit.verify_chain(anchor).ok
    assert not audit.verify_chain("f" * 64).ok


def test_refused_operations_leave_no_record(ctx, scene):
    """A refused write rolls back its audit record with everything else."""
    before = AuditRecord.select().count()
    with pytest.raises(Exception, match="积分不足"):
        vouchers.issue(ctx, scene["rid"], 500)
    assert AuditRecord.select().count() == before
