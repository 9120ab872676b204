"""Vouchers: issuing (points reserved in the same transaction), verification in a fixed
fail-closed order, single redemption enforced by the database, voiding with a refund,
and expiry. Each voucher is resolved exactly once (``VoucherResolution.voucher`` is
UNIQUE)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import asdict, dataclass, field

import peewee as pw

from app.models import (
    Clerk,
    Merchant,
    Resident,
    SerialFloor,
    Station,
    Voucher,
    VoucherPrint,
    VoucherResolution,
    write_transaction,
)
from app.models.station import station_code
from app.services import (
    audit,
    journal,
    keys,
    ledger,
    operations,
    placement,
    residents,
    seal,
    text,
    tokens,
)
from app.services import station as station_service
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    BelowMinimum,
    InsufficientPoints,
    InvalidDenominations,
    InvalidInput,
    MerchantNotFound,
    ReasonRequired,
    VoucherAlreadyResolved,
    VoucherNotFound,
    VoucherRejected,
)
from app.services.permissions import require
from app.services.tokens import Scope

MAX_VOUCHERS = 40
MAX_FACE_VALUE = 10000
MAX_VALID_YEARS = 10


def split(points: int, denominations: tuple[int, ...]) -> list[int]:
    """Greedy split into the station's denominations (which include 1)."""
    out: list[int] = []
    for d in sorted(denominations, reverse=True):
        while points >= d:
            out.append(d)
            points -= d
    return out


def parse_faces(typed: str) -> list[int]:
    """Face values as a clerk or a script types them: ``50+5+1``, ``50,5,1``, ``50 5 1``
    → [50, 5, 1], in ASCII or full-width digits; a clear refusal for anything else."""
    try:
        return [text.whole_number(part)
                for part in re.split(r"[\s,，+＋、]+", typed.strip()) if part]
    except ValueError:
        raise InvalidInput(what="面额应写成 20,20,10 或 20+20+10 的形式（数字）。",
                           what_en="Write face values as 20,20,10 or 20+20+10.") from None


def valid_until(issue_date: dt.date, policy: str) -> dt.date:
    if policy.startswith("days:"):
        return issue_date + dt.timedelta(days=int(policy[5:]))
    return issue_date.replace(month=12, day=31)


def _merchant(name: str | None) -> Merchant | None:
    if not name:
        return None
    merchant = Merchant.get_or_none(Merchant.name == name.strip())
    if merchant is None or not merchant.active:
        raise MerchantNotFound(name=name)
    return merchant


def last_seq(year: int) -> int:
    """The highest serial number this desk gave out in ``year``, within its block
    (``placement.serial_block``; one below it when none): by a voucher on record, or by the
    station before a restore replaced its data (a floor). The next voucher goes above it."""
    lo, hi = placement.serial_block()
    on_record = (Voucher.select(pw.fn.MAX(Voucher.seq))
                 .where((Voucher.year == year) & Voucher.seq.between(lo, hi)).scalar())
    floor = (SerialFloor.select(pw.fn.MAX(SerialFloor.floor))
             .where((SerialFloor.year == year) & SerialFloor.floor.between(lo, hi)))
    return max(on_record or lo - 1, floor.scalar() or lo - 1)


@dataclass(frozen=True)
class IssuedVoucher:
    serial: str
    points: int
    token: str
    check_code: str
    issue_date: str
    expiry_date: str
    scope: str
    merchant: str | None


@dataclass(frozen=True)
class IssueResult:
    resident_id: int
    name: str
    points: int
    balance: int
    vouchers: tuple[IssuedVoucher, ...] = field(default_factory=tuple)
    issue_uid: str = ""  # the issuing operation: vouchers_of_issue(issue_uid) finds them

    @property
    def changes(self) -> Changes:
        return Changes.of_residents([self.resident_id], ledger=True, vouchers=True)


def issue(ctx: Context, resident_id: int, points: int, denominations: list[int] | None = None,
          scope: str = "any", merchant: str | None = None, expiry: dt.date | None = None,
          request_id: str | None = None) -> IssueResult:
    """Turn ``points`` of a resident's balance into signed vouchers."""
    require(ctx, "voucher.issue")
    info = station_service.current()
    if not isinstance(points, int) or points <= 0:
        raise InvalidInput(what="兑换分值须为正整数。", what_en="Points: a positive whole number.")
    if points < info.min_issue_points:
        raise BelowMinimum(minimum=info.min_issue_points)
    if points > MAX_VOUCHERS * MAX_FACE_VALUE:
        # Refused before splitting: a mistyped 10^20 must not build a list that size.
        raise InvalidDenominations(points=points, total=0)
    faces = list(denominations) if denominations else split(points, info.denominations)
    if (any(not isinstance(f, int) or f <= 0 or f > MAX_FACE_VALUE for f in faces)
            or sum(faces) != points or len(faces) > MAX_VOUCHERS):
        raise InvalidDenominations(points=points, total=sum(f for f in faces
                                                             if isinstance(f, int)))
    try:
        scope_value = Scope.from_code(scope)
    except KeyError:
        raise InvalidInput(what="使用范围须为 any / merchant / store。",
                           what_en="Scope is any, merchant or store.") from None
    if (scope_value == Scope.MERCHANT) != bool(merchant):
        raise InvalidInput(what="限定商户时须指定商户；其他范围不能指定商户。",
                           what_en="Name a merchant exactly when the scope is merchant.")
    today = ctx.clock.today()
    expiry_date = expiry or valid_until(today, info.voucher_validity)
    if not today <= expiry_date <= today.replace(year=today.year + MAX_VALID_YEARS):
        raise InvalidInput(what=f"有效期须在今天到 {MAX_VALID_YEARS} 年之内。",
                           what_en=f"Validity must end between today and {MAX_VALID_YEARS} years.")
    # The caller's own arguments: a retry after midnight or after a settings change
    # must still be recognised as the same request.
    params = {"resident": resident_id, "points": points, "faces": denominations, "scope": scope,
              "merchant": merchant, "expiry": str(expiry) if expiry else None}

    def body(rid: str) -> dict:
        resident = residents.load(resident_id, active=True)
        if resident.balance < points:
            raise InsufficientPoints(balance=resident.balance, requested=points)
        shop = _merchant(merchant)
        key = keys.active_key()
        signer = keys.private_key(ctx, key)
        station = Station.get()
        last = last_seq(today.year)
        placement.ensure_room(today.year, last, len(faces))
        issued, events = [], []
        for n, face in enumerate(faces, start=1):
            nonce = tokens.new_nonce()
            payload = tokens.Payload(key.key_id, station.code, last + n, face, today,
                                     expiry_date, scope_value, shop.id if shop else 0, nonce)
            token = tokens.sign(payload, signer)
            voucher = seal.create(
                ctx.keys_dir, Voucher, serial=payload.serial, year=today.year, seq=last + n,
                resident=resident, points=face, issue_date=today, expiry_date=expiry_date,
                scope=scope_value.code, merchant=shop, key_id=key.key_id, token=token,
                nonce=nonce.hex(), check_code=tokens.check_code(token), issue_uid=rid,
                clerk=ctx.actor.clerk_id, created_at=ctx.clock.now())
            entry = ledger.post(ctx, resident.id, "issue", -face, rid,
                                voucher_serial=voucher.serial)
            issued.append(IssuedVoucher(voucher.serial, face, token, voucher.check_code,
                                        str(today), str(expiry_date), scope_value.code,
                                        shop.name if shop else None))
            events.append(journal.issued(voucher.serial, today.year, last + n, voucher.nonce,
                                         face, voucher.created_at))
        journal.append(ctx.data_dir, events)
        audit.record(ctx, "voucher.issue", resident.uid,
                     {"points": points, "serials": [v.serial for v in issued]})
        return {"resident_id": resident.id, "name": resident.name, "points": points,
                "balance": entry.balance_after, "vouchers": [asdict(v) for v in issued],
                "issue_uid": rid}

    result, _ = operations.run(ctx, "voucher.issue", request_id, params, body)
    return IssueResult(**{**result,
                          "vouchers": tuple(IssuedVoucher(**v) for v in result["vouchers"])})


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


def _scope_name(payload: tokens.Payload) -> str:
    if payload.scope == Scope.STORE:
        return "本站积分超市"
    merchant = Merchant.get_or_none(Merchant.id == payload.merchant_id)
    return merchant.name if merchant else f"商户 {payload.merchant_id}"


def _resolution_verdict(res: VoucherResolution, payload: tokens.Payload, holder: str) -> Verdict:
    at = res.at.strftime("%Y-%m-%d %H:%M") if hasattr(res.at, "strftime") else str(res.at)
    if res.kind == "redeemed":
        where = res.merchant.name if res.merchant_id else "本站积分超市"
        clerk = res.clerk.display_name if res.clerk_id else "—"
        return _verdict("redeemed", payload, holder, at=at, where=where, by=clerk)
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
        return _verdict("wrong_scope", payload, scope=_scope_name(payload))
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
        shop = _merchant(merchant)
        now = ctx.clock.now()
        # The UNIQUE voucher column makes a second insert fail even if two desks race.
        journal.append(ctx.data_dir, [_resolve(ctx, voucher, "redeemed", rid, shop)])
        where = shop.name if shop else "本站积分超市"
        audit.record(ctx, "voucher.redeem", voucher.serial, {"where": where})
        return {"serial": voucher.serial, "points": voucher.points, "holder": verdict.holder,
                "where": where, "at": now.strftime("%Y-%m-%d %H:%M:%S")}

    # The dedupe key is the signed serial (inside the verified token), never the QR text:
    # two encodings of one voucher cannot both pass verification anyway.
    try:
        result, _ = operations.run(ctx, "voucher.redeem", request_id,
                                   {"token": token, "merchant": merchant}, body)
    except pw.IntegrityError:
        payload, _, _ = tokens.parse(token)
        raise VoucherAlreadyResolved(serial=payload.serial, what_zh="刚刚已被核销。",
                                     what_en="was just redeemed.") from None
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
                what_en=f"expired on {voucher.expiry_date}; it cannot be voided for a refund.")
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


@dataclass(frozen=True)
class VoucherRow:
    serial: str
    points: int
    holder: str
    resident_id: int
    issue_date: str
    expiry_date: str
    scope: str
    merchant: str
    status: str
    token: str
    check_code: str
    clerk: str


def vouchers_of_issue(issue_uid: str) -> list[VoucherRow]:
    return _rows(Voucher.issue_uid == issue_uid)


def vouchers_by_serial(serials: list[str]) -> list[VoucherRow]:
    return _rows(Voucher.serial.in_(serials))


def vouchers_of_resident(resident_id: int, unresolved_only: bool = True) -> list[VoucherRow]:
    """A resident's vouchers (by default those not yet redeemed, voided or expired): what
    the desk offers to print again."""
    where = Voucher.resident == resident_id
    if unresolved_only:
        where &= Voucher.id.not_in(VoucherResolution.select(VoucherResolution.voucher))
    return _rows(where)


def _rows(where: pw.Expression) -> list[VoucherRow]:
    query = (Voucher.select(Voucher, Resident, VoucherResolution, Merchant, Clerk)
             .join(Resident).switch(Voucher)
             .join(VoucherResolution, pw.JOIN.LEFT_OUTER).switch(Voucher)
             .join(Merchant, pw.JOIN.LEFT_OUTER, on=(Voucher.merchant == Merchant.id))
             .switch(Voucher).join(Clerk, on=(Voucher.clerk == Clerk.id))
             .where(where).order_by(Voucher.seq))
    out = []
    for v in query:
        res = getattr(v, "voucherresolution", None)
        status = res.kind if res is not None and res.id else "issued"
        merchant = v.merchant.name if v.merchant_id else ""
        out.append(VoucherRow(v.serial, v.points, v.resident.name, v.resident.id,
                              str(v.issue_date), str(v.expiry_date), v.scope, merchant, status,
                              v.token, v.check_code, v.clerk.display_name))
    return out


@dataclass(frozen=True)
class Printed:
    reprints: int  # how many of the vouchers had been printed before (补打)
    resident_ids: frozenset[int]  # whose vouchers they are

    @property
    def changes(self) -> Changes:
        return Changes.of_residents(self.resident_ids, vouchers=True)


def record_print(ctx: Context, serials: list[str]) -> Printed:
    """Note that vouchers were printed, and how many of them were reprints."""
    require(ctx, "voucher.print")
    reprints, holders = 0, set()
    with write_transaction():
        for serial in serials:
            voucher = Voucher.get_or_none(Voucher.serial == serial)
            if voucher is None:
                raise VoucherNotFound(serial=serial)
            again = VoucherPrint.select().where(VoucherPrint.voucher == voucher.id).exists()
            VoucherPrint.create(voucher=voucher, at=ctx.clock.now(), clerk=ctx.actor.clerk_id,
                                reprint=again)
            reprints += again
            holders.add(voucher.resident_id)
        audit.record(ctx, "voucher.print", ",".join(serials), {"reprints": reprints})
    return Printed(reprints, frozenset(holders))


@dataclass(frozen=True)
class MerchantAdded:
    name: str

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)  # merchants are part of the station's settings


def add_merchant(ctx: Context, name: str) -> MerchantAdded:
    require(ctx, "merchant.edit")
    name = text.clean(name, text.MERCHANT, field="name")
    if not name:
        raise InvalidInput(what="请填写商户名称。", what_en="The merchant name is required.")
    with write_transaction():
        if Merchant.select().where(Merchant.name == name).exists():
            raise InvalidInput(what=f"商户“{name}”已存在。", what_en=f"“{name}” exists already.")
        Merchant.create(uid=f"{station_code()}-M{uuid.uuid4().hex}", name=name,
                        created_at=ctx.clock.now())
        audit.record(ctx, "merchant.add", name)
    return MerchantAdded(name)


def merchants() -> list[str]:
    return [m.name for m in Merchant.select().where(Merchant.active == True)  # noqa: E712
            .order_by(Merchant.name)]
