"""The points store's invariants, for the integrity check (whole and since a checkpoint).

- Every ledger entry has a kind the station knows.
- An item's stock is the sum of its movements, its newest movement ends at it, never
  below zero.
- A sale's total is its lines; its voucher part is its vouchers, each resolved as
  redeemed at the store; total = vouchers + balance - returned; and the ledger entries of
  its request are exactly its debit (``store_sale``) and its surplus (``store_return``);
  every such entry belongs to a sale.

SQL is written with ``?`` placeholders and run through ``rows`` (the open database or a
backup copy, as in app.services.recent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.ledger import KIND_ZH
from app.services.recent import Rows, live_rows
from app.services.store import RETURN_KIND, SALE_KIND

if TYPE_CHECKING:
    from app.services.checkpoint import Checkpoint
    from app.services.findings import Report

_SALES = (
    "SELECT s.uid, s.points, s.from_balance, s.from_vouchers, s.returned_points, "
    "(SELECT COALESCE(SUM(l.quantity * l.points_each), 0) FROM store_sale_line l "
    " WHERE l.sale_id = s.id), "
    "(SELECT COALESCE(SUM(v.points), 0) FROM store_sale_voucher v WHERE v.sale_id = s.id), "
    "(SELECT COUNT(*) FROM store_sale_voucher v JOIN voucher w ON w.id = v.voucher_id "
    " JOIN voucher_resolution r ON r.voucher_id = w.id "
    " WHERE v.sale_id = s.id AND r.kind = 'redeemed' AND r.merchant_id IS NULL "
    " AND w.points = v.points AND w.resident_id = s.resident_id), "
    "(SELECT COUNT(*) FROM store_sale_voucher v WHERE v.sale_id = s.id), "
    "(SELECT COALESCE(SUM(e.points), 0) FROM ledger_entry e WHERE e.request_id = s.request_id"
    f" AND e.kind = '{SALE_KIND}' AND e.resident_id = s.resident_id), "
    "(SELECT COALESCE(SUM(e.points), 0) FROM ledger_entry e WHERE e.request_id = s.request_id"
    f" AND e.kind = '{RETURN_KIND}' AND e.resident_id = s.resident_id) "
    "FROM store_sale s")


def store_check(report: Report, rows: Rows = live_rows, since: Checkpoint | None = None) -> None:
    """The store's invariants; with ``since``, the sales touched after the checkpoint."""
    after = since.ledger_seq if since is not None else 0
    kinds = [k for (k,) in rows("SELECT DISTINCT kind FROM ledger_entry WHERE seq > ?",
                                (after,))]
    unknown = sorted(k for k in kinds if k not in KIND_ZH)
    if unknown:
        report.problems.append("流水中有未知类型：" + "、".join(unknown))
    _stock(report, rows)
    where: str = ""
    params: tuple = ()
    if since is not None:
        where = (" WHERE s.request_id IN (SELECT request_id FROM ledger_entry WHERE seq > ?)"
                 " OR s.id IN (SELECT v.sale_id FROM store_sale_voucher v JOIN "
                 "voucher_resolution r ON r.voucher_id = v.voucher_id WHERE r.id > ?)")
        params = (since.ledger_seq, since.resolution_id)
    bad, checked = [], 0
    for (uid, total, balance, vouchers, returned, lines, voucher_sum, redeemed, count,
         debit, credit) in rows(_SALES + where, params):
        checked += 1
        if (total != lines or vouchers != voucher_sum or redeemed != count
                or total != vouchers + balance - returned or debit != -balance
                or credit != returned):
            bad.append(uid)
    if bad:
        report.problems.append(f"{len(bad)} 笔积分超市兑换与库存/兑换券/流水不符："
                               + "、".join(bad[:5]))
    orphans = rows(
        f"SELECT COUNT(*) FROM ledger_entry e WHERE e.kind IN ('{SALE_KIND}', '{RETURN_KIND}')"
        " AND e.seq > ? AND NOT EXISTS (SELECT 1 FROM store_sale s "
        " WHERE s.request_id = e.request_id)", (after,))[0][0]
    if orphans:
        report.problems.append(f"{orphans} 条积分超市流水找不到对应的兑换")
    report.facts["store_sales"] = checked


def _stock(report: Report, rows: Rows) -> None:
    wrong = [name for name, stock, total, last in rows(
        "SELECT i.name, i.stock, "
        "(SELECT COALESCE(SUM(m.quantity), 0) FROM stock_movement m WHERE m.item_id = i.id), "
        "(SELECT m.stock_after FROM stock_movement m WHERE m.item_id = i.id "
        " ORDER BY m.id DESC LIMIT 1) FROM store_item i", ())
        if stock < 0 or stock != total or (last if last is not None else 0) != stock]
    if wrong:
        report.problems.append(f"{len(wrong)} 件积分超市商品的库存与出入库记录不符："
                               + "、".join(wrong[:5]))
