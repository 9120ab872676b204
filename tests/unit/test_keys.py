"""The station's signing keys: stored encrypted, rotated (old vouchers still verify,
new ones carry the new key id) and revoked (every voucher the key signed is refused)."""

from __future__ import annotations

import base64
import secrets

import pytest

from app.models import AuditRecord, SigningKey, Voucher, VoucherResolution
from app.services import (
    integrity,
    keys,
    ledger,
    redemption,
    residents,
    revocation,
    tokens,
    vouchers,
)
from app.services.errors import KeyUnavailable, PermissionDenied, VoucherRejected
from app.services.residents import ResidentInput


@pytest.fixture
def funded(resident, give):
    give(resident.id, 100)
    return resident


def key_of(token: str) -> int:
    payload, _, _ = tokens.parse(token)
    return payload.key_id


def test_private_key_is_stored_encrypted(ctx):
    """The database holds only encrypted PKCS#8, opened by the secret in the keys folder."""
    key = SigningKey.get()
    blob = bytes(key.private_key_encrypted)
    assert blob.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert (ctx.keys_dir / keys.KEK_FILE).exists()
    signer = keys.private_key(ctx, key)
    assert signer.public_key().public_bytes_raw() == bytes(key.public_key)


def test_missing_key_secret_stops_issuing(ctx, funded, counts):
    """Without the key-encryption secret (database copied alone) nothing can be signed."""
    (ctx.keys_dir / keys.KEK_FILE).unlink()
    before = counts()
    with pytest.raises(KeyUnavailable):
        vouchers.issue(ctx, funded.id, 5)
    assert counts() == before


def test_rotation_keeps_old_vouchers_valid(ctx, funded):
    """After rotating, old vouchers still verify and new ones are signed by the new key."""
    old = vouchers.issue(ctx, funded.id, 5).vouchers[0].token
    assert key_of(old) == 1
    assert keys.rotate(ctx) == 2
    new = vouchers.issue(ctx, funded.id, 5).vouchers[0]
    assert key_of(new.token) == 2
    assert Voucher.get(Voucher.serial == new.serial).key_id == 2
    assert redemption.verify(ctx, old).ok and redemption.verify(ctx, new.token).ok
    assert keys.keyring()[1].retired_on is not None and not keys.keyring()[1].revoked


def test_revoked_key_refuses_its_vouchers(ctx, funded):
    """Revoking a key refuses every voucher it signed; a new key signs from then on."""
    old = vouchers.issue(ctx, funded.id, 5).vouchers[0].token
    revocation.revoke(ctx, 1, "密钥文件外泄")
    verdict = redemption.verify(ctx, old)
    assert (verdict.ok, verdict.reason) == (False, "revoked_key")
    with pytest.raises(VoucherRejected):
        redemption.redeem(ctx, old)
    assert keys.active_key().key_id == 2
    new = vouchers.issue(ctx, funded.id, 5).vouchers[0].token
    assert key_of(new) == 2 and redemption.verify(ctx, new).ok


def test_revoking_a_retired_key_makes_no_extra_key(ctx, funded):
    """Revoking an already rotated-out key leaves the active key in place."""
    keys.rotate(ctx)
    revocation.revoke(ctx, 1, "旧电脑报废")
    assert sorted(keys.keyring()) == [1, 2]
    assert keys.active_key().key_id == 2


def test_token_outside_key_validity(ctx, funded, clock):
    """A token dated after its key was retired is refused as key_not_valid."""
    signer = keys.private_key(ctx, keys.active_key())
    keys.rotate(ctx)
    clock.advance(days=2)
    today = clock.today()
    forged = tokens.sign(tokens.Payload(1, "XH01", 7, 5, today, today, tokens.Scope.ANY), signer)
    assert redemption.verify(ctx, forged).reason == "key_not_valid"


def test_key_management_is_admin_only(ctx, clerk_ctx):
    """Clerks can neither rotate nor revoke keys."""
    with pytest.raises(PermissionDenied):
        keys.rotate(clerk_ctx)
    with pytest.raises(PermissionDenied):
        revocation.revoke(clerk_ctx, 1, "想吊销")
    assert keys.active_key().key_id == 1


def test_public_keyring_export(ctx):
    """The exported keyring names the station and carries public keys only."""
    keys.rotate(ctx)
    exported = keys.export_public_keyring()
    assert (exported["station"], exported["algorithm"]) == ("XH01", "Ed25519")
    assert sorted(k["key_id"] for k in exported["keys"]) == [1, 2]
    for k in exported["keys"]:
        assert len(base64.b64decode(k["public_key"])) == 32
    assert "PRIVATE" not in repr(exported)


def test_a_replaced_key_secret_is_refused_before_rotating_or_revoking(ctx, funded, counts):
    """A secret file that does not open the active key mints nothing: refused, unchanged."""
    (ctx.keys_dir / keys.KEK_FILE).write_text(secrets.token_hex(32))
    before, ring = counts(), keys.keyring()
    with pytest.raises(KeyUnavailable) as rotating:
        keys.rotate(ctx)
    assert keys.KEK_FILE in rotating.value.message("zh")
    with pytest.raises(KeyUnavailable):
        revocation.revoke(ctx, 1, "密钥泄露", refund=True)
    assert counts() == before and keys.keyring() == ring


def test_revoke_counts_the_vouchers_it_strands(ctx, funded, clock):
    """Issued, unresolved and still valid vouchers of the revoked key are counted; the
    redeemed, voided, expired and the other key's are not, and nothing is refunded."""
    stale = vouchers.issue(ctx, funded.id, 5, expiry=clock.today()).vouchers[0]
    issued = vouchers.issue(ctx, funded.id, 20, [5, 5, 4, 6]).vouchers
    redemption.redeem(ctx, issued[0].token)
    redemption.void(ctx, issued[1].serial, "打印错误")
    clock.advance(days=1)
    keys.rotate(ctx)
    vouchers.issue(ctx, funded.id, 5)
    balance = ledger.balance(funded.id)
    result = revocation.revoke(ctx, 1, "旧电脑报废")
    assert result == {"key_id": 1, "stranded": 2, "stranded_points": 10, "refunded": 0}
    assert ledger.balance(funded.id) == balance
    assert redemption.verify(ctx, stale.token).reason != "voided"


def test_revoke_with_refund_voids_and_refunds_in_one_operation(ctx, funded):
    """Each stranded voucher is voided with the reason and refunded to its holder; the
    balances and every integrity check still agree."""
    other = residents.register(ctx, ResidentInput(name="李四"))
    ledger.adjust(ctx, other.id, 30, "期初")
    mine = vouchers.issue(ctx, funded.id, 15, [5, 10]).vouchers
    theirs = vouchers.issue(ctx, other.id, 7).vouchers
    redemption.redeem(ctx, mine[0].token)
    before = {r: ledger.balance(r) for r in (funded.id, other.id)}
    result = revocation.revoke(ctx, 1, "密钥泄露", refund=True)
    assert result == {"key_id": 1, "stranded": 1 + len(theirs), "stranded_points": 17,
                      "refunded": 1 + len(theirs)}
    assert ledger.balance(funded.id) == before[funded.id] + 10
    assert ledger.balance(other.id) == before[other.id] + 7
    for v in (mine[1], *theirs):
        row = vouchers.vouchers_by_serial([v.serial])[0]
        assert row.status == "voided"
        resolution = VoucherResolution.get(VoucherResolution.voucher == Voucher.get(
            Voucher.serial == v.serial).id)
        assert resolution.reason == "密钥泄露"
    assert vouchers.vouchers_by_serial([mine[0].serial])[0].status == "redeemed"
    record = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert record.action == "keys.revoke" and mine[1].serial in record.detail
    report = integrity.run_check(ctx.keys_dir)
    assert report.ok, report.problems
    assert keys.active_key().key_id == 2


def test_a_refund_that_fails_leaves_the_key_unrevoked(ctx, funded, monkeypatch, counts):
    """Revocation and refunds are one transaction: a failure part-way keeps neither."""
    vouchers.issue(ctx, funded.id, 10, [5, 5])
    before = counts()
    real, calls = ledger.post, []

    def post_then_fail(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk gone")
        return real(*args, **kwargs)

    monkeypatch.setattr(ledger, "post", post_then_fail)
    with pytest.raises(OSError):
        revocation.revoke(ctx, 1, "密钥泄露", refund=True)
    assert counts() == before and not keys.keyring()[1].revoked
