"""Verifying a fresh backup copy in proportion to what is new in it.

The copy carries the station's verified checkpoint: everything up to it passed a check
of the live database (the start-up check, the background whole check, ``check``). So a
copy is verified by: its checkpoint's seal, its newest rows equal to what the live
database held when it was copied, every resident's balance read back to the live total
(a copy cut short or with a damaged page does not read), and then, as the start-up
check does, the ledger invariants, the seals and the audit chain of the rows after the
checkpoint. A damaged or edited copy is refused. Reading every page again
(``integrity_check``: 8× the copy itself on a 2.6 GB station) is left to the restore,
which checks the whole file before it uses a backup. A copy with no checkpoint (a
station never checked yet) is verified whole by the caller.
"""

from __future__ import annotations

import hmac
import sqlite3
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from app.services import audit, integrity, seal
from app.services.checkpoint import TABLE, Checkpoint
from app.services.findings import Report
from app.services.recent import recent_ledger_check


class CopyRefused(Exception):
    """What is wrong with the copy: ``zh`` and ``en``, for the caller's error."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def verify_copy(path: Path, keys_dir: Path, heads: Checkpoint) -> tuple[int, int, int] | None:
    """(residents, ledger entries, total balance) of a verified copy; None when it has
    no checkpoint to verify from; ``CopyRefused`` when it is damaged or edited.
    ``heads``: the live database's newest rows, read in the snapshot that was copied."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        since = _checkpoint(conn, keys_dir)
        if since is None:
            return None
        if _heads(conn) != heads:
            raise CopyRefused("备份与当前数据不一致", "the copy differs from the live data")
        problems = _recent_problems(conn, keys_dir, since)
        if problems:
            raise CopyRefused("备份未通过校验：" + "；".join(problems),
                              "the copy failed its check: " + "; ".join(problems))
        residents, total = conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM resident").fetchone()
        entries = conn.execute("SELECT COUNT(*) FROM ledger_entry").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise CopyRefused(f"不是有效的 StationDesk 数据库（{exc}）",
                          f"not a StationDesk database ({exc})") from exc
    finally:
        conn.close()
    return int(residents), int(entries), int(total)


def _checkpoint(conn: sqlite3.Connection, keys_dir: Path) -> Checkpoint | None:
    tables = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if TABLE not in tables:
        return None
    _, columns = seal.SEALED[TABLE]
    row = conn.execute(f'SELECT id, {", ".join(columns)}, mac FROM "{TABLE}" '
                       "ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return None
    stored = dict(zip(columns, row[1:-1], strict=True))
    if not row[-1] or not hmac.compare_digest(
            row[-1], seal.row_mac(seal.station_key(keys_dir), TABLE, stored)):
        raise CopyRefused("备份被改动过：" + seal.Broken(TABLE, [row[0]]).describe(),
                          "the copy was altered (its checkpoint's seal)")
    return Checkpoint(**{f.name: stored[f.name] for f in fields(Checkpoint)})


def _heads(conn: sqlite3.Connection) -> Checkpoint:
    def top(table: str, column: str) -> int:
        return int(conn.execute(
            f'SELECT COALESCE(MAX("{column}"), 0) FROM "{table}"').fetchone()[0])

    audit_seq = top("audit_record", "seq")
    row = conn.execute("SELECT hash FROM audit_record WHERE seq = ?", (audit_seq,)).fetchone()
    return Checkpoint(top("ledger_entry", "seq"), top("voucher", "id"),
                      top("voucher_resolution", "id"), top("operation_record", "id"),
                      audit_seq, row[0] if row else audit.GENESIS)


def _recent_problems(conn: sqlite3.Connection, keys_dir: Path, since: Checkpoint) -> list[str]:
    """The start-up check's work, on the copy: what was written after ``since``."""
    def rows(sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return conn.execute(sql, tuple(params)).fetchall()

    report = Report()
    recent_ledger_check(report, since, rows)
    tables = [t for t in seal.SEALED if t != TABLE]
    report.problems += [b.describe() for b in seal.verify(rows, seal.station_key(keys_dir),
                                                           tables, since.after())]
    chain = audit.verify_chain(fetch=rows, since=(since.audit_seq, since.audit_hash))
    if not chain.ok:
        report.problems.append("审计日志：" + chain.problem)
    report.problems += integrity.role_problems(rows)
    return report.problems
