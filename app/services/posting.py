"""Appending one entry to the points ledger, with the cached balance moved in the same
transaction. Every deed, voucher and correction goes through here, so its two statements
are written out once (``app.models.fixed_sql``)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from app.models.fixed_sql import FixedSql
from app.models.station import station_code
from app.services import seal
from app.services.context import Context
from app.services.errors import ResidentNotFound

_MOVE_BALANCE = FixedSql(
    'UPDATE "resident" SET "balance" = "balance" + {p} WHERE "id" = {p} RETURNING "balance"')
_APPEND = seal.SealedInsert("ledger_entry", (
    "uid", "resident_id", "kind", "points", "balance_after", "deed_id", "voucher_serial",
    "corrects_id", "request_id", "clerk_id", "reason", "business_date", "created_at"))


@dataclass(frozen=True)
class Posted:
    """The entry ``post`` appended."""

    seq: int
    resident_id: int
    points: int
    balance_after: int


def post(ctx: Context, resident_id: int, kind: str, points: int, request_id: str, *,
         deed_id: int | None = None, voucher_serial: str | None = None,
         corrects: int | None = None, reason: str = "",
         business_date: dt.date | None = None) -> Posted:
    """Append one entry and move the cached balance; call inside a write transaction."""
    balance = _MOVE_BALANCE.value(points, resident_id)
    if balance is None:
        raise ResidentNotFound(query=str(resident_id))
    seq = _APPEND(ctx.keys_dir, {
        "uid": f"{station_code()}-L{uuid.uuid4().hex}", "resident_id": resident_id,
        "kind": kind, "points": points, "balance_after": balance, "deed_id": deed_id,
        "voucher_serial": voucher_serial, "corrects_id": corrects, "request_id": request_id,
        "clerk_id": ctx.actor.clerk_id if ctx.actor else None, "reason": reason,
        "business_date": business_date or ctx.clock.today(), "created_at": ctx.clock.now()})
    return Posted(seq, resident_id, points, balance)
