"""The tamper-evident audit log: every write says who, when, what, and chains its hash
to the record before it, so an edit, deletion, reorder or truncation is found."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.models import database, write_transaction
from app.models.fixed_sql import FixedSql
from app.services import seal
from app.services.context import JUMP_SECONDS

if TYPE_CHECKING:
    from app.services.context import Context

GENESIS = "0" * 64


def _digest(prev_hash: str, at: str, clerk_id: int | None, action: str, target: str,
            detail: str) -> str:
    body = json.dumps([prev_hash, at, clerk_id, action, target, detail], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


_LAST = FixedSql('SELECT "hash", "at" FROM "audit_record" ORDER BY "seq" DESC LIMIT 1')
_APPEND = seal.SealedInsert("audit_record", (
    "at", "clerk_id", "clerk_name", "action", "target", "detail", "prev_hash", "hash"))


def record(ctx: Context, action: str, target: str = "", detail: dict[str, Any] | None = None
           ) -> str:
    """Append one audit record; call inside the operation's write transaction. Returns
    its hash, the chain's new head.

    A clock set back behind the last record, or moved while the desk runs, is noted in
    a record of its own first: entries stay ordered by sequence, and the jump is on file.
    """
    last = _LAST.row()
    at = ctx.clock.now()
    jump = ctx.clock.take_jump()
    head = last[0] if last else GENESIS
    if jump:
        head = _append(ctx, head, at, "clock.jump", "", {"seconds": round(jump)})
        last = (head, at)
    if last is not None and at < _as_datetime(last[1]) - dt.timedelta(seconds=JUMP_SECONDS):
        head = _append(ctx, head, at, "clock.behind", "",
                       {"last_record_at": str(last[1]), "now": str(at)})
    return _append(ctx, head, at, action, target, detail)


def _as_datetime(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _append(ctx: Context, prev_hash: str, at: dt.datetime, action: str, target: str,
            detail: dict[str, Any] | None) -> str:
    detail_text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
    actor = ctx.actor
    clerk_id = actor.clerk_id if actor else None
    digest = _digest(prev_hash, at.isoformat(), clerk_id, action, str(target), detail_text)
    _APPEND(ctx.keys_dir, {"at": at, "clerk_id": clerk_id,
                           "clerk_name": actor.username if actor else "", "action": action,
                           "target": str(target), "detail": detail_text,
                           "prev_hash": prev_hash, "hash": digest})
    return digest


@dataclass(frozen=True)
class ChainReport:
    records: int
    ok: bool
    problem: str = ""
    head: str = GENESIS


def verify_chain(anchor: str | None = None, fetch: seal.Fetch | None = None,
                 since: tuple[int, str] | None = None) -> ChainReport:
    """Re-hash the whole log. ``anchor``: a head hash noted earlier, which must still be
    in the chain (this is what finds a truncation of the newest records). ``fetch`` runs
    SQL on another database (a backup file); by default the open one. ``since``: the
    (seq, hash) of a record verified earlier: only the records after it are re-hashed,
    chained on from that hash, which the record must still carry."""
    fetch = fetch or (lambda sql: database.execute_sql(sql))
    prev = GENESIS
    start = 0
    if since is not None and since[0] > 0:
        start, prev = int(since[0]), since[1]
        kept = list(fetch(f"SELECT hash FROM audit_record WHERE seq = {start}"))
        if not kept or kept[0][0] != prev:
            return ChainReport(0, False, f"记录 {start}（上次检查到此）被改动或删除", prev)
    count = 0
    seen_anchor = anchor is None
    rows = fetch('SELECT seq, at, clerk_id, action, target, detail, prev_hash, hash '
                 f'FROM audit_record WHERE seq > {start} ORDER BY seq')
    for seq, at, clerk_id, action, target, detail, prev_hash, hash_ in rows:
        count += 1
        if prev_hash != prev:
            return ChainReport(count, False, f"记录 {seq} 与前一条不衔接（被删除或调换）", prev)
        expected = _digest(prev, _as_datetime(at).isoformat(), clerk_id, action, target, detail)
        if hash_ != expected:
            return ChainReport(count, False, f"记录 {seq} 的内容被改动", prev)
        prev = hash_
        if hash_ == anchor:
            seen_anchor = True
    if not seen_anchor:
        return ChainReport(count, False, "日志末尾的记录缺失（已被截断）", prev)
    return ChainReport(count, True, "", prev)


def verify_log(keys_dir: Path, anchor: str | None = None) -> ChainReport:
    """The chain re-hashed and, if it holds, every record's seal checked: the hash chain
    alone can be rebuilt by anyone with the file; the seals cannot."""
    chain = verify_chain(anchor)
    if not chain.ok:
        return chain
    broken = seal.verify(lambda sql: database.execute_sql(sql), seal.station_key(keys_dir),
                         ["audit_record"])
    problem = "；".join(b.describe() for b in broken)
    return ChainReport(chain.records, not problem, problem, chain.head)


def note_access(ctx: Context, action: str, target: str = "",
                detail: dict[str, Any] | None = None) -> None:
    """Note that the signed-in clerk looked at or took away personal data, in a
    transaction of its own, before the data is shown or written: nothing leaves
    unrecorded."""
    from app.models.db import bookkeeping
    from app.services.operations import translate_storage_errors

    # Bookkeeping like a sign-in: a copy held for an admin's decision may still be read.
    with translate_storage_errors(), bookkeeping(), write_transaction():
        record(ctx, action, target, detail)
