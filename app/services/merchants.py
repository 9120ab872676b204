"""Partner merchants: the shops where a voucher may be spent besides the station's own
points store, what they offer on what terms, and whether the partnership is active
(a suspended merchant accepts no vouchers until an admin reactivates it)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, fields, replace

from app.models import Merchant
from app.models.station import station_code
from app.services import audit, operations, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import InvalidInput, MerchantNotFound, MerchantSuspended
from app.services.permissions import require

CONTACT = text.Kind("联系人", "The contact", 40)
PHONE = text.Kind("电话", "The phone", 30)
ADDRESS = text.Kind("地址", "The address", 100)
OFFER = text.Kind("经营内容", "The offer", 100)
TERMS = text.Kind("使用条件", "The terms", 200)


@dataclass(frozen=True)
class Details:
    """What a resident and the station need to know of a partner, besides its name."""

    contact: str = ""
    phone: str = ""
    address: str = ""
    offer: str = ""
    terms: str = ""
    share_percent: int | None = None  # vouchers cover at most this share of a bill
    agreement_from: dt.date | None = None
    agreement_to: dt.date | None = None


@dataclass(frozen=True)
class MerchantRow:
    id: int
    name: str
    active: bool
    details: Details

    def in_agreement(self, day: dt.date) -> bool:
        d = self.details
        return ((d.agreement_from is None or d.agreement_from <= day)
                and (d.agreement_to is None or day <= d.agreement_to))


@dataclass(frozen=True)
class MerchantAdded:
    name: str

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)  # merchants are part of the station's settings


def find(name: str | None) -> Merchant | None:
    """The active merchant called ``name`` (None for the station's own store)."""
    if not name:
        return None
    merchant = resolve(name)
    if not merchant.active:
        raise MerchantSuspended(name=merchant.name)
    return merchant


def resolve(name: str) -> Merchant:
    """The merchant called ``name``, active or suspended."""
    merchant = Merchant.get_or_none(Merchant.name == name.strip())
    if merchant is None:
        raise MerchantNotFound(name=name)
    return merchant


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _details(m: Merchant) -> Details:
    return Details(m.contact, m.phone, m.address, m.offer, m.terms, m.share_percent,
                   _as_date(m.agreement_from), _as_date(m.agreement_to))


def _row(m: Merchant) -> MerchantRow:
    return MerchantRow(m.id, m.name, bool(m.active), _details(m))


def _clean(details: Details) -> Details:
    d = Details(text.clean(details.contact, CONTACT, field="contact"),
                text.clean(details.phone, PHONE, field="phone"),
                text.clean(details.address, ADDRESS, field="address"),
                text.clean(details.offer, OFFER, field="offer"),
                text.clean(details.terms, TERMS, field="terms"),
                details.share_percent, details.agreement_from, details.agreement_to)
    if d.share_percent is not None and not 1 <= d.share_percent <= 100:
        raise InvalidInput(what="抵扣比例须在 1 到 100（%）之间。",
                           what_en="The share is a percentage from 1 to 100.",
                           field="share_percent")
    if d.agreement_from and d.agreement_to and d.agreement_from > d.agreement_to:
        raise InvalidInput(what="协议开始日期晚于结束日期。",
                           what_en="The agreement starts after it ends.", field="agreement_to")
    return d


def _params(name: str, d: Details) -> dict:
    return {"name": name, **{f.name: str(getattr(d, f.name)) for f in fields(d)}}


def add(ctx: Context, name: str, details: Details | None = None,
        request_id: str | None = None) -> MerchantAdded:
    require(ctx, "merchant.edit")
    name = text.clean(name, text.MERCHANT, field="name")
    if not name:
        raise InvalidInput(what="请填写商户名称。", what_en="The merchant name is required.")
    d = _clean(details or Details())

    def body(rid: str) -> dict:
        if Merchant.select().where(Merchant.name == name).exists():
            raise InvalidInput(what=f"商户“{name}”已存在。", what_en=f"“{name}” exists already.")
        Merchant.create(uid=f"{station_code()}-M{uuid.uuid4().hex}", name=name,
                        created_at=ctx.clock.now(), **d.__dict__)
        audit.record(ctx, "merchant.add", name, _params(name, d))
        return {"name": name}

    result, _ = operations.run(ctx, "merchant.add", request_id, _params(name, d), body)
    return MerchantAdded(result["name"])


def edit(ctx: Context, name: str, request_id: str | None = None,
         **changes: object) -> MerchantAdded:
    """Change some of a merchant's details (``changes`` are fields of ``Details``)."""
    require(ctx, "merchant.edit")
    unknown = set(changes) - {f.name for f in fields(Details)}
    if unknown:
        raise ValueError(f"not a merchant detail: {sorted(unknown)}")
    merchant = resolve(name)
    before = _details(merchant)
    after = _clean(replace(before, **changes))  # type: ignore[arg-type]

    def body(rid: str) -> dict:
        Merchant.update(**after.__dict__).where(Merchant.id == merchant.id).execute()
        audit.record(ctx, "merchant.edit", merchant.name,
                     {"before": _params(merchant.name, before),
                      "after": _params(merchant.name, after)})
        return {"name": merchant.name}

    result, _ = operations.run(ctx, "merchant.edit", request_id,
                               _params(merchant.name, after), body)
    return MerchantAdded(result["name"])


def set_active(ctx: Context, name: str, active: bool,
               request_id: str | None = None) -> MerchantAdded:
    """Suspend (no vouchers are redeemed for it) or reactivate a merchant."""
    require(ctx, "merchant.edit")
    merchant = resolve(name)

    def body(rid: str) -> dict:
        Merchant.update(active=active).where(Merchant.id == merchant.id).execute()
        audit.record(ctx, "merchant.reactivate" if active else "merchant.suspend",
                     merchant.name)
        return {"name": merchant.name}

    result, _ = operations.run(ctx, "merchant.active", request_id,
                               {"name": merchant.name, "active": active}, body)
    return MerchantAdded(result["name"])


def rows() -> list[MerchantRow]:
    """Every merchant, active or suspended, by name."""
    return [_row(m) for m in Merchant.select().order_by(Merchant.name)]


def places(day: dt.date) -> list[MerchantRow]:
    """Where a resident may spend vouchers on ``day``: active and within the agreement."""
    return [r for r in rows() if r.active and r.in_agreement(day)]


def names() -> list[str]:
    """The active merchants' names, in order."""
    return [m.name for m in Merchant.select().where(Merchant.active == True)  # noqa: E712
            .order_by(Merchant.name)]
