"""The signed voucher token carried by the QR code.

A fixed 36-byte payload (version, key id, station, sequence, points, issue and expiry
day, scope, merchant, and an 80-bit random nonce) and an Ed25519 signature over a
domain-separation prefix and the payload: 100 bytes, written as upper-case Base32 behind
the prefix ``SDV``. Base32 uses only A–Z and 2–7, which survive a USB scanner typing
through a Chinese input method, and stays in QR alphanumeric mode (version 9 at error
correction Q).

The nonce binds a token to one voucher record: without it the signature is deterministic,
so a serial issued again (after a restore, on a copied data directory) would yield a
byte-identical token and one resident's lost voucher would spend another's. Version 1
tokens (no nonce, 26-byte payload) are still read, so vouchers already printed keep
working; they are checked against the stored token instead.

A demo station's vouchers are written behind ``SDD`` instead and signed under a demo
domain, so the signature covers their being demo: no prefix swap makes a demo voucher
pass for a real one, and a real station refuses it before anything else.

Parsing fails closed: nothing is trimmed or case-folded, and the algorithm is never
read from the token.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import secrets
import struct
from dataclasses import dataclass
from enum import IntEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "SDV"
DEMO_PREFIX = "SDD"  # the same length: a demo token is as long as a real one
PREFIXES = (PREFIX, DEMO_PREFIX)
VERSION = 2
DOMAIN = b"StationDesk voucher token v1\x00"
DEMO_DOMAIN = b"StationDesk DEMO voucher token v1\x00"
NONCE_BYTES = 10  # 80 bits; 10 keeps the token a whole number of Base32 groups
# version -> the payload's layout; the common fields come first in both.
_LAYOUTS = {1: struct.Struct(">BH8sIHHHBI"), 2: struct.Struct(f">BH8sIHHHBI{NONCE_BYTES}s")}
PAYLOAD_BYTES = _LAYOUTS[VERSION].size  # 36
SIGNATURE_BYTES = 64


def _token_length(payload_bytes: int) -> int:
    return len(PREFIX) + (payload_bytes + SIGNATURE_BYTES) * 8 // 5


TOKEN_LENGTH = _token_length(PAYLOAD_BYTES)  # 163
_VERSION_OF_LENGTH = {_token_length(layout.size): v for v, layout in _LAYOUTS.items()}
_EPOCH = dt.date(2000, 1, 1)
_ALPHABET = re.compile(r"[A-Z2-7]*")
STATION_CODE = re.compile(r"[A-Z0-9]{2,8}")


class Scope(IntEnum):
    ANY = 0  # any partner merchant or the points store
    MERCHANT = 1  # one named merchant
    STORE = 2  # the station's own points store

    @property
    def code(self) -> str:
        return self.name.lower()

    @classmethod
    def from_code(cls, code: str) -> Scope:
        return cls[code.upper()]


@dataclass(frozen=True)
class Payload:
    key_id: int
    station: str
    seq: int
    points: int
    issue_date: dt.date
    expiry_date: dt.date
    scope: Scope
    merchant_id: int = 0
    nonce: bytes = b""  # empty only in a version 1 token
    version: int = VERSION
    demo: bool = False  # signed under DEMO_DOMAIN, written behind DEMO_PREFIX

    @property
    def serial(self) -> str:
        return format_serial(self.station, self.issue_date.year, self.seq)

    def pack(self) -> bytes:
        fields = [
            self.version, self.key_id, self.station.encode("ascii").ljust(8, b"\0"), self.seq,
            self.points, (self.issue_date - _EPOCH).days, (self.expiry_date - _EPOCH).days,
            int(self.scope), self.merchant_id,
        ]
        if self.version >= 2:
            fields.append(self.nonce)
        return _LAYOUTS[self.version].pack(*fields)


def new_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


def format_serial(station: str, year: int, seq: int) -> str:
    return f"{station}-{year}-{seq:06d}"


class TokenError(Exception):
    """A token that is not even well-formed; ``reason`` is one of REASONS."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def sign(payload: Payload, key: Ed25519PrivateKey) -> str:
    body = payload.pack()
    signature = key.sign((DEMO_DOMAIN if payload.demo else DOMAIN) + body)
    prefix = DEMO_PREFIX if payload.demo else PREFIX
    return prefix + base64.b32encode(body + signature).decode("ascii")


def is_demo(token: str) -> bool:
    """A demo station's voucher (its prefix; the signature holds it to that)."""
    return token.startswith(DEMO_PREFIX)


def check_code(token: str) -> str:
    """Four characters printed beside the serial, so a damaged code can be typed in."""
    digest = hashlib.sha256(token.encode("ascii")).digest()
    return base64.b32encode(digest).decode("ascii")[:4]


def parse(token: str) -> tuple[Payload, bytes, bytes]:
    """Split a token into its payload, the signed bytes and the signature, or refuse it."""
    demo = is_demo(token)
    if not token.startswith(PREFIX) and not demo:
        raise TokenError("bad_prefix")
    body = token[len(PREFIX):]
    if not _ALPHABET.fullmatch(body):
        raise TokenError("bad_alphabet")
    expected_version = _VERSION_OF_LENGTH.get(len(token))
    if expected_version is None:
        raise TokenError("bad_length")
    raw = base64.b32decode(body)
    layout = _LAYOUTS[expected_version]
    payload_bytes, signature = raw[:layout.size], raw[layout.size:]
    (version, key_id, station_raw, seq, points, issue_day, expiry_day, scope_raw,
     merchant_id, *rest) = layout.unpack(payload_bytes)
    if version != expected_version:
        raise TokenError("bad_version")
    station = station_raw.rstrip(b"\0")
    # Anything but a well-formed field cannot come from a genuine signer: refuse before
    # the key look-up so nothing malformed reaches later code.
    if (not STATION_CODE.fullmatch(station.decode("ascii", "replace"))
            or station_raw[len(station):].strip(b"\0")
            or scope_raw not in Scope._value2member_map_
            or points == 0):
        raise TokenError("bad_signature")
    payload = Payload(
        key_id=key_id,
        station=station.decode("ascii"),
        seq=seq,
        points=points,
        issue_date=_EPOCH + dt.timedelta(days=issue_day),
        expiry_date=_EPOCH + dt.timedelta(days=expiry_day),
        scope=Scope(scope_raw),
        merchant_id=merchant_id,
        nonce=rest[0] if rest else b"",
        version=version,
        demo=demo,
    )
    return payload, (DEMO_DOMAIN if demo else DOMAIN) + payload_bytes, signature


def signature_valid(public_key: bytes, signed: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, signed)
    except InvalidSignature:
        return False
    return True


# reason -> (Chinese, English); the order here is the order of the checks.
REASONS: dict[str, tuple[str, str]] = {
    "bad_prefix": ("这不是本系统的兑换券二维码。", "not a StationDesk voucher code."),
    "bad_alphabet": (
        "二维码内容含有非法字符（扫码枪可能处于中文输入法或大小写锁定，请切换后重扫）。",
        "the code contains characters it cannot have (check the scanner's input mode).",
    ),
    "bad_length": ("二维码内容不完整或多了字符，请重扫。", "the code is incomplete or too long."),
    "bad_version": ("兑换券版本不受支持。", "unsupported voucher version."),
    "demo_voucher": ("这是演示数据的样券（SPECIMEN），不是真券，不能兑换。",
                     "a demo voucher (specimen), not a real one: it cannot be redeemed."),
    "not_demo": ("这是正式兑换券，本站是演示站点，不能在此核销。",
                 "a real voucher; this is a demo station and cannot redeem it."),
    "unknown_key": ("签名密钥未知，不是本站签发的兑换券。", "signed with an unknown key."),
    "revoked_key": ("签发此券的密钥已吊销，券已失效。", "its signing key was revoked."),
    "key_not_valid": ("签发日期不在密钥有效期内。", "issued outside its key's validity."),
    "bad_signature": ("签名不符：兑换券是伪造的或被改动过。", "forged or altered."),
    "expired": ("兑换券已过期（有效期至 {expiry}）。", "expired on {expiry}."),
    "not_yet_valid": ("兑换券尚未生效（签发日 {issued}）。", "not valid before {issued}."),
    "wrong_scope": ("此券限 {scope} 使用。", "valid only at {scope_en}."),
    "foreign_station": ("这是 {station} 站的兑换券，不能在本站核销。",
                        "issued by station {station}; redeem it there."),
    "unknown_serial": ("本站没有编号为 {serial} 的兑换券记录。", "no voucher {serial} on record."),
    "superseded": ("此券不属于本站当前记录（编号 {serial} 的记录是另一张券），"
                   "不能核销，请交管理员核查。",
                   "it does not match the station's current record of {serial} (superseded); "
                   "refer it to an administrator."),
    "redeemed": ("已于 {at} 在 {where} 由 {by} 核销，不能重复使用。",
                 "already redeemed on {at} at {where_en} by {by}; it cannot be used again."),
    "voided": ("已于 {at} 作废（{reason}）。", "voided on {at} ({reason})."),
    "expired_resolved": ("已过期并于 {at} 结清。", "closed on {at} after it expired."),
    "check_code": ("校验码不符，请核对券面上的编号和校验码。", "the check code does not match."),
}
