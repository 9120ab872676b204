"""Spending and closing vouchers: verification of a scanned token in a fixed fail-closed
order, single redemption enforced by the database, voiding with a refund, and expiry. Each
voucher is resolved exactly once (``VoucherResolution.voucher`` is UNIQUE), and every
resolution is also written to the journal outside the database."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import peewee as pw

from app.models import Merchant, Voucher, VoucherResolution
from app.models.station import station_code
from app.services import (
    audit,
    journal,
    keys,
    ledger,
    merchants,
    operations,
    seal,
    station,
    text,
    tokens,
)
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    MerchantNotFound,
    ReasonRequired,
    VoucherAlreadyResolved,
    VoucherNotFound,
    VoucherRejected,
)
from app.services.permissions import require
from app.services.tokens import Scope

# The station's own points store, where a voucher without a merchant is spent.
STORE_ZH, STORE_EN = "本站积分超市", "the station's points store"


@dataclass(frozen=True)
class Verdict:
    """What the desk shows for a scanned voucher: genuine and redeemable, or why not."""

    ok: bool
    reason: str  # "ok" or a key of tokens.REASONS
    message_zh: str
    message_en: str
    serial: str = ""
    points: int = 0
    holder: str = ""
    expiry_date: str = ""
    scope: str = ""


def _verdict(reason: str, payload: tokens.Payload | None = None, holder: str = "", /,
             **data: object) -> Verdict:
    # Positional-only: the "voided" message has a {reason} of its own (the void reason),
    # which must land in ``data`` rather than collide with the verdict's reason key.
    if reason == "ok":
        zh, en = "真券，可以核销。", "genuine and redeemable."
    else:
        zh_t, en_t = tokens.REASONS[reason]
        zh, en = zh_t.format(**data), en_t.format(**data)
    if payload is None:
        return Verdict(reason == "ok", reason, zh, en)
    return Verdict(reason == "ok", reason, zh, en, payload.serial, payload.points, holder,
                   str(payload.expiry_date), payload.scope.code)


def _scope_names(payload: tokens.Payload) -> tuple[str, str]:
    """Where the voucher may be spent, in Chinese and in English."""
    if payload.scope == Scope.STORE:
        return STORE_ZH, STORE_EN
    merchant = Merchant.get_or_none(Merchant.id == payload.merchant_id)
    if merchant is None:
        return f"商户 {payload.merchant_id}", f"merchant {payload.merchant_id}"
    return merchant.name, merchant.name


def _resolution_verdict(res: VoucherResolution, payload: tokens.Payload, holder: str) -> Verdict:
    at = res.at.strftime("%Y-%m-%d %H:%M") if hasattr(res.at, "strftime") else str(res.at)
    if res.kind == "redeemed":
        where, where_en = (res.merchant.name,) * 2 if res.merchant_id else (STORE_ZH, STORE_EN)
        clerk = res.clerk.display_name if res.clerk_id else "—"
        return _verdict("redeemed", payload, holder, at=at, where=where, where_en=where_en,
                        by=clerk)
    if res.kind == "voided":
        return _verdict("voided", payload, holder, at=at, reason=res.reason)
    return _verdict("expired_resolved", payload, holder, at=at)


def verify(ctx: Context, token: str, merchant: str | None = None) -> Verdict:
    """Check a scanned token in the fixed fail-closed order; nothing is written.

    ``merchant``: where it is presented (None: the station's own points store).
    """
    try:
        payload, signed, signature = tokens.parse(token)
    except tokens.TokenError as exc:
        return _verdict(exc.reason)
    if payload.demo != station.is_demo():
        return _verdict("demo_voucher" if payload.demo else "not_demo")
    key = keys.keyring().get(payload.key_id)
    if key is None:
        return _verdict("unknown_key")
    if key.revoked:
        return _verdict("revoked_key")
    if payload.issue_date < key.valid_from or (key.retired_on and payload.issue_date >
                                                key.retired_on):
        return _verdict("key_not_valid")
    if not tokens.signature_valid(key.public_key, signed, signature):
        return _verdict("bad_signature")
    today = ctx.clock.today()
    if payload.expiry_date < today:
        return _verdict("expired", payload, expiry=payload.expiry_date)
    if payload.issue_date > today:
        return _verdict("not_yet_valid", payload, issued=payload.issue_date)
    shop = Merchant.get_or_none(Merchant.name == merchant) if merchant else None
    if merchant and shop is None:
        raise MerchantNotFound(name=merchant)
    if (payload.scope == Scope.STORE and shop is not None) or (
            payload.scope == Scope.MERCHANT and (shop is None or shop.id != payload.merchant_id)):
        scope, scope_en = _scope_names(payload)
        return _verdict("wrong_scope", payload, scope=scope, scope_en=scope_en)
    if payload.station != station_code():
        return _verdict("foreign_station", payload, station=payload.station)
    voucher = Voucher.get_or_none(Voucher.serial == payload.serial)
    if voucher is None:
        return _verdict("unknown_serial", payload, serial=payload.serial)
    if voucher.token != token or (voucher.nonce or "") != payload.nonce.hex():
        return _verdict("superseded", payload, serial=payload.serial)
    holder = voucher.resident.name
    res = VoucherResolution.get_or_none(VoucherResolution.voucher == voucher.id)
    if res is not None:
        return _resolution_verdict(res, payload, holder)
    return _verdict("ok", payload, holder)


def token_for(serial: str, check_code: str) -> str:
    """The token of a voucher whose code is damaged, from its printed serial and check code."""
    voucher = Voucher.get_or_none(Voucher.serial == serial.strip().upper())
    if voucher is None:
        raise VoucherNotFound(serial=serial)
    if voucher.check_code != check_code.strip().upper():
        zh, en = tokens.REASONS["check_code"]
        raise VoucherRejected(reason_zh=zh, reason_en=en)
    return voucher.token


def _resolve(ctx: Context, voucher: Voucher, kind: str, rid: str, shop: Merchant | None = None,
             reason: str = "") -> dict:
    """Record how a voucher was resolved; returns its journal line (the caller appends)."""
    res = seal.create(ctx.keys_dir, VoucherResolution, voucher=voucher, kind=kind,
                      at=ctx.clock.now(), clerk=ctx.actor.clerk_id, merchant=shop, reason=reason,
                      request_id=rid)
    return journal.resolved(voucher.serial, kind, res.at, ctx.actor.username,
                            shop.name if shop else None, reason, rid)


@dataclass(frozen=True)
class RedeemResult:
    serial: str
    points: int
    holder: str
    where: str
    at: str
    where_en: str = ""  # results recorded before English names were kept have none

    @property
    def changes(self) -> Changes:
        return Changes(vouchers=True)  # the points left the balance when it was issued


@dataclass(frozen=True)
class VoidResult:
    serial: str
    points: int  # refunded to the holder
    resident_id: int
    balance: int

    def as_dict(self) -> dict:
        return asdict(self)  # what the command line prints

    @property
    def changes(self) -> Changes:
        return Changes.of_residents([self.resident_id], ledger=True, vouchers=True)


@dataclass(frozen=True)
class Expired:
    """Vouchers closed past their validity (their points are not refunded)."""

    count: int
    points: int

    def as_dict(self) -> dict:
        return asdict(self)  # what the command line prints

    @property
    def changes(self) -> Changes:
        return Changes(vouchers=True)


def redeem(ctx: Context, token: str, merchant: str | None = None,
           request_id: str | None = None) -> RedeemResult:
    """Redeem a scanned voucher once; a second attempt says when, where and by whom."""
    require(ctx, "voucher.redeem")

    def body(rid: str) -> dict:
        verdict = verify(ctx, token, merchant)
        if not verdict.ok:
            if verdict.reason in ("redeemed", "voided", "expired_resolved"):
                raise VoucherAlreadyResolved(serial=verdict.serial, what_zh=verdict.message_zh,
                                             what_en=verdict.message_en)
            raise VoucherRejected(reason_zh=verdict.message_zh, reason_en=verdict.message_en)
        voucher = Voucher.get(Voucher.serial == verdict.serial)
        shop = merchants.find(merchant)
        now = ctx.clock.now()
        # The UNIQUE voucher column makes a second insert fail even if two desks race.
        journal.append(ctx.data_dir, [_resolve(ctx, voucher, "redeemed", rid, shop)])
        where, where_en = (shop.name,) * 2 if shop else (STORE_ZH, STORE_EN)
        audit.record(ctx, "voucher.redeem", voucher.serial, {"where": where})
        return {"serial": voucher.serial, "points": voucher.points, "holder": verdict.holder,
                "where": where, "where_en": where_en, "at": now.strftime("%Y-%m-%d %H:%M:%S")}

    # The dedupe key is the signed serial (inside the verified token), never the QR text:
    # two encodings of one voucher cannot both pass verification anyway.
    try:
        result, _ = operations.run(ctx, "voucher.redeem", request_id,
                                   {"token": token, "merchant": merchant}, body)
    except pw.IntegrityError:
        payload, _, _ = tokens.parse(token)
        raise VoucherAlreadyResolved(serial=payload.serial, what_zh="刚刚已被核销。",
                                     what_en="just redeemed at another desk.") from None
    return RedeemResult(**result)


def void(ctx: Context, serial: str, reason: str, request_id: str | None = None) -> VoidResult:
    """Void an unresolved voucher (admin, with a reason): its points go back to the holder."""
    require(ctx, "voucher.void")
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
        raise ReasonRequired()

    def body(rid: str) -> dict:
        voucher = Voucher.get_or_none(Voucher.serial == serial.strip().upper())
        if voucher is None:
            raise VoucherNotFound(serial=serial)
        res = VoucherResolution.get_or_none(VoucherResolution.voucher == voucher.id)
        if res is not None:
            payload, _, _ = tokens.parse(voucher.token)
            v = _resolution_verdict(res, payload, voucher.resident.name)
            raise VoucherAlreadyResolved(serial=voucher.serial, what_zh=v.message_zh,
                                         what_en=v.message_en)
        if voucher.expiry_date < ctx.clock.today():
            # Its points expired with it: a void now would refund them after the clearing.
            raise VoucherAlreadyResolved(
                serial=voucher.serial, what_zh=f"已于 {voucher.expiry_date} 过期，不能作废退分。",
                what_en=f"valid until {voucher.expiry_date} only; it cannot be voided for a "
                        "refund now.")
        balance = void_and_refund(ctx, voucher, reason, rid)
        return {"serial": voucher.serial, "points": voucher.points,
                "resident_id": voucher.resident_id, "balance": balance}

    result, _ = operations.run(ctx, "voucher.void", request_id,
                               {"serial": serial, "reason": reason}, body)
    return VoidResult(**result)


def void_and_refund(ctx: Context, voucher: Voucher, reason: str, rid: str) -> int:
    """Resolve an unresolved voucher as voided and give its points back to its holder;
    call inside the operation's transaction. Returns the holder's new balance."""
    journal.append(ctx.data_dir, [_resolve(ctx, voucher, "voided", rid, reason=reason)])
    entry = ledger.post(ctx, voucher.resident_id, "refund", voucher.points, rid,
                        voucher_serial=voucher.serial, reason=reason)
    audit.record(ctx, "voucher.void", voucher.serial, {"reason": reason})
    return entry.balance_after


def expire(ctx: Context, request_id: str | None = None) -> Expired:
    """Close every unresolved voucher past its validity (no refund: year-end clearing)."""
    require(ctx, "voucher.expire")
    today = ctx.clock.today()

    def body(rid: str) -> dict:
        resolved = VoucherResolution.select(VoucherResolution.voucher)
        stale = list(Voucher.select().where(Voucher.expiry_date < today,
                                            Voucher.id.not_in(resolved)))
        if stale:
            journal.append(ctx.data_dir, [_resolve(ctx, v, "expired", rid) for v in stale])
        audit.record(ctx, "voucher.expire", str(today), {"count": len(stale)})
        return {"count": len(stale), "points": sum(v.points for v in stale)}

    result, _ = operations.run(ctx, "voucher.expire", request_id, {"today": str(today)}, body)
    return Expired(**result)
