"""Keyed seals on the records that carry value: ledger entries, vouchers, resolutions, the
audit log and the operation records that answer retried requests.

Each such row carries an HMAC of its own fields under a key derived from the station
secret in ``keys/`` (never stored in the database). Someone holding only the database file
can edit a row, forge one, or recompute the audit hash chain from scratch, but cannot make
a seal that verifies: ``check`` and the start-up check name every such row.

A seal is computed from column values as the database stores them (``str`` of each value
is the same whether it was just written or read back, on SQLite and PostgreSQL), so the
raw-SQL verifier also checks a backup file before it is restored.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.errors import KeyUnavailable

KEK_FILE = "station.kek"
# Beside the secret: this station's rows are sealed. A database that claims to be from
# before seals (its schema version rolled back) must then not be sealed again: that would
# seal whatever was forged into it.
SEALED_MARK = "sealed"
_INFO = b"StationDesk record seal v1"

# table -> (row id column, the sealed columns in a fixed order)
SEALED: dict[str, tuple[str, tuple[str, ...]]] = {
    "ledger_entry": ("seq", (
        "uid", "resident_id", "kind", "points", "balance_after", "deed_id", "voucher_serial",
        "corrects_id", "request_id", "clerk_id", "reason", "business_date", "created_at")),
    "voucher": ("id", (
        "serial", "year", "seq", "resident_id", "points", "issue_date", "expiry_date", "scope",
        "merchant_id", "key_id", "token", "nonce", "check_code", "issue_uid", "clerk_id",
        "created_at")),
    "voucher_resolution": ("id", (
        "voucher_id", "kind", "at", "clerk_id", "merchant_id", "reason", "request_id")),
    "audit_record": ("seq", (
        "at", "clerk_id", "clerk_name", "action", "target", "detail", "prev_hash", "hash")),
    "operation_record": ("id", (
        "request_id", "clerk_id", "kind", "fingerprint", "result", "created_at")),
    "verified_checkpoint": ("id", (
        "ledger_seq", "voucher_id", "resolution_id", "operation_id", "audit_seq", "audit_hash",
        "checked_at")),
}
TABLE_ZH = {"ledger_entry": "积分流水", "voucher": "兑换券",
            "voucher_resolution": "兑换券核销/作废记录", "audit_record": "审计日志",
            "operation_record": "操作记录", "verified_checkpoint": "启动检查校验点"}

_cache: dict[tuple[str, int, int], bytes] = {}


def derive(secret: bytes) -> bytes:
    """HKDF-SHA256 (RFC 5869) without salt, 32 bytes: one block of the expand step. The
    standard library's HMAC does it, so every start need not load ``cryptography``."""
    pseudo_random = hmac.new(bytes(hashlib.sha256().digest_size), secret, hashlib.sha256)
    return hmac.new(pseudo_random.digest(), _INFO + b"\x01", hashlib.sha256).digest()


def read_secret(keys_dir: Path) -> bytes:
    """The station secret in ``keys_dir``, or ``KeyUnavailable`` naming the file."""
    path = Path(keys_dir) / KEK_FILE
    try:
        return path.read_bytes().strip()
    except OSError as exc:
        raise KeyUnavailable(reason=f"{path}: {exc.strerror}") from exc


def station_key(keys_dir: Path) -> bytes:
    """The seal key of the station whose secret is in ``keys_dir``."""
    path = Path(keys_dir) / KEK_FILE
    try:
        stat = path.stat()
    except OSError as exc:
        raise KeyUnavailable(reason=f"{path}: {exc.strerror}") from exc
    cache_key = (str(path), stat.st_mtime_ns, stat.st_size)
    key = _cache.get(cache_key)
    if key is None:
        key = _cache[cache_key] = derive(read_secret(keys_dir))
    return key


def _text(value: Any) -> bytes:
    return b"\x00" if value is None else str(value).encode("utf-8")


def row_mac(key: bytes, table: str, row: Mapping[str, Any]) -> str:
    _, columns = SEALED[table]
    body = b"\x1f".join([table.encode("ascii"), *(_text(row.get(c)) for c in columns)])
    return hmac.new(key, body, hashlib.sha256).hexdigest()[:32]


def stamp(keys_dir: Path, instance: Any) -> Any:
    """Seal a model instance about to be inserted (its ``mac`` field is set)."""
    meta = instance._meta
    row = {f.column_name: instance.__data__.get(name) for name, f in meta.fields.items()}
    instance.mac = row_mac(station_key(keys_dir), meta.table_name, row)
    return instance


def create(keys_dir: Path, model: type, **values: Any) -> Any:
    """``model.create(**values)``, sealed."""
    instance = stamp(keys_dir, model(**values))
    instance.save(force_insert=True)
    return instance


class SealedInsert:
    """An insert into a sealed table with its SQL written once (``app.models.fixed_sql``),
    for the writes of every deed: the seal is the one ``create`` would make of the same
    values. ``values`` names every column the table needs (peewee's defaults are not
    filled in here); calling it returns the new row's id."""

    __slots__ = ("table", "columns", "statement")

    def __init__(self, table: str, columns: tuple[str, ...]) -> None:
        from app.models.fixed_sql import insert

        self.table = table
        self.columns = columns
        self.statement = insert(table, (*columns, "mac"), returning=SEALED[table][0])

    def __call__(self, keys_dir: Path, values: Mapping[str, Any]) -> int:
        mac = row_mac(station_key(keys_dir), self.table, values)
        return self.statement.value(*(values[c] for c in self.columns), mac)


@dataclass(frozen=True)
class Broken:
    table: str
    row_ids: list[int]

    def describe(self, limit: int = 10) -> str:
        ids = "、".join(f"#{i}" for i in self.row_ids[:limit])
        more = f" 等 {len(self.row_ids)} 条" if len(self.row_ids) > limit else ""
        return f"{TABLE_ZH[self.table]} {ids}{more} 的校验码不符（被改动或伪造）"


Fetch = Callable[[str], Iterable[tuple]]


def verify(fetch: Fetch, key: bytes, tables: Iterable[str] = tuple(SEALED),
           after: Mapping[str, int] | None = None) -> list[Broken]:
    """Every sealed row whose seal is missing or wrong, per table (raw SQL through
    ``fetch``, so it works on the open database and on a backup file alike). ``after``:
    per table, only the rows whose id is above this one (those written since a check)."""
    out = []
    for table in tables:
        id_column, columns = SEALED[table]
        names = ", ".join(f'"{c}"' for c in (id_column, *columns, "mac"))
        since = (after or {}).get(table)
        where = f' WHERE "{id_column}" > {int(since)}' if since is not None else ""
        bad = []
        for row in fetch(f'SELECT {names} FROM "{table}"{where} ORDER BY "{id_column}"'):
            values = dict(zip(columns, row[1:-1], strict=True))
            if not row[-1] or not hmac.compare_digest(row[-1], row_mac(key, table, values)):
                bad.append(int(row[0]))
        if bad:
            out.append(Broken(table, bad))
    return out


def mark_sealed(keys_dir: Path) -> None:
    (Path(keys_dir) / SEALED_MARK).touch()


def is_marked_sealed(keys_dir: Path) -> bool:
    return (Path(keys_dir) / SEALED_MARK).exists()


def seal_existing(keys_dir: Path) -> int:
    """Seal the rows written before seals existed (once, right after migration 3), with
    the append-only guards lifted for that one transaction. Returns the rows sealed."""
    from app.models import database
    from app.models.migrations import drop_guards, install_guards

    key = station_key(keys_dir)
    sealed = 0
    with database.atomic():
        drop_guards()
        for table, (id_column, columns) in SEALED.items():
            names = ", ".join(f'"{c}"' for c in (id_column, *columns))
            rows = database.execute_sql(
                f'SELECT {names} FROM "{table}" WHERE mac IS NULL').fetchall()
            for row in rows:
                mac = row_mac(key, table, dict(zip(columns, row[1:], strict=True)))
                database.execute_sql(
                    f'UPDATE "{table}" SET mac = {database.param} '
                    f'WHERE "{id_column}" = {database.param}', (mac, row[0]))
            sealed += len(rows)
        install_guards()
    mark_sealed(keys_dir)
    return sealed
