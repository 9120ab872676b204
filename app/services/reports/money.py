"""What the points were spent on in a report's period: vouchers issued (by issue day),
redeemed at the store and per merchant, voided and expired (by the day each was
resolved), store sales, merchant settlements (approved, and paid, in the period), and
the commendations given in it (光荣榜; withdrawn ones do not count).

Settlements are the merchants' and the station's: a tag filter does not narrow them."""

from __future__ import annotations

import peewee as pw

from app.models import Merchant, Resident, Statement, StoreSale, Voucher, VoucherResolution
from app.models.honour import Commendation
from app.services.reports.scope import Row, Scope

LEVELS = {"community": ("社区级", "community"), "street": ("街道级", "street"),
          "district": ("区县级", "district"), "city": ("市级", "city"),
          "province": ("省级", "province"), "national": ("国家级", "national")}


def vouchers(scope: Scope) -> list[Row]:
    issued = (Voucher.select(pw.fn.COUNT(Voucher.id), pw.fn.COUNT(Voucher.resident.distinct()),
                             pw.fn.SUM(Voucher.points))
              .where(scope.dates(Voucher.issue_date), scope.residents(Voucher.resident))
              .tuples().get())
    resolved = list(VoucherResolution.select(VoucherResolution.kind, Merchant.name,
                                             pw.fn.COUNT(Voucher.id), pw.fn.SUM(Voucher.points))
                    .join(Voucher).switch(VoucherResolution)
                    .join(Merchant, pw.JOIN.LEFT_OUTER,
                          on=(VoucherResolution.merchant == Merchant.id))
                    .where(scope.times(VoucherResolution.at), scope.residents(Voucher.resident))
                    .group_by(VoucherResolution.kind, Merchant.name).tuples())

    def total(kind: str, merchant: object = ...) -> tuple[int, int]:
        found = [(n, p or 0) for k, m, n, p in resolved
                 if k == kind and (merchant is ... or m == merchant)]
        return sum(n for n, _ in found), sum(p for _, p in found)

    rows = [Row("vouchers.issued.count", "发放兑换券张数", "Vouchers issued", "count", issued[0]),
            Row("vouchers.issued.persons", "领券人数", "Vouchers issued (persons)", "count",
                issued[1]),
            Row("vouchers.issued.points", "发放兑换券分值", "Vouchers issued (points)", "points",
                issued[2] or 0)]
    for kind, zh, en, merchant in (("redeemed", "核销", "Redeemed", ...),
                                   ("redeemed", "积分超市核销", "Redeemed at the store", None),
                                   ("voided", "作废", "Voided", ...),
                                   ("expired", "过期", "Expired", ...)):
        key = "vouchers.redeemed.store" if merchant is None else f"vouchers.{kind}"
        count, points = total(kind, merchant)
        rows += [Row(f"{key}.count", f"{zh}张数", f"{en}", "count", count),
                 Row(f"{key}.points", f"{zh}分值", f"{en} (points)", "points", points)]
        if merchant is None:
            for name in sorted({m for k, m, _, _ in resolved if k == "redeemed" and m}):
                count, points = total("redeemed", name)
                rows += [Row(f"vouchers.redeemed.merchant.{name}.count", f"{name}核销张数",
                             f"Redeemed at {name}", "count", count),
                         Row(f"vouchers.redeemed.merchant.{name}.points", f"{name}核销分值",
                             f"Redeemed at {name} (points)", "points", points)]
    return rows


def store(scope: Scope) -> list[Row]:
    count, persons, points, balance, paid, returned = (
        StoreSale.select(pw.fn.COUNT(StoreSale.id), pw.fn.COUNT(StoreSale.resident.distinct()),
                         pw.fn.SUM(StoreSale.points), pw.fn.SUM(StoreSale.from_balance),
                         pw.fn.SUM(StoreSale.from_vouchers), pw.fn.SUM(StoreSale.returned_points))
        .where(scope.times(StoreSale.at), scope.residents(StoreSale.resident)).tuples().get())
    return [Row("store.sales.count", "积分超市兑换笔数", "Store sales", "count", count),
            Row("store.sales.persons", "积分超市兑换人数", "Store sales (persons)", "count",
                persons),
            Row("store.sales.points", "积分超市兑换分值", "Store sales (points)", "points",
                points or 0),
            Row("store.sales.from_balance", "其中余额支付（净额）", "Paid from balances (net)",
                "points", (balance or 0) - (returned or 0)),
            Row("store.sales.from_vouchers", "其中兑换券支付", "Paid by vouchers", "points",
                paid or 0)]


def settlements(scope: Scope) -> list[Row]:
    approved = list(Statement.select(Merchant.name, pw.fn.COUNT(Statement.id),
                                     pw.fn.SUM(Statement.vouchers), pw.fn.SUM(Statement.points),
                                     pw.fn.SUM(Statement.amount_fen))
                    .join(Merchant).where(Statement.approved_at.is_null(False),
                                          scope.times(Statement.approved_at))
                    .group_by(Merchant.name).order_by(Merchant.name).tuples())
    paid = (Statement.select(pw.fn.COUNT(Statement.id), pw.fn.SUM(Statement.amount_fen))
            .where(Statement.paid_on.is_null(False), scope.dates(Statement.paid_on))
            .tuples().get())
    rows = [Row("settlement.approved.count", "审核结算单数", "Statements approved", "count",
                sum(r[1] for r in approved)),
            Row("settlement.approved.vouchers", "结算兑换券张数", "Vouchers settled", "count",
                sum(r[2] or 0 for r in approved)),
            Row("settlement.approved.points", "结算分值", "Points settled", "points",
                sum(r[3] or 0 for r in approved)),
            Row("settlement.approved.amount_fen", "结算金额（元）", "Amount settled (yuan)",
                "fen", sum(r[4] or 0 for r in approved))]
    rows += [Row(f"settlement.merchant.{name}.amount_fen", f"{name}结算金额（元）",
                 f"Settled with {name} (yuan)", "fen", amount or 0)
             for name, _, _, _, amount in approved]
    rows += [Row("settlement.paid.count", "付款结算单数", "Statements paid", "count", paid[0]),
             Row("settlement.paid.amount_fen", "付款金额（元）", "Amount paid (yuan)", "fen",
                 paid[1] or 0)]
    return rows


def honours(scope: Scope) -> list[Row]:
    where = (Commendation.withdrawn_at.is_null() & scope.dates(Commendation.awarded_on))
    if scope.tag:
        tagged = Resident.select(Resident.id).where(scope.residents(Resident.id))
        where &= (Commendation.resident.in_(tagged) | Commendation.partner.in_(tagged))
    found = list(Commendation.select(Commendation.level, Commendation.title,
                                     pw.fn.COUNT(Commendation.id))
                 .where(where).group_by(Commendation.level, Commendation.title).tuples())
    rows = [Row("honours.count", "表彰（上榜）项数", "Commendations", "count",
                sum(n for _, _, n in found))]
    for level, (zh, en) in LEVELS.items():
        rows.append(Row(f"honours.level.{level}", f"{zh}表彰", f"{en.capitalize()} level",
                        "count", sum(n for lv, _, n in found if lv == level)))
    for title in sorted({t for _, t, _ in found}):
        rows.append(Row(f"honours.title.{title}", f"{title}", f"{title}", "count",
                        sum(n for _, t, n in found if t == title)))
    return rows
