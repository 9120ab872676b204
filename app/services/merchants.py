"""Partner merchants: the shops where a voucher may be spent besides the station's own
points store."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.models import Merchant, write_transaction
from app.models.station import station_code
from app.services import audit, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import InvalidInput, MerchantNotFound
from app.services.permissions import require


def find(name: str | None) -> Merchant | None:
    """The active merchant called ``name`` (None for the station's own store)."""
    if not name:
        return None
    merchant = Merchant.get_or_none(Merchant.name == name.strip())
    if merchant is None or not merchant.active:
        raise MerchantNotFound(name=name)
    return merchant


@dataclass(frozen=True)
class MerchantAdded:
    name: str

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)  # merchants are part of the station's settings


def add(ctx: Context, name: str) -> MerchantAdded:
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


def names() -> list[str]:
    """The active merchants' names, in order."""
    return [m.name for m in Merchant.select().where(Merchant.active == True)  # noqa: E712
            .order_by(Merchant.name)]
