"""The voucher journal: every serial issued and every voucher resolved, one sealed line
each, appended and synced to a file beside the database as part of the operation.

A restore replaces the database with an older copy; what the live station knew about its
vouchers must survive that. The restore reads it from the live database when it can, and
from this journal when the live database is unreadable. A line is written before the
operation commits, so a crash between the two leaves a line for an operation that never
happened: that errs towards a voucher refused, never towards a voucher spent twice.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.services import seal

JOURNAL_FILE = "vouchers.journal"


def path_of(data_dir: Path) -> Path:
    return Path(data_dir) / JOURNAL_FILE


def _mac(key: bytes, text: str) -> str:
    return hmac.new(key, b"journal\x1f" + text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def append(data_dir: Path, events: list[dict[str, Any]]) -> None:
    """Append sealed lines and sync them to disk before returning."""
    key = seal.station_key(Path(data_dir) / "keys")
    lines = []
    for event in events:
        text = json.dumps(event, ensure_ascii=False, sort_keys=True, default=str)
        lines.append(f"{text}\t{_mac(key, text)}\n")
    fd = os.open(path_of(data_dir), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, "".join(lines).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def issued(serial: str, year: int, seq: int, nonce: str, points: int, at: object) -> dict:
    return {"e": "issued", "serial": serial, "year": year, "seq": seq, "nonce": nonce,
            "points": points, "at": str(at)}


def resolved(serial: str, kind: str, at: object, clerk: str, merchant: str | None,
             reason: str, request_id: str) -> dict:
    return {"e": "resolved", "serial": serial, "kind": kind, "at": str(at), "clerk": clerk,
            "merchant": merchant, "reason": reason, "request_id": request_id}


@dataclass
class Journal:
    issued: dict[str, dict] = field(default_factory=dict)
    resolved: dict[str, dict] = field(default_factory=dict)
    bad_lines: int = 0  # lines whose seal does not verify (edited, forged, torn)


def read(data_dir: Path, key: bytes) -> Journal:
    journal = Journal()
    path = path_of(data_dir)
    if not path.exists():
        return journal
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            text, _, mac = line.rstrip("\n").rpartition("\t")
            if not text or not hmac.compare_digest(mac, _mac(key, text)):
                journal.bad_lines += 1
                continue
            event = json.loads(text)
            if event.get("e") == "issued":
                journal.issued[event["serial"]] = event
            elif event.get("e") == "resolved":
                # The first resolution is the one that counts, as in the database.
                journal.resolved.setdefault(event["serial"], event)
    return journal
