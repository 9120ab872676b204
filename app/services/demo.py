"""Demo data: a station as it looks after a year of work (residents, deeds, vouchers,
redemptions, check-ins), made fast enough for 100,000 residents.

Rows are written with ``executemany`` in one transaction; every invariant the
integrity check holds (balances, running balances, one issue entry per voucher,
signed tokens) holds for the demo data too.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.models import (
    CheckIn,
    Clerk,
    Deed,
    DeedType,
    LedgerEntry,
    Merchant,
    Resident,
    ResidentSearchTerm,
    Station,
    Voucher,
    VoucherResolution,
    database,
    write_transaction,
)
from app.services import audit, demo_people, keys, search, tokens, vouchers
from app.services.context import Context
from app.services.errors import NotInitialised
from app.services.residents import new_card_code

MERCHANTS = ("红星便民超市", "惠民大药房", "老街理发店")
Progress = Callable[[int, int], None]


def _insert(model: type, columns: Sequence[str], rows: list[tuple]) -> None:
    if not rows:
        return
    table = model._meta.table_name
    marks = ", ".join([database.param] * len(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = database.cursor()
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
    for start in range(0, len(rows), 50_000):
        cursor.executemany(sql, rows[start:start + 50_000])


def _next_id(model: type) -> int:
    return (model.select(model._meta.primary_key).order_by(model._meta.primary_key.desc())
            .scalar() or 0) + 1


@dataclass
class _Batch:
    residents: list[tuple] = field(default_factory=list)
    terms: list[tuple] = field(default_factory=list)
    deeds: list[tuple] = field(default_factory=list)
    entries: list[list] = field(default_factory=list)
    checkins: list[tuple] = field(default_factory=list)
    vouchers: list[dict] = field(default_factory=list)


def generate(ctx: Context, residents: int = 200, seed: int = 1,
             progress: Progress | None = None) -> dict:
    """Add ``residents`` demo residents with a year of history; returns what was made."""
    started = time.perf_counter()
    station = Station.select().first()
    if station is None:
        raise NotInitialised()
    rng = random.Random(seed)
    clerk = (Clerk.get_by_id(ctx.actor.clerk_id) if ctx.actor else
             Clerk.select().where(Clerk.role == "admin").order_by(Clerk.id).first())
    ctx = ctx.as_actor(ctx.actor) if ctx.actor else ctx
    today = ctx.clock.today()
    with write_transaction():
        shops = _merchants(ctx, station.code)
        batch = _Batch()
        _people(rng, station.code, residents, ctx, batch, progress)
        _history(rng, today, clerk.id, batch, ctx, residents, progress)
        _write(ctx, station, clerk.id, shops, batch, rng, today)
        audit.record(ctx, "demo.generate", station.code, {"residents": residents, "seed": seed})
    return {"residents": residents, "entries": len(batch.entries), "deeds": len(batch.deeds),
            "vouchers": len(batch.vouchers), "checkins": len(batch.checkins),
            "seconds": round(time.perf_counter() - started, 1)}


def _merchants(ctx: Context, code: str) -> list[int]:
    for n, name in enumerate(MERCHANTS, start=1):
        if not Merchant.select().where(Merchant.name == name).exists():
            Merchant.create(uid=f"{code}-M{n:04d}", name=name, created_at=ctx.clock.now())
    return [m.id for m in Merchant.select().where(Merchant.name.in_(MERCHANTS))]


def _people(rng: random.Random, code: str, count: int, ctx: Context, batch: _Batch,
            progress: Progress | None) -> None:
    first = _next_id(Resident)
    taken = {i for (i,) in Resident.select(Resident.id_number).tuples() if i}
    now = str(ctx.clock.now())
    terms_cache: dict[str, dict[str, int]] = {}
    for n in range(count):
        rid = first + n
        number = f"{rid:06d}"
        name = demo_people.name(rng)
        id_no, birth, gender = demo_people.id_number(rng, taken)
        phone = demo_people.phone(rng)
        compound, building, unit, room = demo_people.address(rng)
        batch.residents.append((rid, f"{code}-R{number}", number, name, "cn_id", id_no, gender,
                                birth.isoformat(), phone, compound, building, unit, room,
                                rng.choice(demo_people.GRIDS), demo_people.tags(rng),
                                new_card_code(), False, 0, now, now))
        if name not in terms_cache:
            terms_cache[name] = search.resident_terms(name, "", None, None)
        terms = dict(terms_cache[name])
        terms.update(search.resident_terms("", number, phone, id_no))
        batch.terms.extend((rid, t, r) for t, r in terms.items())
        if progress and n % 5000 == 0:
            progress(n, count * 2)


def _history(rng: random.Random, today: dt.date, clerk_id: int, batch: _Batch, ctx: Context,
             count: int, progress: Progress | None) -> None:
    """About ten deeds a resident since New Year, some deductions, some vouchers."""
    awards = [t for t in DeedType.select().where(DeedType.active == True,  # noqa: E712
                                                 DeedType.points > 0, DeedType.needs_review == False)]  # noqa: E712
    deductions = [t for t in DeedType.select().where(DeedType.points < 0,
                                                     DeedType.needs_review == False)]  # noqa: E712
    start = today.replace(month=1, day=1)
    span = (today - start).days + 1
    deed_id = _next_id(Deed)
    first_resident = batch.residents[0][0] if batch.residents else 0
    for n, row in enumerate(batch.residents):
        rid = row[0]
        days = sorted(rng.sample(range(span), min(span, rng.randint(2, 18))))
        balance = 0
        used: set[tuple[int, int]] = set()
        for day in days:
            date = start + dt.timedelta(days=day)
            t = rng.choice(deductions) if rng.random() < 0.06 else rng.choice(awards)
            if (t.id, day) in used or t.cap_period in ("lifetime", "year", "month"):
                t = awards[0]  # a per-day capped type, once a day
                if (t.id, day) in used:
                    continue
            used.add((t.id, day))
            tenths = 10 * (rng.randint(1, min(t.cap_quantity or 2, 2)) if t.unit == "per_hour"
                           else 1)
            points = t.points * tenths // 10
            stamp = f"{date} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:00"
            batch.deeds.append((deed_id, f"DEMO-D{uuid.uuid4().hex}", rid, t.id, tenths,
                                date.isoformat(), points, "", "", "approved", clerk_id, stamp, ""))
            balance += points
            batch.entries.append([rid, "award" if points > 0 else "deduct", points, balance,
                                  deed_id, None, date.isoformat(), stamp])
            deed_id += 1
            if (today - date).days < 45:
                batch.checkins.append((rid, date.isoformat(), "deed", clerk_id, stamp))
            if balance >= 20 and rng.random() < 0.15:
                spend = balance - balance % 5 if rng.random() < 0.5 else 10
                faces = vouchers.split(spend, (50, 20, 10, 5, 1))
                for face in faces:
                    balance -= face
                    entry = [rid, "issue", -face, balance, None, None, date.isoformat(), stamp]
                    batch.entries.append(entry)
                    batch.vouchers.append({"resident": rid, "points": face, "date": date,
                                           "stamp": stamp, "entry": entry,
                                           "redeem": rng.random() < 0.7})
        if progress and n % 5000 == 0:
            progress(count + n, count * 2)
        batch.residents[rid - first_resident] = row[:17] + (balance,) + row[18:]


def _write(ctx: Context, station: Station, clerk_id: int, shops: list[int], batch: _Batch,
           rng: random.Random, today: dt.date) -> None:
    _insert(Resident, ("id", "uid", "resident_no", "name", "id_type", "id_number", "gender",
                       "birth_date", "phone", "compound", "building", "unit", "room", "grid",
                       "tags", "card_code", "archived", "balance", "created_at", "updated_at"),
            batch.residents)
    _insert(ResidentSearchTerm, ("resident_id", "term", "rank"), batch.terms)
    _insert(Deed, ("id", "uid", "resident_id", "deed_type_id", "quantity_tenths", "deed_date",
                   "points", "override_reason", "note", "status", "recorded_by_id", "recorded_at",
                   "review_note"), batch.deeds)
    key = keys.active_key()
    signer = keys.private_key(ctx, key)
    batch.vouchers.sort(key=lambda v: (v["stamp"], v["resident"]))
    year = today.year
    seq = (Voucher.select(Voucher.seq).where(Voucher.year == year)
           .order_by(Voucher.seq.desc()).scalar() or 0)
    voucher_rows, resolutions = [], []
    voucher_id = _next_id(Voucher)
    for v in batch.vouchers:
        seq += 1
        expiry = v["date"].replace(month=12, day=31)
        payload = tokens.Payload(key.key_id, station.code, seq, v["points"], v["date"], expiry,
                                 tokens.Scope.ANY)
        token = tokens.sign(payload, signer)
        v["entry"][5] = payload.serial
        voucher_rows.append((voucher_id, payload.serial, year, seq, v["resident"], v["points"],
                             v["date"].isoformat(), expiry.isoformat(), "any", key.key_id, token,
                             tokens.check_code(token), f"DEMO-{v['resident']}", clerk_id,
                             v["stamp"]))
        if v["redeem"]:
            at = v["date"] + dt.timedelta(days=rng.randint(0, 20))
            if at <= today:
                shop = rng.choice([None, *shops])
                resolutions.append((voucher_id, "redeemed", f"{at} 15:00:00", clerk_id, shop,
                                    f"DEMO-R{voucher_id}", ""))
        voucher_id += 1
    _insert(Voucher, ("id", "serial", "year", "seq", "resident_id", "points", "issue_date",
                      "expiry_date", "scope", "key_id", "token", "check_code", "issue_uid",
                      "clerk_id", "created_at"), voucher_rows)
    _insert(VoucherResolution, ("voucher_id", "kind", "at", "clerk_id", "merchant_id",
                                "request_id", "reason"), resolutions)
    code = station.code
    _insert(LedgerEntry, ("uid", "resident_id", "kind", "points", "balance_after", "deed_id",
                          "voucher_serial", "request_id", "clerk_id", "reason", "business_date",
                          "created_at"),
            [(f"{code}-L{uuid.uuid4().hex}", e[0], e[1], e[2], e[3], e[4], e[5], "demo",
              clerk_id, "", e[6], e[7]) for e in batch.entries])
    _insert(CheckIn, ("uid", "resident_id", "checkin_date", "purpose", "clerk_id", "created_at"),
            [(f"{code}-C{uuid.uuid4().hex}", *c) for c in batch.checkins])
