"""The station's Ed25519 signing keys (revoking one, which may refund its vouchers, is
in ``revocation``).

The private key is stored in the database only encrypted (PKCS#8, AES-256 by
``cryptography``'s best available encryption) under a random key-encryption secret
kept in a file in the data directory's ``keys`` folder, never in the database. A copy
of the database or a backup alone therefore cannot sign vouchers.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models import SigningKey, Station, write_transaction
from app.services import audit, seal
from app.services.context import Context
from app.services.errors import KeyUnavailable
from app.services.permissions import require
from app.services.seal import KEK_FILE


def _kek_path(ctx: Context) -> Path:
    return ctx.keys_dir / KEK_FILE


def ensure_kek(ctx: Context) -> bytes:
    path = _kek_path(ctx)
    if path.exists():
        return path.read_bytes().strip()
    ctx.keys_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_hex(32).encode("ascii")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(secret)
        fh.flush()
        os.fsync(fh.fileno())
    seal.mark_sealed(ctx.keys_dir)  # a new station's rows are sealed from the first one
    return secret


def _load_kek(ctx: Context) -> bytes:
    return seal.read_secret(ctx.keys_dir)


def opens(private_key_encrypted: bytes, secret: bytes) -> bool:
    """Whether ``secret`` decrypts a stored private key (the proof that it is this
    station's secret)."""
    try:
        serialization.load_pem_private_key(bytes(private_key_encrypted), password=secret)
    except (ValueError, TypeError):
        return False
    return True


def create_key(ctx: Context, valid_from: dt.date, first: bool = False) -> SigningKey:
    """Make a new key pair; call inside a write transaction.

    Only the station's first key (``first``, at set-up) may create the key-encryption
    secret: a desk without it must not make a key the other desks cannot read.
    """
    private = Ed25519PrivateKey.generate()
    encrypted = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(ensure_kek(ctx) if first else _load_kek(ctx)),
    )
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    last = SigningKey.select().order_by(SigningKey.key_id.desc()).first()
    return SigningKey.create(
        key_id=(last.key_id + 1) if last else 1,
        public_key=public,
        private_key_encrypted=encrypted,
        valid_from=valid_from,
        created_at=ctx.clock.now(),
    )


def active_key() -> SigningKey:
    key = (SigningKey.select()
           .where(SigningKey.retired_on.is_null(), SigningKey.revoked_at.is_null())
           .order_by(SigningKey.key_id.desc()).first())
    if key is None:
        raise KeyUnavailable(reason="没有可用的签名密钥")
    return key


def private_key(ctx: Context, key: SigningKey) -> Ed25519PrivateKey:
    try:
        loaded = serialization.load_pem_private_key(bytes(key.private_key_encrypted),
                                                    password=_load_kek(ctx))
    except ValueError as exc:
        raise KeyUnavailable(reason="密钥文件与数据库不匹配") from exc
    assert isinstance(loaded, Ed25519PrivateKey)
    return loaded


@dataclass(frozen=True)
class KeyInfo:
    key_id: int
    public_key: bytes
    valid_from: dt.date
    retired_on: dt.date | None
    revoked: bool


def keyring() -> dict[int, KeyInfo]:
    return {
        k.key_id: KeyInfo(k.key_id, bytes(k.public_key), k.valid_from, k.retired_on,
                          k.revoked_at is not None)
        for k in SigningKey.select()
    }


def proven_active_key(ctx: Context) -> SigningKey:
    """The active key, once the secret file has opened it: a replaced secret must not
    mint a key that nothing already issued can be traced to."""
    key = active_key()
    try:
        private_key(ctx, key)
    except KeyUnavailable as exc:
        raise KeyUnavailable(reason=f"{_kek_path(ctx)} 打不开当前签名密钥 {key.key_id}："
                                    f"{exc.reason}；未作任何改动") from exc
    return key


def rotate(ctx: Context) -> int:
    """Retire the signing key (its vouchers still verify) and start a new one."""
    require(ctx, "keys.manage")
    today = ctx.clock.today()
    with write_transaction():
        current = proven_active_key(ctx)
        current.retired_on = today
        current.save()
        new = create_key(ctx, today)
        audit.record(ctx, "keys.rotate", str(new.key_id), {"retired": current.key_id})
    return new.key_id


def export_public_keyring() -> dict:
    station = Station.get()
    return {
        "station": station.code,
        "name": station.name,
        "algorithm": "Ed25519",
        "keys": [
            {
                "key_id": k.key_id,
                "public_key": base64.b64encode(k.public_key).decode("ascii"),
                "valid_from": k.valid_from.isoformat(),
                "retired_on": k.retired_on.isoformat() if k.retired_on else None,
                "revoked": k.revoked,
            }
            for k in keyring().values()
        ],
    }
