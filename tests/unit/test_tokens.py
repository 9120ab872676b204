"""Signed voucher tokens under attack: every bit flip, truncation, extension, case
change, wrong prefix or alphabet, foreign key, bad dates, scope and station; each
refused with its own reason, and random garbage never accepted and never crashing."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services import keys, redemption, tokens, vouchers
from app.services.errors import VoucherRejected
from app.services.tokens import Payload, Scope

TODAY = dt.date(2026, 11, 23)
YEAR_END = dt.date(2026, 12, 31)
# Byte offsets in the payload (">BH8sIHHHBI10s"): version 0, key id 1-2, station 3-10,
# sequence 11-14, points 15-16, issue day 17-18, expiry day 19-20, scope 21, merchant 22-25,
# nonce 26-35.
EXPECTED_BY_BYTE = {0: {"bad_version"}, 1: {"unknown_key"}, 2: {"unknown_key"},
                    17: {"key_not_valid", "bad_signature"},
                    18: {"key_not_valid", "bad_signature"}}
ALLOWED = {"bad_version", "unknown_key", "key_not_valid", "bad_signature"}


@pytest.fixture
def issued(ctx, resident, give):
    """One genuine, unredeemed 20-point voucher."""
    give(resident.id, 20)
    return vouchers.issue(ctx, resident.id, 20).vouchers[0]


@pytest.fixture
def signer(ctx):
    """The station's own private key, to make tokens that are genuine but wrong."""
    return keys.private_key(ctx, keys.active_key())


def raw_of(token: str) -> bytes:
    return base64.b32decode(token[len(tokens.PREFIX):])


def token_of(raw: bytes) -> str:
    return tokens.PREFIX + base64.b32encode(raw).decode("ascii")


def test_genuine_token_shape(issued):
    """A token is SDV + 160 Base32 characters: 100 bytes, payload and signature."""
    assert len(issued.token) == tokens.TOKEN_LENGTH == 163
    assert len(raw_of(issued.token)) == tokens.PAYLOAD_BYTES + tokens.SIGNATURE_BYTES == 100
    payload, _, _ = tokens.parse(issued.token)
    assert (payload.serial, payload.points, payload.scope) == (issued.serial, 20, Scope.ANY)


def test_every_single_bit_flip_is_refused(ctx, issued):
    """Each of the 800 one-bit changes is refused, with the reason its field implies."""
    raw = raw_of(issued.token)
    assert redemption.verify(ctx, issued.token).ok
    for bit in range(len(raw) * 8):
        mutated = bytearray(raw)
        mutated[bit // 8] ^= 1 << (bit % 8)
        verdict = redemption.verify(ctx, token_of(bytes(mutated)))
        assert not verdict.ok, bit
        assert verdict.reason in EXPECTED_BY_BYTE.get(bit // 8, {"bad_signature"}), bit
        assert verdict.reason in ALLOWED


@pytest.mark.parametrize("cut", [1, 2, 8, 100])
def test_truncated_token(ctx, issued, cut):
    """A token missing characters at the end is refused as bad_length."""
    assert redemption.verify(ctx, issued.token[:-cut]).reason == "bad_length"


@pytest.mark.parametrize("extra", ["A", "AAAAAAAA", "SDV"])
def test_extended_token(ctx, issued, extra):
    """Extra characters after a token are refused as bad_length, not ignored."""
    assert redemption.verify(ctx, issued.token + extra).reason == "bad_length"


def test_case_is_not_folded(ctx, issued):
    """Lower case (caps lock, input method) is refused; nothing is case-folded."""
    assert redemption.verify(ctx, issued.token.lower()).reason == "bad_prefix"
    body = issued.token[3:]
    assert redemption.verify(ctx, "SDV" + body.lower()).reason == "bad_alphabet"
    assert redemption.verify(ctx, "SDV" + body[:10] + body[10].lower() + body[11:]).reason == \
        "bad_alphabet"


@pytest.mark.parametrize("prefix", ["SDX", "SD", "", "XSDV", " SDV"])
def test_wrong_prefix(ctx, issued, prefix):
    """Anything not starting with exactly SDV is not a voucher code."""
    assert redemption.verify(ctx, prefix + issued.token[3:]).reason == "bad_prefix"


@pytest.mark.parametrize("char", ["0", "1", "8", "9", "=", " ", "-", "Ａ", "\n", "é"])
def test_characters_outside_base32(ctx, issued, char):
    """Any character outside A–Z and 2–7, even a trailing newline, is bad_alphabet."""
    token = issued.token
    assert redemption.verify(ctx, token[:40] + char + token[41:]).reason == "bad_alphabet"
    assert redemption.verify(ctx, token + char).reason == "bad_alphabet"


def test_unsupported_version(ctx, issued):
    """A well-formed token of another version is refused before any key look-up."""
    raw = bytearray(raw_of(issued.token))
    for version in (0, 1, 3, 255):
        raw[0] = version
        assert redemption.verify(ctx, token_of(bytes(raw))).reason == "bad_version"


def test_same_key_id_other_key_is_bad_signature(ctx, issued):
    """A token re-signed by another key claiming the station's key id is forged."""
    payload, _, _ = tokens.parse(issued.token)
    forged = tokens.sign(payload, Ed25519PrivateKey.generate())
    assert forged != issued.token
    assert redemption.verify(ctx, forged).reason == "bad_signature"


def test_unknown_key_id(ctx, signer):
    """A key id the station never had is refused as unknown_key."""
    token = tokens.sign(Payload(9, "XH01", 1, 5, TODAY, YEAR_END, Scope.ANY), signer)
    assert redemption.verify(ctx, token).reason == "unknown_key"


def test_expired_token(ctx, signer, clock):
    """A genuine signature does not save a token past its expiry day."""
    token = tokens.sign(Payload(1, "XH01", 1, 5, TODAY, TODAY, Scope.ANY), signer)
    clock.advance(days=1)
    verdict = redemption.verify(ctx, token)
    assert verdict.reason == "expired" and "2026-11-23" in verdict.message_en


def test_not_yet_valid_token(ctx, signer):
    """A token issued tomorrow is not valid today."""
    token = tokens.sign(Payload(1, "XH01", 1, 5, TODAY + dt.timedelta(1), YEAR_END, Scope.ANY),
                        signer)
    assert redemption.verify(ctx, token).reason == "not_yet_valid"


def test_wrong_scope_token(ctx, signer, merchant):
    """A token for merchant 42 is refused at the store and at another merchant."""
    token = tokens.sign(Payload(1, "XH01", 1, 5, TODAY, YEAR_END, Scope.MERCHANT, 42), signer)
    assert redemption.verify(ctx, token).reason == "wrong_scope"
    assert redemption.verify(ctx, token, merchant).reason == "wrong_scope"


def test_foreign_station_token(ctx, signer):
    """A genuine token naming another station is refused as foreign_station."""
    token = tokens.sign(Payload(1, "XH02", 1, 5, TODAY, YEAR_END, Scope.ANY), signer)
    verdict = redemption.verify(ctx, token)
    assert verdict.reason == "foreign_station" and "XH02" in verdict.message_zh


def test_unknown_serial_token(ctx, signer, issued):
    """A correctly signed token for a serial never issued is unknown_serial."""
    token = tokens.sign(Payload(1, "XH01", 999, 5, TODAY, YEAR_END, Scope.ANY), signer)
    assert redemption.verify(ctx, token).reason == "unknown_serial"


def test_every_reason_has_both_messages():
    """Each refusal reason has a Chinese and an English message for the desk."""
    for reason, (zh, en) in tokens.REASONS.items():
        assert zh and en, reason


_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@st.composite
def hostile_tokens(draw: st.DrawFn, genuine: str) -> str:
    """Random text, random well-formed tokens, and a genuine token with random edits."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.text(max_size=200))
    if kind == 1:
        return "SDV" + draw(st.text(alphabet=_BASE32, min_size=144, max_size=144))
    if kind == 2:
        return "SDV" + draw(st.text(alphabet=_BASE32 + "018=", min_size=140, max_size=150))
    token = list(genuine)
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(3, len(token) - 1))
        token[pos] = draw(st.sampled_from(_BASE32 + "a0 "))
    text = "".join(token)
    if text == genuine:  # an edit that put back the same character
        text = text[:-1] + ("A" if text[-1] != "A" else "B")
    return text


def test_hostile_input_never_accepted_never_crashes(ctx, issued):
    """1,000+ random strings and mutations: never accepted, always a known reason."""
    seen = []

    @settings(max_examples=1000, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(hostile_tokens(issued.token))
    def attack(token: str) -> None:
        seen.append(token)
        verdict = redemption.verify(ctx, token)
        assert not verdict.ok
        assert verdict.reason in tokens.REASONS

    attack()
    assert len(seen) >= 1000
    assert redemption.verify(ctx, issued.token).ok


def test_hostile_input_is_never_redeemed(ctx, issued, counts):
    """Redeeming garbage raises a clerk-readable refusal and writes nothing."""
    before = counts()

    @settings(max_examples=100, deadline=None, database=None)
    @given(hostile_tokens(issued.token))
    def attack(token: str) -> None:
        with pytest.raises(VoucherRejected):
            redemption.redeem(ctx, token)

    attack()
    assert counts() == before


def test_tokens_carry_a_random_nonce_stored_with_the_voucher(ctx, resident, give):
    """Two vouchers with the same fields never share a token: each carries 80 random bits,
    which are stored with the voucher."""
    give(resident.id, 10)
    a, b = vouchers.issue(ctx, resident.id, 10, denominations=[5, 5]).vouchers
    pa, pb = tokens.parse(a.token)[0], tokens.parse(b.token)[0]
    assert len(pa.nonce) == tokens.NONCE_BYTES >= 8 and pa.nonce != pb.nonce
    from app.models import Voucher
    assert Voucher.get(Voucher.serial == a.serial).nonce == pa.nonce.hex()


def test_a_genuine_token_of_a_superseded_voucher_is_refused(ctx, signer, issued):
    """A token signed by the station for the same serial but not the voucher on record
    (the serial was issued again after a restore, or on a copied data directory) is
    refused with its own reason, even though its signature is genuine."""
    payload, _, _ = tokens.parse(issued.token)
    other = Payload(payload.key_id, payload.station, payload.seq, payload.points,
                    payload.issue_date, payload.expiry_date, payload.scope, 0,
                    tokens.new_nonce())
    verdict = redemption.verify(ctx, tokens.sign(other, signer))
    assert (verdict.reason, verdict.ok) == ("superseded", False)
    assert "此券不属于本站当前记录" in verdict.message_zh and issued.serial in verdict.message_en
    with pytest.raises(VoucherRejected):
        redemption.redeem(ctx, tokens.sign(other, signer))
    assert redemption.verify(ctx, issued.token).ok


def test_version_1_tokens_already_printed_keep_working(ctx, signer, resident, give):
    """A voucher printed before nonces existed (a 147-character version 1 token, no nonce
    on record) still verifies and redeems once; a v1 token of another voucher with the
    same serial is superseded."""
    from app.models import Voucher
    from app.services import seal

    give(resident.id, 20)
    new = vouchers.issue(ctx, resident.id, 20).vouchers[0]
    legacy = Payload(1, "XH01", 900, 20, TODAY, YEAR_END, Scope.ANY, version=1)
    token = tokens.sign(legacy, signer)
    assert len(token) == 147
    template = Voucher.get(Voucher.serial == new.serial)
    seal.create(ctx.keys_dir, Voucher, serial=legacy.serial, year=2026, seq=900,
                resident=resident.id, points=20, issue_date=TODAY, expiry_date=YEAR_END,
                scope="any", merchant=None, key_id=1, token=token, nonce=None,
                check_code=tokens.check_code(token), issue_uid="legacy",
                clerk=template.clerk_id, created_at=template.created_at)
    assert redemption.verify(ctx, token).ok
    twin = tokens.sign(Payload(1, "XH01", 900, 20, TODAY, dt.date(2026, 12, 30), Scope.ANY,
                               version=1), signer)
    assert redemption.verify(ctx, twin).reason == "superseded"
    assert redemption.redeem(ctx, token).serial == legacy.serial
    assert redemption.verify(ctx, token).reason == "redeemed"
