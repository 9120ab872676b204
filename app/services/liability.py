"""What the station owes (its liability), beside the moral fund that pays it: vouchers
out in residents' hands, redemptions no approved statement has taken up yet, approved
statements not yet paid, and the points residents hold, each at the station's rate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from app.models import Resident, Voucher, VoucherResolution
from app.models.settlement import Statement, StatementItem
from app.services import fund, station
from app.services.settlement import amount_fen


@dataclass(frozen=True)
class Liability:
    balance_fen: int  # the fund's balance
    outstanding_vouchers: int  # issued, unresolved, still valid
    outstanding_points: int
    outstanding_fen: int
    unsettled_vouchers: int  # redeemed for a merchant, on no approved or paid statement
    unsettled_points: int
    unsettled_fen: int
    approved_unpaid_fen: int  # approved statements waiting for payment
    points_held: int  # residents' positive balances (may become vouchers)
    points_held_fen: int

    @property
    def owed_fen(self) -> int:
        return self.outstanding_fen + self.unsettled_fen + self.approved_unpaid_fen

    @property
    def short(self) -> bool:
        """The fund cannot cover what is owed now."""
        return self.balance_fen < self.owed_fen

    @property
    def short_with_points(self) -> bool:
        """The fund could not cover it if every point held became a voucher too."""
        return self.balance_fen < self.owed_fen + self.points_held_fen


def _count_points(query: pw.SelectQuery) -> tuple[int, int]:
    count, points = query.select(pw.fn.COUNT(Voucher.id),
                                 pw.fn.COALESCE(pw.fn.SUM(Voucher.points), 0)).tuples().get()
    return int(count), int(points)


def liability(today: dt.date) -> Liability:
    info = station.current()

    def at_rate(points: int) -> int:
        return amount_fen(points, info.rate_points, info.rate_yuan)

    resolved = VoucherResolution.select(VoucherResolution.voucher)
    out_n, out_p = _count_points(Voucher.select().where(Voucher.id.not_in(resolved),
                                                        Voucher.expiry_date >= today))
    settled = (StatementItem.select(StatementItem.voucher).join(Statement)
               .where(Statement.state.in_(("approved", "paid"))))
    uns_n, uns_p = _count_points(
        Voucher.select().join(VoucherResolution)
        .where(VoucherResolution.kind == "redeemed", VoucherResolution.merchant.is_null(False),
               Voucher.id.not_in(settled)))
    unpaid = (Statement.select(pw.fn.COALESCE(pw.fn.SUM(Statement.amount_fen), 0))
              .where(Statement.state == "approved").scalar())
    held = (Resident.select(pw.fn.COALESCE(pw.fn.SUM(Resident.balance), 0))
            .where(Resident.balance > 0).scalar())
    return Liability(fund.balance(), out_n, out_p, at_rate(out_p), uns_n, uns_p, at_rate(uns_p),
                     int(unpaid), int(held), at_rate(int(held)))
