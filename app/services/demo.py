"""Demo data: a station as it looks after a year of work (residents, deeds, vouchers,
redemptions, check-ins), made fast enough for 100,000 residents.

Rows are written with ``executemany`` in one transaction; every invariant the
integrity check holds (balances, running balances, one issue entry per voucher,
signed tokens) holds for the demo data too.

Demo vouchers are signed with a key of the station, so demo data loads only into a
station with no residents and no ledger entries yet (set-up done, nothing else), which
it then marks as a demo station (``demo_station``), or into a station marked so before.
A live station is refused. The history is credited to the demo clerk, who cannot sign
in; demo vouchers carry the demo prefix and are signed as demo (see ``tokens``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import random
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from app.models import (
    CheckIn,
    Deed,
    DeedType,
    LedgerEntry,
    Merchant,
    Resident,
    ResidentSearchTerm,
    SigningKey,
    Station,
    Voucher,
    VoucherResolution,
    database,
    write_transaction,
)
from app.models.db import SQLITE_PRAGMAS, is_sqlite
from app.services import (
    audit,
    demo_closeout,
    demo_honours,
    demo_notice,
    demo_people,
    demo_requests,
    demo_rooms,
    demo_settlement,
    demo_station,
    demo_store,
    demo_volunteering,
    journal,
    keys,
    pinyin,
    seal,
    search,
    tokens,
    vouchers,
)
from app.services.context import Context
from app.services.errors import InvalidInput, NotInitialised
from app.services.permissions import require
from app.services.residents import new_card_code

MERCHANTS = ("红星便民超市", "惠民大药房", "老街理发店")
CHUNK = 5000
Progress = Callable[[int, int], None]


def _insert(model: type, columns: Sequence[str], rows: list[tuple],
            seal_key: bytes | None = None) -> None:
    """Insert raw rows; a sealed table's rows get their seal from ``seal_key``."""
    if not rows:
        return
    table = model._meta.table_name
    if table in seal.SEALED:
        assert seal_key is not None, table
        rows = [(*row, seal.row_mac(seal_key, table, dict(zip(columns, row, strict=True))))
                for row in rows]
        columns = (*columns, "mac")
    marks = ", ".join([database.param] * len(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = database.cursor()
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
    for start in range(0, len(rows), 50_000):
        cursor.executemany(sql, rows[start:start + 50_000])


def _next_id(model: type) -> int:
    return (model.select(model._meta.primary_key).order_by(model._meta.primary_key.desc())
            .scalar() or 0) + 1


class _Ids:
    """Unique ids for one run: a random prefix and a counter (uuid4 per row costs ~5 µs,
    and sequential keys append to their unique index instead of scattering into it)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.count = 0

    def __call__(self, kind: str) -> str:
        self.count += 1
        return f"{kind}{self.prefix}{self.count:09x}"


@dataclass
class _Batch:
    residents: list[tuple] = field(default_factory=list)
    terms: list[tuple] = field(default_factory=list)
    deeds: list[tuple] = field(default_factory=list)
    entries: list[list] = field(default_factory=list)
    checkins: list[tuple] = field(default_factory=list)
    vouchers: list[dict] = field(default_factory=list)


def generate(ctx: Context, residents: int = 200, seed: int = 1, activity: float = 1.0,
             progress: Progress | None = None) -> dict:
    """Add ``residents`` demo residents with a year of history; returns what was made.

    ``activity`` scales how many deeds each resident has (1.0: about ten this year).
    """
    require(ctx, "demo.generate")
    started = time.perf_counter()
    if not 0 < residents <= 1_000_000 or not 0 < activity <= 20:
        raise InvalidInput(what="居民数须在 1 到 1,000,000 之间，活跃度在 0 到 20 之间。",
                           what_en="Residents: 1 to 1,000,000; activity: above 0, at most 20.")
    station = Station.select().first()
    if station is None:
        raise NotInitialised()
    rng = random.Random(seed)
    today = ctx.clock.today()
    totals = dict.fromkeys(("entries", "deeds", "vouchers", "checkins"), 0)
    ids = _Ids(uuid.uuid4().hex[:10])
    if is_sqlite():
        # Index pages of a large load stay in memory instead of being re-read.
        database.execute_sql("PRAGMA cache_size = -400000")
    with write_transaction(), _indexes_rebuilt_after(residents):
        demo_station.mark_or_refuse(ctx, station)
        clerk = demo_station.clerk(ctx)  # the history is nobody's real work
        shops = _merchants(ctx, station.code)
        taken = {i for (i,) in Resident.select(Resident.id_number).tuples() if i}
        reading = functools.cache(pinyin.full)
        # In chunks, so that memory stays flat however many residents are asked for.
        for first in range(0, residents, CHUNK):
            batch = _Batch()
            count = min(CHUNK, residents - first)
            _people(rng, station.code, count, ctx, batch, taken, reading)
            _history(rng, today, clerk.id, batch, ids, activity)
            _write(ctx, station, clerk.id, shops, batch, rng, today, ids)
            for key in totals:
                totals[key] += len(getattr(batch, key))
            if progress:
                progress(first + count, residents)
        if not is_sqlite():
            # Rows were written with their ids: move the sequences past them, or the
            # next resident registered at the desk collides with a demo one.
            for model in (Resident, Deed, Voucher):
                table = model._meta.table_name
                database.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f'(SELECT MAX(id) FROM "{table}"))')
        demo_rooms.add(ctx)
        totals |= demo_settlement.add(ctx, today)
        totals.update(demo_store.generate(ctx, rng, clerk, today))
        audit.record(ctx, "demo.generate", station.code, {"residents": residents, "seed": seed})
    demo_volunteering.generate(ctx, clerk, rng)  # through the services, once indexes are back
    demo_requests.generate(ctx, clerk, rng)  # after the teams and activities: it uses them
    demo_honours.generate(ctx, clerk, rng)
    demo_notice.generate(ctx, clerk, rng)
    totals.update(demo_closeout.add(ctx, clerk, today))  # last: a closed day stays closed
    if is_sqlite():
        database.execute_sql(f"PRAGMA cache_size = {SQLITE_PRAGMAS['cache_size']}")
    return {"residents": residents, **totals,
            "seconds": round(time.perf_counter() - started, 1)}


BULK_TABLES = (ResidentSearchTerm, LedgerEntry, Deed, CheckIn)


@contextlib.contextmanager
def _indexes_rebuilt_after(residents: int) -> Iterator[None]:
    """For a large load on SQLite, drop the big tables' secondary indexes and build them
    again at the end (inside the same transaction): one sorted build is several times
    cheaper than a million scattered inserts into each index. Unique indexes are
    rebuilt too, and rebuilding checks their uniqueness."""
    if not is_sqlite() or residents < 20_000:
        yield
        return
    saved = [index.sql for model in BULK_TABLES
             for index in database.get_indexes(model._meta.table_name) if index.sql]
    for model in BULK_TABLES:
        for index in database.get_indexes(model._meta.table_name):
            if index.sql:
                database.execute_sql(f'DROP INDEX "{index.name}"')
    yield
    for sql in saved:
        database.execute_sql(sql)


def _merchants(ctx: Context, code: str) -> list[int]:
    for name in MERCHANTS:
        if not Merchant.select().where(Merchant.name == name).exists():
            Merchant.create(uid=f"{code}-M{uuid.uuid4().hex}", name=name,
                            created_at=ctx.clock.now())
    return [m.id for m in Merchant.select().where(Merchant.name.in_(MERCHANTS))]


def _people(rng: random.Random, code: str, count: int, ctx: Context, batch: _Batch,
            taken: set[str], reading: Callable[[str], str]) -> None:
    first = _next_id(Resident)
    now = str(ctx.clock.now())
    grids = demo_people.GRIDS
    for n in range(count):
        rid = first + n
        number = f"{rid:06d}"
        name = demo_people.name(rng)
        id_no, birth, gender = demo_people.id_number(rng, taken)
        phone = demo_people.phone(rng)
        compound, building, unit, room = demo_people.address(rng)
        batch.residents.append((rid, f"{code}-R{number}", number, name, "cn_id", id_no, gender,
                                birth.isoformat(), phone, compound, building, unit, room,
                                grids[n % len(grids)], demo_people.tags(rng),
                                new_card_code(), False, 0, now, now))
        name_terms = pinyin.name_terms(name, pinyin.char_variants(name, reading))
        terms = search.resident_terms(name, number, phone, id_no, name_terms)
        batch.terms.extend((rid, t, r) for t, r in terms.items())


@dataclass(frozen=True)
class _Type:
    id: int
    points: int
    per_hour: bool


def _catalogue() -> tuple[list[_Type], list[_Type]]:
    """Types a demo may use any day: no review, and no cap longer than a day."""
    usable = [_Type(t.id, t.points, t.unit == "per_hour") for t in DeedType.select().where(
        DeedType.active == True, DeedType.needs_review == False,  # noqa: E712
        DeedType.cap_period.is_null() | (DeedType.cap_period == "day"))]
    return [t for t in usable if t.points > 0], [t for t in usable if t.points < 0]


def _history(rng: random.Random, today: dt.date, clerk_id: int, batch: _Batch, ids: _Ids,
             activity: float) -> None:
    """About ten deeds a resident since New Year (times ``activity``), some deductions,
    some vouchers; at most one deed a day, so no daily cap is reached."""
    awards, deductions = _catalogue()
    start = today.replace(month=1, day=1)
    span = (today - start).days + 1
    dates = [start + dt.timedelta(days=d) for d in range(span)]
    isos = [d.isoformat() for d in dates]
    recent = span - 45
    most = max(2, min(span, round(18 * activity)))
    deed_id = _next_id(Deed)
    random_ = rng.random
    for n, row in enumerate(batch.residents):
        rid = row[0]
        balance = 0
        for day in sorted(rng.sample(range(span), rng.randint(min(2, most), most))):
            iso = isos[day]
            t = deductions[int(random_() * len(deductions))] if random_() < 0.06 else \
                awards[int(random_() * len(awards))]
            tenths = 20 if t.per_hour and random_() < 0.5 else 10
            points = t.points * tenths // 10
            stamp = f"{iso} {8 + int(random_() * 10):02d}:{int(random_() * 60):02d}:00"
            batch.deeds.append((deed_id, ids("DEMO-D"), rid, t.id, tenths, iso, points, "", "",
                                "approved", clerk_id, stamp, ""))
            balance += points
            batch.entries.append([rid, "award" if points > 0 else "deduct", points, balance,
                                  deed_id, None, iso, stamp])
            deed_id += 1
            if day >= recent:
                batch.checkins.append((rid, iso, "deed", clerk_id, stamp))
            if balance >= 20 and random_() < 0.15:
                spend = balance - balance % 5 if random_() < 0.5 else 10
                for face in vouchers.split(spend, (50, 20, 10, 5, 1)):
                    balance -= face
                    entry = [rid, "issue", -face, balance, None, None, iso, stamp]
                    batch.entries.append(entry)
                    batch.vouchers.append({"resident": rid, "points": face, "date": dates[day],
                                           "stamp": stamp, "entry": entry,
                                           "redeem": random_() < 0.7})
        batch.residents[n] = row[:17] + (balance,) + row[18:]


def _demo_key(ctx: Context, today: dt.date) -> SigningKey:
    """A key of its own for the demo history (valid since New Year, retired today), so
    the station's real key keeps the validity it was made with."""
    start = today.replace(month=1, day=1)
    existing = (SigningKey.select().where(SigningKey.valid_from == start,
                                          SigningKey.retired_on == today,
                                          SigningKey.revoked_at.is_null())
                .order_by(SigningKey.key_id.desc()).first())
    if existing is not None:
        return existing
    key = keys.create_key(ctx, start)
    key.retired_on = today
    key.save()
    audit.record(ctx, "keys.demo", str(key.key_id), {"valid_from": str(start)})
    return key


def _write(ctx: Context, station: Station, clerk_id: int, shops: list[int], batch: _Batch,
           rng: random.Random, today: dt.date, ids: _Ids) -> None:
    _insert(Resident, ("id", "uid", "resident_no", "name", "id_type", "id_number", "gender",
                       "birth_date", "phone", "compound", "building", "unit", "room", "grid",
                       "tags", "card_code", "archived", "balance", "created_at", "updated_at"),
            batch.residents)
    _insert(ResidentSearchTerm, ("resident_id", "term", "rank"), batch.terms)
    _insert(Deed, ("id", "uid", "resident_id", "deed_type_id", "quantity_tenths", "deed_date",
                   "points", "override_reason", "note", "status", "recorded_by_id", "recorded_at",
                   "review_note"), batch.deeds)
    key = _demo_key(ctx, today)
    signer = keys.private_key(ctx, key)
    batch.vouchers.sort(key=lambda v: (v["stamp"], v["resident"]))
    year = today.year
    seq = vouchers.last_seq(year)
    voucher_rows, resolutions, events = [], [], []
    voucher_id = _next_id(Voucher)
    seal_key = seal.station_key(ctx.keys_dir)
    clerk_name = demo_station.CLERK_USERNAME
    names = dict(Merchant.select(Merchant.id, Merchant.name).tuples())
    for v in batch.vouchers:
        seq += 1
        expiry = v["date"].replace(month=12, day=31)
        nonce = tokens.new_nonce()
        payload = tokens.Payload(key.key_id, station.code, seq, v["points"], v["date"], expiry,
                                 tokens.Scope.ANY, 0, nonce, demo=True)
        token = tokens.sign(payload, signer)
        v["entry"][5] = payload.serial
        voucher_rows.append((voucher_id, payload.serial, year, seq, v["resident"], v["points"],
                             v["date"].isoformat(), expiry.isoformat(), "any", key.key_id, token,
                             nonce.hex(), tokens.check_code(token), f"DEMO-{v['resident']}",
                             clerk_id, v["stamp"]))
        events.append(journal.issued(payload.serial, year, seq, nonce.hex(), v["points"],
                                     v["stamp"]))
        if v["redeem"]:
            at = v["date"] + dt.timedelta(days=rng.randint(0, 20))
            if at <= today:
                shop = rng.choice([None, *shops])
                resolutions.append((voucher_id, "redeemed", f"{at} 15:00:00", clerk_id, shop,
                                    f"DEMO-R{voucher_id}", ""))
                events.append(journal.resolved(payload.serial, "redeemed", f"{at} 15:00:00",
                                               clerk_name, names.get(shop), "",
                                               f"DEMO-R{voucher_id}"))
        voucher_id += 1
    _insert(Voucher, ("id", "serial", "year", "seq", "resident_id", "points", "issue_date",
                      "expiry_date", "scope", "key_id", "token", "nonce", "check_code",
                      "issue_uid", "clerk_id", "created_at"), voucher_rows, seal_key)
    _insert(VoucherResolution, ("voucher_id", "kind", "at", "clerk_id", "merchant_id",
                                "request_id", "reason"), resolutions, seal_key)
    journal.append(ctx.data_dir, events)
    code = station.code
    _insert(LedgerEntry, ("uid", "resident_id", "kind", "points", "balance_after", "deed_id",
                          "voucher_serial", "request_id", "clerk_id", "reason", "business_date",
                          "created_at"),
            [(ids(f"{code}-L"), e[0], e[1], e[2], e[3], e[4], e[5], "demo",
              clerk_id, "", e[6], e[7]) for e in batch.entries], seal_key)
    _insert(CheckIn, ("uid", "resident_id", "checkin_date", "purpose", "clerk_id", "created_at"),
            [(ids(f"{code}-C"), *c) for c in batch.checkins])
