"""Merging one package's records into ``DistrictRecord``, in bulk, inside the import's
transaction.

The records are staged in a temporary table (PostgreSQL: ``COPY``; SQLite: batched
``executemany``), then merged by three set statements whatever the package's size: a
join on the digest finds the conflicts, ``INSERT … SELECT … ON CONFLICT DO NOTHING``
adds what is new (the set union of append-only records keyed by kind and uid), and one
``UPDATE … FROM`` takes a changeable record's version from a higher package number.
Nothing here knows a kind's fields: the columns the reports count by come filled.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from app.models import database
from app.models.db import is_sqlite
from app.services.errors.packages import PackageDamaged
from app.services.package_file import canonical

# The kinds a station never changes once written: the first version wins, another is
# an exception. Every other kind takes the version of the highest package number.
APPEND_ONLY = frozenset({"ledger", "voucher", "voucher_resolution", "store_sale",
                         "store_movement", "fund_entry"})
COLUMNS = ("kind", "uid", "day", "resident", "amount", "category", "ref", "data", "digest")
_TEXT_LIMIT = 255  # the columns are VARCHAR(255) on PostgreSQL
_BATCH = 5000
_STAGE = "district_stage"


@dataclass
class Conflict:
    kind: str
    uid: str
    kept_station: int
    kept_seq: int
    kept_data: str
    kept_digest: str
    new_data: str
    new_digest: str


@dataclass
class Merged:
    records: int = 0
    added: int = 0
    changed: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    latest_day: dt.date | None = None


def _row(record: object, path: Path, n: int) -> tuple:
    """A record as a staging row, or the whole package refused: a signed record that is
    not of the agreed shape is a station program's fault, never guessed at."""
    def bad(what: str) -> PackageDamaged:
        return PackageDamaged(path=str(path), detail=f"第 {n} 条记录{what}")

    if not isinstance(record, dict):
        raise bad("不是对象")
    kind, uid = record.get("kind"), record.get("uid")
    if not (isinstance(kind, str) and kind and isinstance(uid, str) and uid):
        raise bad("缺少 kind 或 uid")
    texts = (kind, uid, record.get("resident"), record.get("category"), record.get("ref"))
    if any(v is not None and (not isinstance(v, str) or len(v) > _TEXT_LIMIT) for v in texts):
        raise bad("的文本字段不合格式或超长")
    amount = record.get("amount")
    if amount is not None and (type(amount) is not int or abs(amount) >= 1 << 63):
        raise bad("的 amount 不是整数")
    day = record.get("day")
    if day is not None:
        try:
            day = dt.date.fromisoformat(day) if isinstance(day, str) and len(day) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise bad("的 day 不是日期")
    data = canonical(record.get("data")).decode("utf-8")
    digest = hashlib.sha256(canonical(record)).hexdigest()
    return (kind, uid, day, record.get("resident"), amount, record.get("category"),
            record.get("ref"), data, digest)


def _batches(records: Iterable[object], path: Path, merged: Merged) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for n, record in enumerate(records, 1):
        row = _row(record, path, n)
        if row[2] is not None and (merged.latest_day is None or row[2] > merged.latest_day):
            merged.latest_day = row[2]
        batch.append(row)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
        merged.records = n
    if batch:
        yield batch


def _csv(value: object) -> str:
    # PostgreSQL's CSV: an unquoted empty field is NULL, a quoted one an empty text.
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace('"', '""') + '"'


def _stage(records: Iterable[object], path: Path, merged: Merged) -> None:
    sqlite = is_sqlite()
    database.execute_sql(f"DROP TABLE IF EXISTS {'temp.' if sqlite else ''}{_STAGE}")
    text, day = ("TEXT", "TEXT") if sqlite else ("VARCHAR(255)", "DATE")
    database.execute_sql(
        f"CREATE TEMP TABLE {_STAGE} (kind {text} NOT NULL, uid {text} NOT NULL, day {day}, "
        f"resident {text}, amount BIGINT, category {text}, ref {text}, data TEXT NOT NULL, "
        f"digest {text} NOT NULL, PRIMARY KEY (kind, uid))"
        + ("" if sqlite else " ON COMMIT DROP"))
    cursor = database.cursor()
    insert = f"INSERT INTO {_STAGE} VALUES ({', '.join('?' * len(COLUMNS))})"
    copy = f"COPY {_STAGE} ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv)"
    try:
        with peewee.__exception_wrapper__:  # the driver's errors as peewee's
            for batch in _batches(records, path, merged):
                if sqlite:
                    cursor.executemany(insert, [(*r[:2], r[2] and r[2].isoformat(), *r[3:])
                                                for r in batch])
                else:
                    body = "".join(",".join(map(_csv, r)) + "\n" for r in batch)
                    cursor.copy_expert(copy, io.StringIO(body))
    except peewee.IntegrityError:
        raise PackageDamaged(path=str(path), detail="同一条记录出现了两次") from None


def merge(station_id: int, seq: int, records: Iterable[object], path: Path) -> Merged:
    """Merge ``records`` of package ``seq`` of a station; call inside the import's
    transaction (a refusal part-way leaves nothing behind)."""
    merged = Merged()
    _stage(records, path, merged)
    p = database.param
    append_only = ", ".join(f"'{k}'" for k in sorted(APPEND_ONLY))
    joined = (f"FROM {_STAGE} s JOIN district_record d ON d.kind = s.kind AND d.uid = s.uid "
              "WHERE d.digest <> s.digest")
    found = database.execute_sql(
        "SELECT s.kind, s.uid, d.station_id, d.package_seq, d.data, d.digest, s.data, "
        f"s.digest {joined} AND (s.kind IN ({append_only}) OR d.station_id <> {p}) "
        "ORDER BY s.kind, s.uid", (station_id,))
    merged.conflicts = [Conflict(*row) for row in found]
    newer = (f"s.kind NOT IN ({append_only}) AND d.station_id = {p} AND d.package_seq < {p}")
    merged.changed = database.execute_sql(
        f"SELECT COUNT(*) {joined} AND {newer}", (station_id, seq)).fetchone()[0]
    # A newer package's unchanged version moves the record's number up too: an older
    # package arriving late must not then replace it.
    database.execute_sql(
        "UPDATE district_record AS d SET day = s.day, resident = s.resident, "
        "amount = s.amount, category = s.category, ref = s.ref, data = s.data, "
        f"digest = s.digest, package_seq = {p} FROM {_STAGE} s "
        f"WHERE d.kind = s.kind AND d.uid = s.uid AND {newer}", (seq, station_id, seq))
    added = database.execute_sql(
        f"INSERT INTO district_record (station_id, {', '.join(COLUMNS)}, package_seq) "
        f"SELECT {p}, {', '.join(COLUMNS)}, {p} FROM {_STAGE} WHERE 1 = 1 "
        "ON CONFLICT (kind, uid) DO NOTHING", (station_id, seq))
    merged.added = added.rowcount
    if is_sqlite():
        database.execute_sql(f"DROP TABLE temp.{_STAGE}")
    return merged
