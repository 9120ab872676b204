"""Vouchers: issuing (points reserved in the same transaction, serials from this desk's
block), the lists of a resident's or an issue's vouchers, and noting each print. Spending
and closing them is ``redemption``; the shops they are spent at, ``merchants``."""

from __future__ import annotations

import datetime as dt
import re
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
from app.services import (
    audit,
    journal,
    keys,
    ledger,
    merchants,
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
    VoucherNotFound,
)
from app.services.permissions import require
from app.services.tokens import Scope

MAX_VOUCHERS = 40
MAX_FACE_VALUE = 10000
MAX_VALID_YEARS = 10


def split(points: int, denominations: tuple[int, ...], *, ones: bool = True) -> list[int]:
    """The station's denominations (which include 1), the largest first, so a resident
    carries few vouchers. With ``ones=False`` no 1-point voucher is made: what only
    1-point vouchers could make is left out, to stay on the balance."""
    out: list[int] = []
    for d in sorted(denominations, reverse=True):
        if d == 1 and not ones:
            break
        count, points = divmod(max(points, 0), d)
        out.extend([d] * count)
    return out


def suggested_points(balance: int, denominations: tuple[int, ...]) -> int:
    """What the desk proposes to issue: the most of the balance that needs no 1-point
    voucher (0 when none can be made); the clerk may still ask for every point."""
    return sum(split(balance, denominations, ones=False))


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


def plan(points: int, denominations: list[int] | None = None,
         balance: int | None = None) -> list[int]:
    """The vouchers ``points`` become: the faces asked for, or the station's exact split;
    refused as ``issue`` refuses them, and, given a ``balance``, when it cannot cover them.
    The desk shows this to the clerk before any point leaves the balance."""
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
    if balance is not None and balance < points:
        raise InsufficientPoints(balance=balance, requested=points)
    return faces


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
    faces = plan(points, denominations)
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
        shop = merchants.find(merchant)
        key = keys.active_key()
        signer = keys.private_key(ctx, key)
        station = Station.get()
        last = last_seq(today.year)
        placement.ensure_room(today.year, last, len(faces))
        issued, events = [], []
        for n, face in enumerate(faces, start=1):
            nonce = tokens.new_nonce()
            payload = tokens.Payload(key.key_id, station.code, last + n, face, today,
                                     expiry_date, scope_value, shop.id if shop else 0, nonce,
                                     demo=station.demo)
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
