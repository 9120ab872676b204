"""A centre's audit log, sealed under the secret in the centre's data directory as a
station's is under the station's: the chain and the seals verify; an edited record, and one
edited with the chain recomputed after it, are found by ``audit verify`` and ``check``."""

from __future__ import annotations

from app.models import AuditRecord, database
from app.services import audit, centre, centre_catalogue, integrity
from tests.unit import centre_support

district, hub = centre_support.district, centre_support.hub


def _rechain_from(seq: int, detail: str) -> None:
    """Edit record ``seq`` and recompute every hash after it: what someone holding the
    database but not the centre's secret can do."""
    rows = list(AuditRecord.select().order_by(AuditRecord.seq))
    prev = next(r.hash for r in rows if r.seq == seq - 1)
    for r in (r for r in rows if r.seq >= seq):
        body = detail if r.seq == seq else r.detail
        digest = audit._digest(prev, r.at.isoformat(), r.clerk_id, r.action, r.target, body)
        AuditRecord.update(detail=body, prev_hash=prev, hash=digest).where(
            AuditRecord.seq == r.seq).execute()
        prev = digest


def test_a_centre_s_log_verifies_with_its_own_secret(hub):
    centre_catalogue.save(hub, "ENV_CLEANUP", {"points": 3})
    report = audit.verify_log(hub.keys_dir)
    assert report.ok, report.problem
    assert report.records == AuditRecord.select().count() >= 5
    checked = integrity.run_check(hub.keys_dir)
    assert checked.ok, checked.problems
    assert checked.facts["audit_records"] == report.records
    centre.check_command("audit", "verify")
    centre.check_command("check", None)


def test_an_edited_centre_record_is_found(hub, unguard):
    unguard("audit_record")
    target = AuditRecord.get(AuditRecord.action == "centre.station.add")
    AuditRecord.update(target="XH99").where(AuditRecord.seq == target.seq).execute()
    report = audit.verify_log(hub.keys_dir)
    assert not report.ok and f"记录 {target.seq} 的内容被改动" in report.problem
    assert not integrity.run_check(hub.keys_dir).ok


def test_a_rechained_centre_record_is_found_by_its_seal(hub, unguard):
    unguard("audit_record")
    target = AuditRecord.get(AuditRecord.action == "centre.station.add")
    _rechain_from(target.seq, '{"operator": "someone@elsewhere"}')
    assert audit.verify_chain().ok  # the chain alone is rebuilt
    report = audit.verify_log(hub.keys_dir)
    assert not report.ok and "审计日志" in report.problem and f"#{target.seq}" in report.problem
    checked = integrity.run_check(hub.keys_dir)
    assert any(f"#{target.seq}" in p for p in checked.problems), checked.problems


def test_a_forged_record_without_a_seal_is_found(hub):
    last = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    forged = audit._digest(last.hash, last.at.isoformat(), None, "centre.notice.add", "N", "{}")
    database.execute_sql(
        'INSERT INTO "audit_record" ("at", "clerk_id", "clerk_name", "action", "target", '
        f'"detail", "prev_hash", "hash", "mac") VALUES ({", ".join([database.param] * 9)})',
        (last.at, None, "", "centre.notice.add", "N", "{}", last.hash, forged, "0" * 32))
    assert audit.verify_chain().ok
    assert not audit.verify_log(hub.keys_dir).ok
