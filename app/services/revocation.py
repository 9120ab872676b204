"""Revoking a lost or stolen signing key, and refunding what it strands.

Apart from the keys themselves: revoking may void the key's vouchers and give their
points back, so it builds on both the keys and the vouchers, while the vouchers sign
with the keys.
"""

from __future__ import annotations

import datetime as dt

from app.models import SigningKey, Voucher, VoucherResolution
from app.services import audit, keys, operations, redemption, text
from app.services.context import Context
from app.services.errors import InvalidInput, ReasonRequired
from app.services.permissions import require


def _stranded(key_id: int, today: dt.date) -> list[Voucher]:
    """The key's vouchers still out there: issued, unresolved and not past expiry."""
    resolved = VoucherResolution.select(VoucherResolution.voucher)
    return list(Voucher.select().where(Voucher.key_id == key_id, Voucher.expiry_date >= today,
                                       Voucher.id.not_in(resolved)).order_by(Voucher.id))


def revoke(ctx: Context, key_id: int, reason: str, refund: bool = False,
           request_id: str | None = None) -> dict:
    """Revoke a key (lost or stolen): every voucher it signed is refused from now on.

    The vouchers it strands are counted; with ``refund`` each is voided with the reason
    and its points go back to its holder, in the same transaction as the revocation.
    """
    require(ctx, "keys.manage")
    reason = text.clean(reason, text.REASON, field="reason")
    if not reason:
        raise ReasonRequired()

    def body(rid: str) -> dict:
        keys.proven_active_key(ctx)
        key = SigningKey.get_or_none(SigningKey.key_id == key_id)
        if key is None:
            raise InvalidInput(what=f"没有编号为 {key_id} 的密钥。", what_en=f"No key {key_id}.")
        if key.revoked_at is not None:
            raise InvalidInput(what=f"密钥 {key_id} 已于 {key.revoked_at} 吊销。",
                               what_en=f"Key {key_id} was revoked at {key.revoked_at}.")
        stranded = _stranded(key_id, ctx.clock.today())
        key.revoked_at = ctx.clock.now()
        if key.retired_on is None:
            key.retired_on = ctx.clock.today()
        key.save()
        if refund:
            for voucher in stranded:
                redemption.void_and_refund(ctx, voucher, reason, rid)
        if not SigningKey.select().where(SigningKey.retired_on.is_null()).exists():
            keys.create_key(ctx, ctx.clock.today())
        result = {"key_id": key_id, "stranded": len(stranded),
                  "stranded_points": sum(v.points for v in stranded),
                  "refunded": len(stranded) if refund else 0}
        audit.record(ctx, "keys.revoke", str(key_id),
                     {"reason": reason, **result, "serials": [v.serial for v in stranded]})
        return result

    result, _ = operations.run(ctx, "keys.revoke", request_id,
                               {"key_id": key_id, "reason": reason, "refund": refund}, body)
    return result
