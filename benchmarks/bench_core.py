"""Benchmarks of the desk's budgets (DESIGN.md), each beside the same work done with
raw sqlite3 or bare reportlab. Not a test: run it on demand.

    .venv/bin/python benchmarks/bench_core.py                 # 100k residents, 5M entries
    .venv/bin/python benchmarks/bench_core.py --residents 20000 --activity 1
    .venv/bin/python benchmarks/bench_core.py --station /tmp/copy-of-a-big-station

The station is built once under benchmarks/out/ and reused by later runs. A scan and a
recorded deed are measured in turns with the same statements in raw sqlite3 on the same
file, with the desk's pragmas, and reported as medians, p95s and their ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models import open_database  # noqa: E402
from app.models.db import SQLITE_PRAGMAS  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import (  # noqa: E402
    audit,
    auth,
    deeds,
    ledger,
    residents,
    seal,
    search,
    station,
    vouchers,
)
from app.services.context import Context  # noqa: E402

PASSWORD = "Bench-2026!"


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def build(data_dir: Path, count: int, activity: float) -> float:
    """Make the station with the real CLI (the demo budget is measured here)."""
    if (data_dir / "station.db").exists():
        return float("nan")
    env = {**os.environ, "STATION_DESK_PASSWORD": PASSWORD}
    cli = [sys.executable, "-m", "app", "--data-dir", str(data_dir)]
    subprocess.run([*cli, "init", "--station-code", "BM01", "--station-name", "基准测试站",
                    "--admin", "admin"], check=True, env=env, cwd=ROOT, capture_output=True)
    start = time.perf_counter()
    subprocess.run([*cli, "--as", "admin", "demo", "--residents", str(count),
                    "--activity", str(activity)],
                   check=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def queries(conn: sqlite3.Connection, rng: random.Random) -> list[str]:
    """What clerks type, keystroke by keystroke: pinyin, initials, Chinese, phone, ID tail."""
    rows = conn.execute("SELECT name, phone, id_number, resident_no FROM resident "
                        "ORDER BY random() LIMIT 40").fetchall()
    from app.services import pinyin

    typed: list[str] = []
    for name, phone, id_number, number in rows:
        full = pinyin.full(name)
        typed += [full[:k] for k in range(1, len(full) + 1)]
        typed += [pinyin.initials(name)[:k] for k in range(1, 4)]
        typed += [name[:1], name[:2], phone[-4:], phone, id_number[-6:].lower(), number]
    rng.shuffle(typed)
    return typed


def raw_search(conn: sqlite3.Connection, q: str, limit: int = 51) -> list[tuple]:
    ids = [r[0] for r in conn.execute("SELECT id FROM resident WHERE card_code = ? "
                                      "AND NOT archived", (q,))] if q.startswith("SDC") else []
    if len(ids) < limit:
        ids += [r[0] for r in conn.execute(
            "SELECT t.resident_id FROM resident_search_term t JOIN resident r "
            "ON r.id = t.resident_id WHERE t.term = ? AND NOT r.archived "
            "ORDER BY t.rank, t.resident_id LIMIT ?", (q, limit))]
    if len(ids) < limit:
        ids += [r[0] for r in conn.execute(
            "SELECT t.resident_id FROM resident_search_term t JOIN resident r "
            "ON r.id = t.resident_id WHERE t.term > ? AND t.term < ? AND NOT r.archived "
            "ORDER BY t.term, t.rank, t.resident_id LIMIT ?",
            (q, q + "\U0010ffff", limit * 2))]
    ids = list(dict.fromkeys(ids))[:limit]
    marks = ",".join("?" * len(ids))
    return conn.execute(f"SELECT * FROM resident WHERE id IN ({marks})", ids).fetchall()


def raw_connection(path: Path) -> sqlite3.Connection:
    """sqlite3 on the station's own file, with the desk's pragmas (WAL, synchronous=FULL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for name, value in SQLITE_PRAGMAS.items():
        conn.execute(f"PRAGMA {name} = {value}")
    return conn


RAW_CARD = ("SELECT id, uid, resident_no, name, id_type, id_number, phone, gender, birth_date, "
            "compound, building, unit, room, grid, tags, card_code, archived, balance, "
            "household_id FROM resident WHERE card_code = ?")
RAW_PAGE = ("SELECT e.seq, e.business_date, e.created_at, e.kind, e.points, e.balance_after, "
            "c.display_name, e.corrects_id, e.voucher_serial, t.code, t.name_zh, t.name_en, "
            "e.reason FROM ledger_entry e LEFT JOIN deed d ON d.id = e.deed_id "
            "LEFT JOIN deed_type t ON t.id = d.deed_type_id LEFT JOIN clerk c ON c.id = e.clerk_id "
            "WHERE e.resident_id = ? ORDER BY e.seq DESC LIMIT ? OFFSET ?")


def raw_scan(conn: sqlite3.Connection, code: str) -> list[tuple]:
    """The scan's statements by hand: the card's resident, then their last 50 entries."""
    resident = conn.execute(RAW_CARD, (code,)).fetchone()
    return conn.execute(RAW_PAGE, (resident[0], 50, 0)).fetchall()


class RawDeed:
    """The statements one recorded deed makes, by hand in raw sqlite3 on the same station,
    with the same values computed (uids, the seals, the audit hash, the request's
    fingerprint and result), so that the rows it writes are as valid as the desk's."""

    def __init__(self, conn: sqlite3.Connection, keys_dir: Path, code: str, clerk: tuple):
        self.conn, self.code, self.clerk = conn, code, clerk
        self.key = seal.station_key(keys_dir)
        self.station = conn.execute("SELECT code FROM station").fetchone()[0]

    def _insert(self, table: str, values: dict) -> int:
        values = {**values, "mac": seal.row_mac(self.key, table, values)}
        sql = (f"INSERT INTO {table} ({', '.join(values)}) VALUES "
               f"({', '.join('?' * len(values))}) RETURNING {seal.SEALED[table][0]}")
        return self.conn.execute(sql, tuple(values.values())).fetchall()[0][0]

    def __call__(self, resident_id: int) -> None:
        c, now = self.conn, dt.datetime.now().replace(microsecond=0)
        today, rid = now.date(), uuid.uuid4().hex
        type_id, points, cap = c.execute(
            "SELECT id, points, cap_quantity FROM deed_type WHERE code = ?",
            (self.code,)).fetchone()
        c.execute("SELECT e.business_date FROM ledger_entry e WHERE e.kind = 'expire' AND NOT "
                  "EXISTS (SELECT 1 FROM ledger_entry r WHERE r.corrects_id = e.seq) "
                  "ORDER BY e.business_date DESC LIMIT 1").fetchall()
        fingerprint = hashlib.sha256(json.dumps(
            ["deed.record", {"resident": resident_id, "type": self.code, "tenths": 10}],
            sort_keys=True).encode()).hexdigest()
        c.execute("BEGIN IMMEDIATE")
        c.execute("SELECT clerk_id, kind, fingerprint, result FROM operation_record "
                  "WHERE request_id = ?", (rid,)).fetchall()
        uid, name, _, _, balance = c.execute(
            "SELECT uid, name, resident_no, archived, balance FROM resident WHERE id = ?",
            (resident_id,)).fetchone()
        if cap is not None:
            c.execute("SELECT COALESCE(SUM(d.quantity_tenths), 0) FROM deed d WHERE "
                      "d.resident_id = ? AND d.deed_type_id = ? AND d.status != 'rejected' AND "
                      "d.deed_date BETWEEN ? AND ? AND d.id NOT IN (SELECT e.deed_id FROM "
                      "ledger_entry e WHERE e.resident_id = ? AND e.kind = 'reversal' AND "
                      "e.deed_id IS NOT NULL)", (resident_id, type_id, str(today), str(today),
                                                 resident_id)).fetchall()
        deed_uid = f"{self.station}-D{uuid.uuid4().hex}"
        deed_id = c.execute(
            "INSERT INTO deed (uid, resident_id, deed_type_id, quantity_tenths, deed_date, "
            "points, override_reason, note, status, recorded_by_id, recorded_at, review_note, "
            "group_uid) VALUES (?, ?, ?, ?, ?, ?, '', '', 'approved', ?, ?, '', NULL) "
            "RETURNING id", (deed_uid, resident_id, type_id, 10, str(today), points,
                             self.clerk[0], str(now))).fetchall()[0][0]
        balance = c.execute("UPDATE resident SET balance = balance + ? WHERE id = ? "
                            "RETURNING balance", (points, resident_id)).fetchall()[0][0]
        self._insert("ledger_entry", {
            "uid": f"{self.station}-L{uuid.uuid4().hex}", "resident_id": resident_id,
            "kind": "award", "points": points, "balance_after": balance, "deed_id": deed_id,
            "voucher_serial": None, "corrects_id": None, "request_id": rid,
            "clerk_id": self.clerk[0], "reason": "", "business_date": str(today),
            "created_at": str(now)})
        prev = c.execute("SELECT hash, at FROM audit_record ORDER BY seq DESC LIMIT 1").fetchone()
        detail = json.dumps({"resident": uid, "type": self.code, "quantity": "1",
                             "points": points, "status": "approved"},
                            ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(json.dumps(
            [prev[0], now.isoformat(), self.clerk[0], "deed.record", deed_uid, detail],
            ensure_ascii=False).encode()).hexdigest()
        self._insert("audit_record", {
            "at": str(now), "clerk_id": self.clerk[0], "clerk_name": self.clerk[1],
            "action": "deed.record", "target": deed_uid, "detail": detail,
            "prev_hash": prev[0], "hash": digest})
        result = json.dumps({"deed_uid": deed_uid, "resident_id": resident_id, "name": name,
                             "points": points, "balance": balance}, ensure_ascii=False)
        self._insert("operation_record", {
            "request_id": rid, "clerk_id": self.clerk[0], "kind": "deed.record",
            "fingerprint": fingerprint, "result": result, "created_at": str(now)})
        c.execute("COMMIT")


def alternated(service: Callable[[object], object], raw: Callable[[object], object],
               items: list[object]) -> tuple[list[float], list[float]]:
    """Each side on its own half of ``items``, one call each in turn (the machine is noisy:
    a slow second hits both alike), the side that goes first swapping every round."""
    svc: list[float] = []
    base: list[float] = []
    for n in range(0, len(items) - 1, 2):
        pair = ((service, svc, items[n]), (raw, base, items[n + 1]))
        for fn, out, item in pair if n % 4 == 0 else pair[::-1]:
            start = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - start) * 1000)
    return svc, base


def ratio_row(what: str, svc: list[float], base: list[float]) -> tuple[str, str, str, str]:
    m_svc, m_raw = statistics.median(svc), statistics.median(base)
    return (what, f"median {m_svc:.2f} ms, p95 {p95(svc):.2f} ms",
            f"median {m_raw:.2f} ms, p95 {p95(base):.2f} ms",
            f"{m_svc / m_raw:.2f}× median, {p95(svc) / p95(base):.2f}× p95")


def bare_voucher_pdf(n: int) -> bytes:
    """Five Ed25519 signatures and a reportlab page with five vector QR codes, no fonts."""
    import io

    import qrcode
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from reportlab.pdfgen import canvas

    key = Ed25519PrivateKey.generate()
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(n):
        token = "SDV" + "A" * 24 + key.sign(bytes([i]) * 26).hex().upper()[:120]
        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=0)
        qr.add_data(token)
        for y, row in enumerate(qr.get_matrix()):
            for x, dark in enumerate(row):
                if dark:
                    c.rect(50 + i * 100 + x * 1.5, 700 - y * 1.5, 1.5, 1.5, stroke=0, fill=1)
    c.save()
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--residents", type=int, default=100_000)
    ap.add_argument("--activity", type=float, default=4.8, help="4.8 gives ~5M entries at 100k")
    ap.add_argument("--station", type=Path,
                    help="measure on this existing data directory (its admin's password is "
                         f"{PASSWORD}) instead of building one under benchmarks/out/; it is "
                         "migrated and written to: measure on a copy")
    ap.add_argument("--runs", type=int, default=400, help="scans and deeds, half of them raw")
    args = ap.parse_args()
    out = args.station or ROOT / "benchmarks" / "out" / f"r{args.residents}-a{args.activity}"
    demo_seconds = float("nan") if args.station else build(out, args.residents, args.activity)
    db_path = out / "station.db"
    open_database(db_path)
    migrate()
    ctx = Context(out)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", PASSWORD))
    conn = raw_connection(db_path)
    entries = conn.execute("SELECT MAX(seq) FROM ledger_entry").fetchone()[0]
    population = conn.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
    rng = random.Random(5)
    typed = queries(conn, rng)
    rows: list[tuple[str, str, str, str]] = []

    svc = [timed(lambda q=q: search.search(q, limit=50), 1)[0] for q in typed]
    raw = [timed(lambda q=q: raw_search(conn, q), 1)[0] for q in typed]
    rows.append(("resident search, one query as typed", f"{p95(svc):.2f} ms",
                 f"{p95(raw):.2f} ms", "p95 ≤ 20 ms, ≤ 2× raw"))

    codes = [r[0] for r in conn.execute("SELECT card_code FROM resident WHERE NOT archived "
                                        f"ORDER BY random() LIMIT {args.runs}")]
    svc, raw = alternated(lambda code: ledger.entries(residents.by_card(code).id, limit=50),
                          lambda code: raw_scan(conn, code), codes)
    rows.append(ratio_row("scan → resident, balance, last 50 entries", svc, raw))

    people = [r[0] for r in conn.execute("SELECT id FROM resident WHERE NOT archived "
                                         f"ORDER BY random() LIMIT {2 * args.runs}")]
    clerk = (ctx.actor.clerk_id, ctx.actor.username)
    for code, what in (("LOST_AND_FOUND", "no cap"), ("ENV_CLEANUP", "capped per day")):
        raw_deed = RawDeed(conn, ctx.keys_dir, code, clerk)
        half = people[:args.runs] if code == "LOST_AND_FOUND" else people[args.runs:]
        svc, raw = alternated(lambda rid, code=code: deeds.record_deed(ctx, rid, code),
                              raw_deed, half)
        rows.append(ratio_row(f"record a deed ({what}; committed, synchronous=FULL)", svc, raw))
    if not audit.verify_chain().ok:
        raise SystemExit("the audit chain no longer verifies: a raw deed was written wrong")

    rich = people[0]
    ledger.adjust(ctx, rich, 86 * 30, "基准测试")
    from app.printing.vouchers import voucher_sheet_pdf

    info = station.current()

    def issue_and_print() -> None:
        result = vouchers.issue(ctx, rich, 86)
        voucher_sheet_pdf(vouchers.vouchers_by_serial([v.serial for v in result.vouchers]), info)

    issue_and_print()  # font registration once per process, as at a desk
    svc = timed(issue_and_print, 20)
    raw = timed(lambda: bare_voucher_pdf(5), 20)
    rows.append(("issue 5 vouchers: sign + PDF", f"{statistics.median(svc):.1f} ms (median)",
                 f"{statistics.median(raw):.1f} ms", "≤ 150 ms"))
    if not args.station:
        rows.append((f"demo data for {args.residents:,} residents", f"{demo_seconds:.1f} s",
                     "—", "≤ 60 s for 100k / 1M"))

    print(f"\nStation: {population:,} residents, {entries:,} ledger entries, "
          f"{dt.date.today()}, {os.cpu_count()} cores\n")
    print("| what | StationDesk | raw (same statements, same file) | ratio |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
