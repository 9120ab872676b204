"""The figures of a close-out (日结), each counted twice and reconciled.

One side counts the records themselves (deeds, vouchers, resolutions, prints, sales, stock
movements, check-ins); the other counts what must have been written with them: the ledger
entries, the sale lines, the stock balances, or the audit log where an operation moves no
points. Totals that disagree make the figure a difference, and every record found on one
side only is named (a serial, a deed), so nothing that does not add up is hidden.

Qt-free reads only: ``compute`` writes nothing, so the preview and the saved close-out
come from the same code.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import peewee as pw

from app.models import (
    AuditRecord,
    CheckIn,
    Deed,
    LedgerEntry,
    Merchant,
    Voucher,
    VoucherPrint,
    VoucherResolution,
    database,
)
from app.models.store import StockMovement, StoreSale, StoreSaleLine, StoreSaleVoucher

# figure key -> (Chinese, English); a merchant's figure puts its name in {name}
LABELS = {
    "deeds_awarded": ("加分登记", "Deeds awarded"),
    "deeds_deducted": ("扣分登记", "Deductions"),
    "deeds_pending": ("送审积分", "Deeds sent for review"),
    "reversals": ("冲正", "Reversals"),
    "adjustments": ("调整", "Adjustments"),
    "vouchers_issued": ("发放兑换券", "Vouchers issued"),
    "redeemed_store": ("核销（积分超市）", "Redeemed at the store"),
    "redeemed_merchant": ("核销（{name}）", "Redeemed at {name}"),
    "vouchers_voided": ("作废兑换券", "Vouchers voided"),
    "vouchers_reprinted": ("补打兑换券", "Vouchers reprinted"),
    "store_sales": ("超市销售", "Store sales"),
    "store_from_balance": ("超市销售：余额支付（净额）", "Store sales from balances (net)"),
    "store_from_vouchers": ("超市销售：兑换券支付", "Store sales paid by vouchers"),
    "stock_receive": ("库存：入库", "Stock received"),
    "stock_sale": ("库存：售出", "Stock sold"),
    "stock_stocktake": ("库存：盘点调整", "Stocktake adjustments"),
    "checkins": ("签到", "Check-ins"),
}
# what the second count is made from
SOURCES = {"ledger": ("积分流水", "ledger"), "audit": ("审计日志", "audit log"),
           "lines": ("销售明细", "sale lines"), "stock": ("库存结余", "stock balances"),
           "payments": ("付款记录", "payment records")}
POINTS, QUANTITY = "points", "quantity"


# Where each table's rows are read from: its ever-growing id, and when a row was written.
TABLES = {
    "ledger": (LedgerEntry, LedgerEntry.seq, LedgerEntry.created_at),
    "deed": (Deed, Deed.id, Deed.recorded_at),
    "voucher": (Voucher, Voucher.id, Voucher.created_at),
    "resolution": (VoucherResolution, VoucherResolution.id, VoucherResolution.at),
    "print": (VoucherPrint, VoucherPrint.id, VoucherPrint.at),
    "audit": (AuditRecord, AuditRecord.seq, AuditRecord.at),
    "checkin": (CheckIn, CheckIn.id, CheckIn.created_at),
    "sale": (StoreSale, StoreSale.id, StoreSale.at),
    "stock": (StockMovement, StockMovement.id, StockMovement.at),
}


@dataclass(frozen=True)
class Window:
    """One clerk's work written after ``start`` (exclusive; None: from the beginning) up to
    ``end`` (inclusive). ``floors``: per table, the highest id the previous close-out saw
    written up to its end; rows at or below it are older, so a day's close-out reads a
    day's rows (by the primary key) instead of every table whole."""

    clerk_id: int
    start: dt.datetime | None
    end: dt.datetime
    floors: Mapping[str, int] = field(default_factory=dict)

    def holds(self, table: str) -> pw.Expression:
        _, key, at = TABLES[table]
        inside = (key > self.floors.get(table, 0)) & (at <= self.end)
        return inside if self.start is None else inside & (at > self.start)

    def mine(self, column: pw.Field) -> pw.Expression:
        # ``+ 0`` keeps the database off the clerk's index: on a one-clerk desk that index
        # holds every row, while the id range above holds only the rows since the floor.
        return (column + 0) == self.clerk_id

    def next_floors(self) -> dict[str, int]:
        """The floors for the close-out after this one: per table, the highest id of a row
        written up to ``end`` (a row written later gets a higher id, the clock not having
        been set back meanwhile: the audit log notes such jumps)."""
        out = {}
        for name, (model, key, at) in TABLES.items():
            floor = self.floors.get(name, 0)
            high = model.select(pw.fn.MAX(key)).where(key > floor, at <= self.end).scalar()
            out[name] = max(floor, high or 0)
        return out


def label(figure: dict, lang: str = "zh") -> str:
    zh, en = LABELS[figure["key"]]
    return (en if lang == "en" else zh).format(name=figure.get("name", ""))


def source_label(figure: dict, lang: str = "zh") -> str:
    zh, en = SOURCES[figure["source"]]
    return en if lang == "en" else zh


def _raw(query: pw.ModelSelect) -> list[tuple]:
    """The rows as the driver gives them: a first close-out may read a station's whole
    history, and converting each value costs more than reading it."""
    return database.execute(query).fetchall()


class _Entry(NamedTuple):
    seq: int
    kind: str
    points: int
    deed_id: int | None
    voucher_serial: str | None
    corrects_id: int | None


class _Deed(NamedTuple):
    id: int
    uid: str
    points: int
    status: str
    reviewed_at: object
    reviewed_by_id: int | None


class _Book:
    """The figures and the differences as they are found."""

    def __init__(self, w: Window) -> None:
        self.figures: list[dict] = []
        self.entries = [_Entry(*row) for row in _raw(LedgerEntry.select(
            LedgerEntry.seq, LedgerEntry.kind, LedgerEntry.points, LedgerEntry.deed,
            LedgerEntry.voucher_serial, LedgerEntry.corrects).where(
            w.holds("ledger"), w.mine(LedgerEntry.clerk)))]

    def ledger(self, kind: str) -> list[_Entry]:
        return [e for e in self.entries if e.kind == kind]

    def add(self, key: str, source: str, records: tuple[int, int], check: tuple[int, int],
            notes: Iterable[tuple[str, str]] = (), unit: str = POINTS, **extra: object) -> None:
        rec = {"count": records[0], "amount": records[1]}
        chk = {"count": check[0], "amount": check[1]}
        named = [{"zh": zh, "en": en} for zh, en in notes]
        ok = rec == chk and not named
        if rec != chk:
            named.insert(0, {"zh": f"按记录 {rec['count']} 笔 {rec['amount']}，"
                                   f"按{SOURCES[source][0]} {chk['count']} 笔 {chk['amount']}",
                             "en": f"records {rec['count']} for {rec['amount']}, "
                                   f"{SOURCES[source][1]} {chk['count']} for {chk['amount']}"})
        self.figures.append({"key": key, "source": source, "unit": unit, "records": rec,
                             "check": chk, "ok": ok, "notes": named, **extra})


def _by_serial(records: dict[str, int], ledger: dict[str, int], what: str
               ) -> list[tuple[str, str]]:
    """Name each serial found on one side only, or with other points on each."""
    notes = []
    for serial in sorted(records.keys() - ledger.keys()):
        notes.append((f"{serial}：有{what}记录，积分流水中没有", f"{serial}: no ledger entry"))
    for serial in sorted(ledger.keys() - records.keys()):
        notes.append((f"{serial}：积分流水中有，没有{what}记录",
                       f"{serial}: in the ledger, no voucher record"))
    for serial in sorted(records.keys() & ledger.keys()):
        if records[serial] != ledger[serial]:
            notes.append((f"{serial}：记录 {records[serial]} 分，流水 {ledger[serial]} 分",
                          f"{serial}: {records[serial]} points, ledger {ledger[serial]}"))
    return notes


def _tally(values: Iterable[int]) -> tuple[int, int]:
    items = list(values)
    return len(items), sum(items)


def _audit(w: Window, action: str) -> list[AuditRecord]:
    return list(AuditRecord.select(AuditRecord.target, AuditRecord.detail).where(
        w.holds("audit"), w.mine(AuditRecord.clerk_id), AuditRecord.action == action))


def _details(w: Window, action: str) -> list[dict]:
    return [json.loads(r.detail or "{}") for r in _audit(w, action)]


def _deeds(book: _Book, w: Window) -> None:
    recorded = [_Deed(*row) for row in _raw(Deed.select(
        Deed.id, Deed.uid, Deed.points, Deed.status, Deed.reviewed_at, Deed.reviewed_by).where(
        w.holds("deed"), w.mine(Deed.recorded_by)))]
    # Posted by this clerk: recorded without review, approved by them on review (a deed
    # of any age: the review's audit record names it), or posted at their desk when its
    # public notice ended (app.services.notice; its approval then posted nothing).
    reviewed = [r.target for r in _audit(w, "deed.approve")
                if "notice_until" not in json.loads(r.detail or "{}")]
    due = [r.target for r in _audit(w, "deed.post")]
    posted = [d for d in recorded if d.status == "approved" and d.reviewed_by_id is None]
    if reviewed or due:
        posted.extend(_Deed(*row) for row in _raw(Deed.select(
            Deed.id, Deed.uid, Deed.points, Deed.status, Deed.reviewed_at, Deed.reviewed_by)
            .where(Deed.uid.in_(reviewed + due), Deed.status == "approved",
                   (Deed.reviewed_by == w.clerk_id) | Deed.uid.in_(due))))
    for key, kind, sign in (("deeds_awarded", "award", 1), ("deeds_deducted", "deduct", -1)):
        deeds = {d.id: (d.uid, d.points) for d in posted if (d.points > 0) == (sign > 0)}
        entries = {e.deed_id: e for e in book.ledger(kind)}
        notes = [(f"积分 {deeds[i][0]}：没有积分流水", f"deed {deeds[i][0]}: no ledger entry")
                 for i in sorted(deeds.keys() - entries.keys())]
        notes += [(f"流水 {entries[i].seq}：没有对应的积分登记",
                   f"ledger entry {entries[i].seq}: no deed posted by this clerk")
                  for i in sorted(entries.keys() - deeds.keys(), key=str)]
        book.add(key, "ledger", _tally(p for _, p in deeds.values()),
                 _tally(e.points for e in entries.values()), notes)
    sent = [d for d in recorded if d.status == "pending" or d.reviewed_at is not None]
    book.add("deeds_pending", "audit", _tally(d.points for d in sent),
             _tally(d.get("points", 0) for d in _details(w, "deed.record")
                    if d.get("status") == "pending"))


def _corrections(book: _Book, w: Window) -> None:
    reversals = book.ledger("reversal")
    corrected = LedgerEntry.select(LedgerEntry.points).where(
        LedgerEntry.seq.in_([e.corrects_id for e in reversals if e.corrects_id]))
    # A reversal names the entry it cancels: it must take back exactly that.
    book.add("reversals", "ledger", _tally(-e.points for e in corrected),
             _tally(e.points for e in reversals))
    book.add("adjustments", "audit", _tally(d.get("points", 0)
                                            for d in _details(w, "ledger.adjust")),
             _tally(e.points for e in book.ledger("adjust")))


def _issued(book: _Book, w: Window) -> None:
    vouchers = list(Voucher.select(Voucher.serial, Voucher.year, Voucher.seq, Voucher.points)
                    .where(w.holds("voucher"), w.mine(Voucher.clerk))
                    .order_by(Voucher.year, Voucher.seq))
    records = {v.serial: v.points for v in vouchers}
    ledger = {e.voucher_serial: -e.points for e in book.ledger("issue")}
    book.add("vouchers_issued", "ledger", _tally(records.values()), _tally(ledger.values()),
             _by_serial(records, ledger, "兑换券"), ranges=serial_ranges(vouchers))


def serial_ranges(vouchers: list[Voucher]) -> list[dict]:
    """Contiguous runs of serials (a year's sequence without a gap), in order."""
    runs: list[list[Voucher]] = []
    for v in vouchers:
        last = runs[-1][-1] if runs else None
        if last is not None and (last.year, last.seq + 1) == (v.year, v.seq):
            runs[-1].append(v)
        else:
            runs.append([v])
    return [{"first": run[0].serial, "last": run[-1].serial, "count": len(run),
             "points": sum(v.points for v in run)} for run in runs]


def _issue_debits(serials: Iterable[str]) -> dict[str, int]:
    """What the ledger took from the holder for each voucher when it was issued."""
    wanted = list(serials)
    # By serial alone (its index), the kind picked out here: asked for the kind too, the
    # database walks every issue entry of the station's history by the kind's index. In
    # parts, under the database's limit of values in one statement.
    debits = {}
    for part in range(0, len(wanted), 500):
        for serial, kind, points in LedgerEntry.select(
                LedgerEntry.voucher_serial, LedgerEntry.kind, LedgerEntry.points).where(
                LedgerEntry.voucher_serial.in_(wanted[part:part + 500])).tuples():
            if kind == "issue":
                debits[serial] = -points
    return debits


def _resolved(w: Window, kind: str) -> pw.ModelSelect:
    return (VoucherResolution.select(VoucherResolution, Voucher, Merchant)
            .join(Voucher).switch(VoucherResolution)
            .join(Merchant, pw.JOIN.LEFT_OUTER,
                  on=(VoucherResolution.merchant == Merchant.id))
            .where(w.holds("resolution"), w.mine(VoucherResolution.clerk),
                   VoucherResolution.kind == kind).order_by(Voucher.serial))


def _redeemed(book: _Book, w: Window) -> None:
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for res in _resolved(w, "redeemed"):
        name = res.merchant.name if res.merchant_id else ""
        groups[name][res.voucher.serial] = res.voucher.points
    debits = _issue_debits(s for group in groups.values() for s in group)
    for name in sorted(groups):
        records = groups[name]
        ledger = {s: debits[s] for s in records if s in debits}
        extra = {"name": name} if name else {}
        book.add("redeemed_merchant" if name else "redeemed_store", "ledger",
                 _tally(records.values()), _tally(ledger.values()),
                 _by_serial(records, ledger, "核销"), serials=sorted(records), **extra)


def _voided_and_reprinted(book: _Book, w: Window) -> None:
    records = {r.voucher.serial: r.voucher.points for r in _resolved(w, "voided")}
    refunds = {e.voucher_serial: e.points for e in book.ledger("refund") if e.voucher_serial}
    book.add("vouchers_voided", "ledger", _tally(records.values()), _tally(refunds.values()),
             _by_serial(records, refunds, "作废"), serials=sorted(records))
    reprints = list(VoucherPrint.select(VoucherPrint, Voucher).join(Voucher).where(
        w.holds("print"), w.mine(VoucherPrint.clerk), VoucherPrint.reprint))
    noted = sum(int(d.get("reprints", 0)) for d in _details(w, "voucher.print"))
    book.add("vouchers_reprinted", "audit", (len(reprints), len(reprints)), (noted, noted),
             unit=QUANTITY, serials=sorted(p.voucher.serial for p in reprints))


def _store(book: _Book, w: Window) -> None:
    sales = list(StoreSale.select().where(w.holds("sale"), w.mine(StoreSale.clerk)))
    ids = [s.id for s in sales]
    lines: dict[int, int] = defaultdict(int)
    paid: dict[int, int] = defaultdict(int)
    net: dict[str, int] = defaultdict(int)
    if ids:
        for line in StoreSaleLine.select().where(StoreSaleLine.sale.in_(ids)):
            lines[line.sale_id] += line.quantity * line.points_each
        for used in StoreSaleVoucher.select().where(StoreSaleVoucher.sale.in_(ids)):
            paid[used.sale_id] += used.points
        # Whatever kinds the sale posted, its request's entries net what the balance paid.
        # They were written with the sale, so inside the window's ledger range: read by seq,
        # as nothing indexes the request id.
        for e in LedgerEntry.select(LedgerEntry.request_id, LedgerEntry.points).where(
                w.holds("ledger"), LedgerEntry.request_id.in_([s.request_id for s in sales])):
            net[e.request_id] -= e.points
    notes = [(f"销售 {s.uid}：合计 {s.points} 分，明细 {lines[s.id]} 分",
              f"sale {s.uid}: {s.points} points, lines {lines[s.id]}")
             for s in sales if s.points != lines[s.id]]
    book.add("store_sales", "lines", _tally(s.points for s in sales),
             (len(sales), sum(lines.values())), notes)
    from_balance = [s for s in sales if s.from_balance or s.returned_points]
    book.add("store_from_balance", "ledger",
             _tally(s.from_balance - s.returned_points for s in from_balance),
             _tally(net[s.request_id] for s in from_balance))
    by_vouchers = [s for s in sales if s.from_vouchers]
    book.add("store_from_vouchers", "payments", _tally(s.from_vouchers for s in by_vouchers),
             _tally(paid[s.id] for s in by_vouchers))
    _stock(book, w)


def _stock(book: _Book, w: Window) -> None:
    moves = list(StockMovement.select().where(w.holds("stock"), w.mine(StockMovement.clerk)))
    changes: dict[int, int] = {}
    for m in moves:
        before = (StockMovement.select(StockMovement.stock_after)
                  .where(StockMovement.item == m.item_id, StockMovement.id < m.id)
                  .order_by(StockMovement.id.desc()).scalar()) or 0
        changes[m.id] = m.stock_after - before
    for kind in ("receive", "sale", "stocktake"):
        mine = [m for m in moves if m.kind == kind]
        notes = [(f"库存变动 {m.uid}：数量 {m.quantity}，结余变化 {changes[m.id]}",
                  f"stock movement {m.uid}: quantity {m.quantity}, balance moved "
                  f"{changes[m.id]}") for m in mine if m.quantity != changes[m.id]]
        book.add(f"stock_{kind}", "stock", _tally(m.quantity for m in mine),
                 _tally(changes[m.id] for m in mine), notes, unit=QUANTITY)


def _checkins(book: _Book, w: Window) -> None:
    count = CheckIn.select().where(w.holds("checkin"), w.mine(CheckIn.clerk)).count()
    noted = len(_audit(w, "checkin"))
    book.add("checkins", "audit", (count, count), (noted, noted), unit=QUANTITY)


def compute(w: Window) -> list[dict]:
    """Every figure of the clerk's work in the window, reconciled."""
    book = _Book(w)
    _deeds(book, w)
    _corrections(book, w)
    _issued(book, w)
    _redeemed(book, w)
    _voided_and_reprinted(book, w)
    _store(book, w)
    _checkins(book, w)
    return book.figures
