"""The station's signing keys: stored encrypted, rotated (old vouchers still verify,
new ones carry the new key id) and revoked (every voucher the key signed is refused)."""

from __future__ import annotations

import base64

import pytest

from app.models import SigningKey, Voucher
from app.services import keys, tokens, vouchers
from app.services.errors import KeyUnavailable, PermissionDenied, VoucherRejected


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
    assert vouchers.verify(ctx, old).ok and vouchers.verify(ctx, new.token).ok
    assert keys.keyring()[1].retired_on is not None and not keys.keyring()[1].revoked


def test_revoked_key_refuses_its_vouchers(ctx, funded):
    """Revoking a key refuses every voucher it signed; a new key signs from then on."""
    old = vouchers.issue(ctx, funded.id, 5).vouchers[0].token
    keys.revoke(ctx, 1, "密钥文件外泄")
    verdict = vouchers.verify(ctx, old)
    assert (verdict.ok, verdict.reason) == (False, "revoked_key")
    with pytest.raises(VoucherRejected):
        vouchers.redeem(ctx, old)
    assert keys.active_key().key_id == 2
    new = vouchers.issue(ctx, funded.id, 5).vouchers[0].token
    assert key_of(new) == 2 and vouchers.verify(ctx, new).ok


def test_revoking_a_retired_key_makes_no_extra_key(ctx, funded):
    """Revoking an already rotated-out key leaves the active key in place."""
    keys.rotate(ctx)
    keys.revoke(ctx, 1, "旧电脑报废")
    assert sorted(keys.keyring()) == [1, 2]
    assert keys.active_key().key_id == 2


def test_token_outside_key_validity(ctx, funded, clock):
    """A token dated after its key was retired is refused as key_not_valid."""
    signer = keys.private_key(ctx, keys.active_key())
    keys.rotate(ctx)
    clock.advance(days=2)
    today = clock.today()
    forged = tokens.sign(tokens.Payload(1, "XH01", 7, 5, today, today, tokens.Scope.ANY), signer)
    assert vouchers.verify(ctx, forged).reason == "key_not_valid"


def test_key_management_is_admin_only(ctx, clerk_ctx):
    """Clerks can neither rotate nor revoke keys."""
    with pytest.raises(PermissionDenied):
        keys.rotate(clerk_ctx)
    with pytest.raises(PermissionDenied):
        keys.revoke(clerk_ctx, 1, "想吊销")
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
