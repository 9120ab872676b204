"""The verified checkpoint: the newest ledger entry, voucher, resolution, operation record
and audit record (with its hash) that a passed check covered. The start-up check verifies
only what was written after it; ``check``, the background check and every backup verify
the whole file.

The row is sealed with the station key: an edited checkpoint (moved forward to hide
forged rows from the start-up check) does not verify and is reported. A deleted one only
makes the next start check everything; a restored older database has an older one.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.models import VerifiedCheckpoint, database
from app.models.db import bookkeeping, write_transaction
from app.services import seal
from app.services.audit import GENESIS

TABLE = "verified_checkpoint"


@dataclass(frozen=True)
class Checkpoint:
    ledger_seq: int = 0
    voucher_id: int = 0
    resolution_id: int = 0
    operation_id: int = 0
    audit_seq: int = 0
    audit_hash: str = GENESIS

    def covers(self, other: Checkpoint) -> bool:
        """Whether this one is at or past ``other`` in every table."""
        return all(getattr(self, f.name) >= getattr(other, f.name)
                   for f in fields(self) if f.name != "audit_hash")

    def after(self) -> dict[str, int]:
        """The lower bound of the rows written since, per sealed table."""
        return {"ledger_entry": self.ledger_seq, "voucher": self.voucher_id,
                "voucher_resolution": self.resolution_id,
                "operation_record": self.operation_id, "audit_record": self.audit_seq}


class CheckpointEdited(Exception):
    """The stored checkpoint's seal does not verify."""

    def __init__(self, row_id: int) -> None:
        super().__init__(seal.Broken(TABLE, [row_id]).describe())


def read(keys_dir: Path) -> Checkpoint | None:
    """The stored checkpoint, None when there is none; ``CheckpointEdited`` when its seal
    does not verify (``KeyUnavailable`` without the station secret)."""
    row = VerifiedCheckpoint.select().order_by(VerifiedCheckpoint.id).first()
    if row is None:
        return None
    stored = {c: getattr(row, c) for c in seal.SEALED[TABLE][1]}
    expected = seal.row_mac(seal.station_key(keys_dir), TABLE, stored)
    if not row.mac or not hmac.compare_digest(row.mac, expected):
        raise CheckpointEdited(row.id)
    return Checkpoint(**{f.name: stored[f.name] for f in fields(Checkpoint)})


def heads() -> Checkpoint:
    """The newest row of each table now (call inside the check's snapshot: what it sees
    is what it verifies)."""
    def top(table: str, column: str) -> int:
        return int(database.execute_sql(
            f'SELECT COALESCE(MAX("{column}"), 0) FROM "{table}"').fetchone()[0])

    audit_seq = top("audit_record", "seq")
    audit_hash = GENESIS
    if audit_seq:
        audit_hash = database.execute_sql(
            f"SELECT hash FROM audit_record WHERE seq = {audit_seq}").fetchone()[0]
    return Checkpoint(top("ledger_entry", "seq"), top("voucher", "id"),
                      top("voucher_resolution", "id"), top("operation_record", "id"),
                      audit_seq, audit_hash)


def advance(keys_dir: Path, to: Checkpoint, now: dt.datetime | None = None) -> bool:
    """Store ``to`` as verified, in a transaction of its own; never moves backwards (a
    slower check that began earlier finishes after a newer one). Returns whether it moved.
    Bookkeeping: it changes no business data, so it passes a hold on writes."""
    values = {**asdict(to), "checked_at": (now or dt.datetime.now()).isoformat(" ", "seconds")}
    with bookkeeping(), write_transaction():
        row = VerifiedCheckpoint.select().order_by(VerifiedCheckpoint.id).first()
        if row is not None:
            current = Checkpoint(**{f.name: getattr(row, f.name) for f in fields(Checkpoint)})
            if current == to or not to.covers(current):
                return False
            VerifiedCheckpoint.delete().execute()
        stamped = seal.stamp(keys_dir, VerifiedCheckpoint(id=1, **values))
        stamped.save(force_insert=True)
    return True
