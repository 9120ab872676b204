"""A points store sale paid with three scanned vouchers (two items, the surplus returned to
the points), on a big station, beside the same statements by hand in raw sqlite3 on the
same file, alternated as in bench_core. Not a test: run it on demand, on a copy.

    .venv/bin/python benchmarks/bench_store.py --station /tmp/copy-of-a-big-station

The station's admin password is bench_core's. Each sale gets three fresh store vouchers
(issued before the clock starts); both sides verify the three signatures, append the
three resolutions to a journal with fsync, and write the same rows with the same seals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import statistics
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_core import PASSWORD, alternated, p95, ratio_row, raw_connection  # noqa: E402

from app.models import open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import (  # noqa: E402
    auth,
    integrity,
    keys,
    ledger,
    seal,
    store,
    store_items,
    store_stock,
    tokens,
    vouchers,
)
from app.services.context import Context  # noqa: E402
from app.services.errors.store import ItemNotFound  # noqa: E402
from app.services.store_items import ItemInput  # noqa: E402

ITEMS = (("香皂", 5), ("毛巾", 12))  # 2×5 + 2×12 = 34 of 20 + 10 + 5 = 35: 1 returned
FACES = [20, 10, 5]
WANTED = [("香皂", 2), ("毛巾", 2)]


class RawSale:
    """The statements of ``store.sell`` for one resident, two items and three vouchers, by
    hand, with the same values computed (uids, seals, audit hashes, the request's record)."""

    def __init__(self, conn, keys_dir: Path, clerk: tuple, journal: Path) -> None:  # noqa: ANN001
        self.conn, self.clerk, self.journal = conn, clerk, journal
        self.key = seal.station_key(keys_dir)
        self.public = {k.key_id: k.public_key for k in keys.keyring().values()}
        self.station = conn.execute("SELECT code FROM station").fetchone()[0]

    def _insert(self, table: str, values: dict, sealed: bool = True) -> int:
        if sealed:
            values = {**values, "mac": seal.row_mac(self.key, table, values)}
        sql = (f"INSERT INTO {table} ({', '.join(values)}) VALUES "
               f"({', '.join('?' * len(values))}) RETURNING id")
        if table in ("audit_record", "ledger_entry"):
            sql = sql.replace("RETURNING id", "RETURNING seq")
        return self.conn.execute(sql, tuple(values.values())).fetchall()[0][0]

    def _audit(self, now: dt.datetime, action: str, target: str, detail: dict) -> None:
        prev = self.conn.execute("SELECT hash, at FROM audit_record ORDER BY seq DESC "
                                 "LIMIT 1").fetchone()
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(json.dumps([prev[0], now.isoformat(), self.clerk[0], action,
                                            target, text], ensure_ascii=False)
                                .encode()).hexdigest()
        self._insert("audit_record", {
            "at": str(now), "clerk_id": self.clerk[0], "clerk_name": self.clerk[1],
            "action": action, "target": target, "detail": text, "prev_hash": prev[0],
            "hash": digest})

    def __call__(self, job: tuple[int, list[str]]) -> None:
        resident_id, scanned = job
        c, now, rid = self.conn, dt.datetime.now().replace(microsecond=0), uuid.uuid4().hex
        payloads = []
        for token in scanned:
            payload, signed, signature = tokens.parse(token)
            assert tokens.signature_valid(self.public[payload.key_id], signed, signature)
            payloads.append(payload)
        c.execute("BEGIN IMMEDIATE")
        c.execute("SELECT clerk_id, kind, fingerprint, result FROM operation_record "
                  "WHERE request_id = ?", (rid,)).fetchall()
        c.execute("SELECT * FROM resident WHERE id = ?", (resident_id,)).fetchone()
        items = [c.execute("SELECT id, name, unit, points FROM store_item WHERE name = ?",
                           (name,)).fetchone() + (quantity,) for name, quantity in WANTED]
        found = []
        for p in payloads:
            v = c.execute("SELECT id, token, nonce, resident_id, points FROM voucher "
                          "WHERE serial = ?", (p.serial,)).fetchone()
            c.execute("SELECT name FROM resident WHERE id = ?", (v[3],)).fetchone()
            assert c.execute("SELECT id FROM voucher_resolution WHERE voucher_id = ?",
                             (v[0],)).fetchone() is None
            c.execute("SELECT resident_id FROM voucher WHERE serial = ?", (p.serial,)).fetchone()
            found.append((p.serial, v[0], v[4]))
        c.execute("SELECT balance FROM resident WHERE id = ?", (resident_id,)).fetchone()
        total = sum(i[3] * i[4] for i in items)
        covered = sum(f[2] for f in found)
        sale_uid = f"{self.station}-S{uuid.uuid4().hex}"
        sale_id = self._insert("store_sale", {
            "uid": sale_uid, "resident_id": resident_id, "points": total, "from_balance": 0,
            "from_vouchers": covered, "returned_points": covered - total,
            "clerk_id": self.clerk[0], "request_id": rid, "at": str(now)}, sealed=False)
        for item_id, _name, _unit, points, quantity in items:
            self._insert("store_sale_line", {"sale_id": sale_id, "item_id": item_id,
                                             "quantity": quantity, "points_each": points},
                         sealed=False)
            c.execute("SELECT * FROM store_item WHERE id = ?", (item_id,)).fetchone()
            after = c.execute("UPDATE store_item SET stock = stock + ? WHERE id = ? AND "
                              "stock + ? >= 0 RETURNING stock",
                              (-quantity, item_id, -quantity)).fetchall()[0][0]
            self._insert("stock_movement", {
                "uid": f"{self.station}-K{uuid.uuid4().hex}", "item_id": item_id,
                "kind": "sale", "quantity": -quantity, "stock_after": after, "cost_fen": None,
                "donor": "", "reason": "", "sale_id": sale_id, "clerk_id": self.clerk[0],
                "request_id": rid, "at": str(now)}, sealed=False)
        lines = []
        for serial, voucher_id, points in found:
            c.execute("SELECT * FROM voucher WHERE serial = ?", (serial,)).fetchone()
            self._insert("store_sale_voucher", {"sale_id": sale_id, "voucher_id": voucher_id,
                                                "points": points}, sealed=False)
            self._insert("voucher_resolution", {
                "voucher_id": voucher_id, "kind": "redeemed", "at": str(now),
                "clerk_id": self.clerk[0], "merchant_id": None, "reason": "",
                "request_id": rid})
            lines.append(json.dumps({"e": "resolved", "serial": serial, "kind": "redeemed",
                                     "at": str(now), "request_id": rid}, ensure_ascii=False))
            self._audit(now, "voucher.redeem", serial, {"where": "本站积分超市", "sale": sale_uid})
        with self.journal.open("a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
            out.flush()
            os.fsync(out.fileno())
        balance = c.execute("UPDATE resident SET balance = balance + ? WHERE id = ? "
                            "RETURNING balance", (covered - total, resident_id)).fetchall()[0][0]
        self._insert("ledger_entry", {
            "uid": f"{self.station}-L{uuid.uuid4().hex}", "resident_id": resident_id,
            "kind": store.RETURN_KIND, "points": covered - total, "balance_after": balance,
            "deed_id": None, "voucher_serial": None, "corrects_id": None, "request_id": rid,
            "clerk_id": self.clerk[0], "reason": f"兑换券多出 {covered - total} 分",
            "business_date": str(now.date()), "created_at": str(now)})
        self._audit(now, "store.sell", sale_uid, {"resident": resident_id, "total": total})
        self._insert("operation_record", {
            "request_id": rid, "clerk_id": self.clerk[0], "kind": "store.sell",
            "fingerprint": hashlib.sha256(rid.encode()).hexdigest(),
            "result": json.dumps({"sale_id": sale_id}), "created_at": str(now)})
        c.execute("COMMIT")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--station", type=Path, required=True,
                    help=f"a copy of a big station's data directory (admin password {PASSWORD})")
    ap.add_argument("--runs", type=int, default=200, help="sales, half of them raw")
    args = ap.parse_args()
    db_path = args.station / "station.db"
    open_database(db_path)
    migrate()
    ctx = Context(args.station)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", PASSWORD))
    for name, points in ITEMS:
        try:
            store_items.find(name)  # pypinyin loaded, as at a desk that has searched once
        except ItemNotFound:
            store_items.add_item(ctx, ItemInput(name, points))
        store_stock.receive(ctx, name, 10 * args.runs)
    conn = raw_connection(db_path)
    rng = random.Random(12)
    population = conn.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
    entries = conn.execute("SELECT MAX(seq) FROM ledger_entry").fetchone()[0]
    people = [r[0] for r in conn.execute("SELECT id FROM resident WHERE NOT archived "
                                         f"ORDER BY random() LIMIT {args.runs}")]
    jobs = []
    for rid in people:
        ledger.adjust(ctx, rid, sum(FACES) + max(0, -ledger.balance(rid)), "基准测试")
        issued = vouchers.issue(ctx, rid, sum(FACES), FACES, scope="store")
        jobs.append((rid, [v.token for v in issued.vouchers]))
    rng.shuffle(jobs)
    raw = RawSale(conn, ctx.keys_dir, (ctx.actor.clerk_id, ctx.actor.username),
                  args.station / "raw-bench.journal")
    svc_ms, raw_ms = alternated(lambda job: store.sell(ctx, job[0], WANTED, job[1]), raw, jobs)
    report = integrity.run_check(ctx.keys_dir, quick=True)
    print(f"\nStation: {population:,} residents, {entries:,} ledger entries, "
          f"{dt.date.today()}, {os.cpu_count()} cores; {len(svc_ms)} + {len(raw_ms)} sales\n")
    print("| what | StationDesk | raw (same statements, same file) | ratio |\n|---|---|---|---|")
    print("| " + " | ".join(ratio_row("store sale, 2 items, 3 vouchers (committed, "
                                      "synchronous=FULL)", svc_ms, raw_ms)) + " |")
    print(f"\nbudget: p95 ≤ 100 ms → {'met' if p95(svc_ms) <= 100 else 'NOT met'} "
          f"(max {max(svc_ms):.1f} ms, median {statistics.median(svc_ms):.1f} ms)")
    print("check after the run:", "clean" if report.ok else "; ".join(report.problems[:5]))


if __name__ == "__main__":
    main()
