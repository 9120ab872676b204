"""Benchmarks of the desk's budgets (DESIGN.md), each beside the same work done with
raw sqlite3 or bare reportlab. Not a test: run it on demand.

    .venv/bin/python benchmarks/bench_core.py                 # 100k residents, 5M entries
    .venv/bin/python benchmarks/bench_core.py --residents 20000 --activity 1

The station is built once under benchmarks/out/ and reused by later runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models import open_database  # noqa: E402
from app.models.migrations import migrate  # noqa: E402
from app.services import auth, deeds, ledger, residents, search, station, vouchers  # noqa: E402
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


def raw_scan(conn: sqlite3.Connection, code: str) -> list[tuple]:
    rid = conn.execute("SELECT id, balance FROM resident WHERE card_code = ?", (code,)).fetchone()
    return conn.execute(
        "SELECT e.*, t.name_zh, c.display_name FROM ledger_entry e "
        "LEFT JOIN deed d ON e.deed_id = d.id LEFT JOIN deed_type t ON d.deed_type_id = t.id "
        "LEFT JOIN clerk c ON e.clerk_id = c.id WHERE e.resident_id = ? "
        "ORDER BY e.seq DESC LIMIT 50", (rid[0],)).fetchall()


def raw_commit(path: Path, runs: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("PRAGMA synchronous=full")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, resident INTEGER, "
                 "points INTEGER, note TEXT)")

    def one() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (resident, points, note) VALUES (1, 2, 'x')")
        conn.execute("COMMIT")

    try:
        return timed(one, runs)
    finally:
        conn.close()


def raw_deed(path: Path, runs: int) -> list[float]:
    """The statements one recorded deed makes, written by hand in raw sqlite3: look up the
    request, resident, deed type and last clearing; insert the deed, move the balance,
    append the ledger entry and the hash-chained audit record; store the request."""
    import hashlib
    import uuid

    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(
        "PRAGMA journal_mode=wal; PRAGMA synchronous=full;"
        "CREATE TABLE IF NOT EXISTS op (id INTEGER PRIMARY KEY, rid TEXT UNIQUE, result TEXT);"
        "CREATE TABLE IF NOT EXISTS res (id INTEGER PRIMARY KEY, balance INTEGER);"
        "CREATE TABLE IF NOT EXISTS dt (id INTEGER PRIMARY KEY, code TEXT UNIQUE, points INT);"
        "CREATE TABLE IF NOT EXISTS deed (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, res INT,"
        " dt INT, points INT, day TEXT);"
        "CREATE TABLE IF NOT EXISTS led (seq INTEGER PRIMARY KEY, uid TEXT UNIQUE, res INT,"
        " kind TEXT, points INT, after INT, deed INT, day TEXT);"
        "CREATE INDEX IF NOT EXISTS led_kind ON led (kind, day);"
        "CREATE TABLE IF NOT EXISTS aud (seq INTEGER PRIMARY KEY, hash TEXT UNIQUE, body TEXT);"
        "INSERT OR IGNORE INTO res VALUES (1, 0); INSERT OR IGNORE INTO dt VALUES (1, 'L', 2);")

    def one() -> None:
        rid = uuid.uuid4().hex
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("SELECT result FROM op WHERE rid = ?", (rid,)).fetchone()
        conn.execute("SELECT id, balance FROM res WHERE id = 1").fetchone()
        conn.execute("SELECT id, points FROM dt WHERE code = 'L'").fetchone()
        conn.execute("SELECT MAX(day) FROM led WHERE kind = 'expire'").fetchone()
        deed = conn.execute("INSERT INTO deed (uid, res, dt, points, day) VALUES (?, 1, 1, 2, "
                            "'2026-11-23')", (rid,)).lastrowid
        conn.execute("UPDATE res SET balance = balance + 2 WHERE id = 1")
        after = conn.execute("SELECT balance FROM res WHERE id = 1").fetchone()[0]
        conn.execute("INSERT INTO led (uid, res, kind, points, after, deed, day) VALUES "
                     "(?, 1, 'award', 2, ?, ?, '2026-11-23')", (rid, after, deed))
        last = conn.execute("SELECT hash FROM aud ORDER BY seq DESC LIMIT 1").fetchone()
        digest = hashlib.sha256(((last[0] if last else "") + rid).encode()).hexdigest()
        conn.execute("INSERT INTO aud (hash, body) VALUES (?, ?)", (digest, rid))
        conn.execute("INSERT INTO op (rid, result) VALUES (?, '{}')", (rid,))
        conn.execute("COMMIT")

    try:
        return timed(one, runs)
    finally:
        conn.close()


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
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    out = ROOT / "benchmarks" / "out" / f"r{args.residents}-a{args.activity}"
    demo_seconds = build(out, args.residents, args.activity)
    db_path = out / "station.db"
    open_database(db_path)
    migrate()
    ctx = Context(out)
    ctx = ctx.as_actor(auth.sign_in(ctx, "admin", PASSWORD))
    conn = sqlite3.connect(db_path)
    entries = conn.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
    rng = random.Random(5)
    typed = queries(conn, rng)
    rows: list[tuple[str, str, str, str]] = []

    svc = [timed(lambda q=q: search.search(q, limit=50), 1)[0] for q in typed]
    raw = [timed(lambda q=q: raw_search(conn, q), 1)[0] for q in typed]
    rows.append(("resident search, one query as typed", f"{p95(svc):.2f} ms",
                 f"{p95(raw):.2f} ms", "p95 ≤ 20 ms, ≤ 2× raw"))

    codes = [r[0] for r in conn.execute("SELECT card_code FROM resident ORDER BY random() "
                                        f"LIMIT {args.runs}")]
    it = iter(codes)
    svc = timed(lambda: ledger.entries(residents.by_card(next(it)).id, limit=50), len(codes))
    it2 = iter(codes)
    raw = timed(lambda: raw_scan(conn, next(it2)), len(codes))
    rows.append(("scan → resident, balance, last 50 entries", f"{p95(svc):.2f} ms",
                 f"{p95(raw):.2f} ms", "p95 ≤ 20 ms"))

    people = [r[0] for r in conn.execute("SELECT id FROM resident ORDER BY random() "
                                         f"LIMIT {args.runs}")]
    it3 = iter(people)
    svc = timed(lambda: deeds.record_deed(ctx, next(it3), "LOST_AND_FOUND"), len(people))
    raw = raw_commit(out / "raw-commit.db", len(people))
    same = raw_deed(out / "raw-deed.db", len(people))
    rows.append(("record a deed (committed, synchronous=FULL)", f"{p95(svc):.2f} ms",
                 f"{p95(raw):.2f} ms (one insert); {p95(same):.2f} ms (the same statements)",
                 "p95 ≤ 1.5× raw insert+commit"))

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
    rows.append((f"demo data for {args.residents:,} residents", f"{demo_seconds:.1f} s",
                 "—", "≤ 60 s for 100k / 1M"))

    print(f"\nStation: {args.residents:,} residents, {entries:,} ledger entries, "
          f"{dt.date.today()}, {os.cpu_count()} cores\n")
    print("| what | StationDesk | raw | budget |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
