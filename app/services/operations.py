"""One operation, one transaction, one request id.

``run`` executes a write inside one transaction and stores its result under the
request id; repeating the request (a double click, a double scan, a retry after a
crash) returns that first result and changes nothing.

The rules for a request id presented again:

- It belongs to the clerk who first used it. Another clerk presenting it is refused
  (``RequestOfAnotherClerk``), whatever the operation: a replay must never hand one
  clerk's result to another, nor let them pass it off as their own work.
- The same clerk with a different operation or different arguments is refused
  (``RequestConflict``).
- The same clerk with the same operation gets the first result back, marked as a
  replay (``replayed``), however long ago the first one ran. A replay is never
  silent: the desk and ``--json`` say so. It is not refused after a minute, because
  the retry of a request whose answer was lost in a crash may come minutes later,
  after a restart, and must learn that the work was done (exactly once) rather than
  be told "no" and left guessing whether to do it again.
- Records made before request ids were bound to clerks (schema version 4) keep no
  clerk; they replay for the clerk who retries them, marked like any replay.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import peewee

from app.models import write_transaction
from app.models.fixed_sql import FixedSql
from app.services import seal
from app.services.context import Context, new_request_id
from app.services.errors import DatabaseBusy, RequestConflict, RequestOfAnotherClerk, StorageFull


def _fingerprint(kind: str, params: dict[str, Any]) -> str:
    body = json.dumps([kind, params], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


_DONE = FixedSql('SELECT "clerk_id", "kind", "fingerprint", "result" FROM "operation_record" '
                  'WHERE "request_id" = {p}')
_STORE = seal.SealedInsert("operation_record", (
    "request_id", "clerk_id", "kind", "fingerprint", "result", "created_at"))


def run(ctx: Context, kind: str, request_id: str | None, params: dict[str, Any],
        body: Callable[[str], dict[str, Any]]) -> tuple[dict[str, Any], bool]:
    """Run ``body(request_id)`` once per request id; return (result, replayed)."""
    request_id = request_id or new_request_id()
    fingerprint = _fingerprint(kind, params)
    clerk_id = ctx.actor.clerk_id if ctx.actor else None
    with translate_storage_errors(), write_transaction():
        done = _DONE.row(request_id)
        if done is not None:
            done_clerk, done_kind, done_fingerprint, done_result = done
            if done_clerk is not None and done_clerk != clerk_id:
                raise RequestOfAnotherClerk()
            if done_kind != kind or done_fingerprint != fingerprint:
                raise RequestConflict()
            return json.loads(done_result), True
        result = body(request_id)
        _STORE(ctx.keys_dir, {
            "request_id": request_id, "clerk_id": clerk_id, "kind": kind,
            "fingerprint": fingerprint,
            "result": json.dumps(result, ensure_ascii=False, default=str),
            "created_at": ctx.clock.now()})
        return result, False


@contextlib.contextmanager
def translate_storage_errors() -> Iterator[None]:
    """Turn the database's 'disk full' and 'locked' into errors a clerk can act on."""
    try:
        yield
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        text = str(exc).lower()
        if "disk is full" in text:
            raise StorageFull() from exc
        if "locked" in text or "busy" in text:
            raise DatabaseBusy() from exc
        raise
