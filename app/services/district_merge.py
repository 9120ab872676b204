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
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from app.models import database
from app.models.db import is_sqlite
from app.services import package_file
from app.services.errors.packages import PackageDamaged

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
    latest_day: str | None = None  # of an append-only record; ISO compares as dates do


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_OPTIONAL_TEXT = ("resident", "category", "ref")


class _Rows:
    """Staging rows from a package's record lines. Each line is the record's canonical
    form as signed (``package_file.write``), so its digest is taken from the line as
    it is, and ``data``, parsed from sorted keys, re-encodes canonically unsorted."""

    def __init__(self, path: Path, merged: Merged) -> None:
        self.path, self.merged = path, merged
        self.days: dict[str, bool] = {}

    def bad(self, n: int, what: str) -> PackageDamaged:
        return PackageDamaged(path=str(self.path), detail=f"第 {n} 条记录{what}")

    def day(self, value: object, n: int) -> str | None:
        if value is None:
            return None
        known = self.days.get(value) if isinstance(value, str) else False
        if known is None:
            try:
                known = len(value) == 10 and bool(dt.date.fromisoformat(value))
            except ValueError:
                known = False
            self.days[value] = known
        if not known:
            raise self.bad(n, "的 day 不是日期")
        return value

    def row(self, line: bytes, n: int) -> tuple:
        """A record as a staging row, or the whole package refused: a signed record not
        of the agreed shape is a station program's fault, never guessed at."""
        try:
            record = json.loads(line)
        except ValueError:
            raise self.bad(n, "不是 JSON") from None
        if type(record) is not dict:
            raise self.bad(n, "不是对象")
        kind, uid = record.get("kind"), record.get("uid")
        if not (type(kind) is str and type(uid) is str and kind and uid
                and len(kind) <= _TEXT_LIMIT and len(uid) <= _TEXT_LIMIT):
            raise self.bad(n, "的 kind 或 uid 缺失或超长")
        for name in _OPTIONAL_TEXT:
            v = record.get(name)
            if v is not None and (type(v) is not str or len(v) > _TEXT_LIMIT):
                raise self.bad(n, f"的 {name} 不是文本或超长")
        amount = record.get("amount")
        if amount is not None and (type(amount) is not int or abs(amount) >= 1 << 63):
            raise self.bad(n, "的 amount 不是整数")
        day = self.day(record.get("day"), n)
        return (kind, uid, day, record.get("resident"), amount, record.get("category"),
                record.get("ref"), _ENCODE(record.get("data")),
                hashlib.sha256(line.rstrip(b"\n")).hexdigest())

    def batches(self) -> Iterator[list[tuple]]:
        merged, batch, n = self.merged, [], 0
        with zipfile.ZipFile(self.path) as zf, zf.open(package_file.RECORDS) as fh:
            for n, line in enumerate(fh, 1):
                row = self.row(line, n)
                # Only what has happened is dated: an activity may be planned ahead.
                if row[2] is not None and row[0] in APPEND_ONLY and (
                        merged.latest_day is None or row[2] > merged.latest_day):
                    merged.latest_day = row[2]
                batch.append(row)
                if len(batch) >= _BATCH:
                    yield batch
                    batch = []
        merged.records = n
        if batch:
            yield batch


def _csv_line(row: tuple) -> str:
    # PostgreSQL's CSV: an unquoted empty field is NULL, a quoted one an empty text.
    return ",".join(["" if v is None else str(v) if type(v) is int
                     else '"' + v.replace('"', '""') + '"' for v in row])


def _stage(path: Path, merged: Merged) -> None:
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
            for batch in _Rows(path, merged).batches():
                if sqlite:
                    cursor.executemany(insert, batch)
                else:
                    body = "\n".join(map(_csv_line, batch)) + "\n"
                    cursor.copy_expert(copy, io.StringIO(body))
    except peewee.IntegrityError:
        raise PackageDamaged(path=str(path), detail="同一条记录出现了两次") from None
    if not sqlite:
        # A temporary table is never analysed by autovacuum: without its figures the
        # planner would guess the joins below blind.
        database.execute_sql(f"ANALYZE {_STAGE}")


def merge(station_id: int, seq: int, path: Path) -> Merged:
    """Merge the records of package ``seq`` of a station, at ``path`` (its records'
    hash checked); call inside the import's transaction (a refusal part-way leaves
    nothing behind)."""
    merged = Merged()
    _stage(path, merged)
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
