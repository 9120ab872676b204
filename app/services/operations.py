"""One operation, one transaction, one request id.

``run`` executes a write inside one transaction and stores its result under the
request id; repeating the request (a double click, a double scan, a retry after a
crash) returns that first result and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from typing import Any

import peewee

from app.models import OperationRecord, write_transaction
from app.services.context import Context, new_request_id
from app.services.errors import DatabaseBusy, RequestConflict, StorageFull


def _fingerprint(kind: str, params: dict[str, Any]) -> str:
    body = json.dumps([kind, params], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def run(ctx: Context, kind: str, request_id: str | None, params: dict[str, Any],
        body: Callable[[str], dict[str, Any]]) -> tuple[dict[str, Any], bool]:
    """Run ``body(request_id)`` once per request id; return (result, replayed)."""
    request_id = request_id or new_request_id()
    fingerprint = _fingerprint(kind, params)
    with translate_storage_errors(), write_transaction():
        done = OperationRecord.get_or_none(OperationRecord.request_id == request_id)
        if done is not None:
            if done.kind != kind or done.fingerprint != fingerprint:
                raise RequestConflict()
            return json.loads(done.result), True
        result = body(request_id)
        OperationRecord.create(
            request_id=request_id,
            kind=kind,
            fingerprint=fingerprint,
            result=json.dumps(result, ensure_ascii=False, default=str),
            created_at=ctx.clock.now(),
        )
        return result, False


class translate_storage_errors:
    """Turn the database's 'disk full' and 'locked' into errors a clerk can act on."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: Any) -> bool:
        if exc is None or not isinstance(exc, peewee.OperationalError | sqlite3.OperationalError):
            return False
        text = str(exc).lower()
        if "disk is full" in text or "database or disk is full" in text:
            raise StorageFull() from exc
        if "locked" in text or "busy" in text:
            raise DatabaseBusy() from exc
        return False
