"""A district's merged records written straight into a centre's PostgreSQL database, as
many and of the kinds that a year of packages from its stations would bring, for timing
the district report before (or without) exporting and importing real packages.

The counts per resident are those of a demo station of 2,000 residents and a year
(``station-desk demo --residents 2000``): its tables held 21,367 ledger entries (88.5 %
awards, 5.8 % deductions, 5.5 % voucher issues), 1,175 vouchers, 776 of them resolved,
24 activities with 296 attendances, 48 store sales, 8 teams of 96 members, 3 merchants
and statements, 6 fund entries, 12 commendations and check-ins on about 300 days.
``scale`` multiplies the per-resident counts (a busier district)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import uuid

from app.models import database
from app.models.district import Centre, Institute, MemberStation

PER_RESIDENT = {"ledger": 10.68, "voucher": 0.5875, "attendance": 0.148, "team_member": 0.048,
                "store_sale": 0.024}
PER_STATION = {"activity": 24, "team": 8, "merchant": 3, "statement": 3, "fund_entry": 6,
               "commendation": 12}
LEDGER = (("award", 0.885), ("deduct", 0.058), ("issue", 0.055), ("store_sale", 0.002))
CATS = ("social", "family", "professional", "personal")
LEVELS = ("community", "street", "district", "city")
COLUMNS = ("station_id", "kind", "uid", "day", "resident", "amount", "category", "ref", "data",
           "digest", "package_seq")


def sizes(stations: int, average: int, rng: random.Random) -> list[int]:
    """Residents per station: from half to one and a half times ``average``, in a random
    order, averaging ``average``."""
    if stations == 1:
        return [average]
    out = [round(average * (0.5 + n / (stations - 1))) for n in range(stations)]
    rng.shuffle(out)
    return out


def centre_tree(stations: int, institutes: int, at: dt.datetime) -> list[MemberStation]:
    Centre.create(uid=str(uuid.uuid4()), name="基准区新时代文明实践中心", public_key=b"\x01" * 32,
                  private_key_encrypted=b"\x02" * 48, created_at=at)
    groups = [Institute.create(uid=str(uuid.uuid4()), name=f"第{n + 1}街道实践所", created_at=at)
              for n in range(institutes)]
    return [MemberStation.create(code=f"BS{n + 1:02d}", name=f"基准社区{n + 1}站",
                                 institute=groups[n % institutes], registered_at=at, last_seq=1,
                                 last_exported_at=at, last_imported_at=at)
            for n in range(stations)]


class _Rows:
    """One station's records as COPY lines."""

    def __init__(self, station: MemberStation, rng: random.Random, year: int) -> None:
        self.station, self.rng, self.year = station, rng, year
        self.buffer = io.StringIO()
        self.count = 0

    def day(self) -> dt.date:
        return dt.date(self.year, 1, 1) + dt.timedelta(days=self.rng.randrange(365))

    def add(self, kind: str, day: dt.date | None, resident: str | None, amount: int | None,
            category: str | None, ref: str | None, uid: str | None = None,
            **fields: object) -> str:
        """One record; its ``data`` (the record's own fields, as the centre keeps them)
        about as long as a real one's."""
        uid = uid or f"{self.station.code}-{kind[:3]}-{self.count}"
        data = {"uid": uid, "at": f"{day}T10:00:00", "note": "", "clerk": "demo",
                "request_id": uuid.uuid4().hex, **fields}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        cells = [self.station.id, kind, uid, day, resident, amount, category, ref, text,
                 hashlib.sha256(text.encode()).hexdigest(), 1]
        self.buffer.write("\t".join(r"\N" if c is None else str(c).replace("\\", "\\\\")
                                    for c in cells) + "\n")
        self.count += 1
        return uid


def _year(rows: _Rows, residents: int, scale: float) -> None:
    rng = rows.rng
    people = [f"P{hashlib.sha256(f'{rows.station.code}/{n}'.encode()).hexdigest()[:20]}"
              for n in range(residents)]
    for person in people:
        rows.add("resident", dt.date(rows.year - 1, 6, 1), person, 1960, "第一网格", None, person)

    def many(kind: str) -> int:
        return round(PER_RESIDENT[kind] * residents * scale)

    kinds = [k for k, _ in LEDGER]
    weights = [w for _, w in LEDGER]
    for kind in rng.choices(kinds, weights, k=many("ledger")):
        points = rng.randrange(1, 11)
        rows.add("ledger", rows.day(), rng.choice(people), -points if kind != "award" else points,
                 kind, rng.choice(CATS) if kind in ("award", "deduct") else None)
    for _ in range(many("voucher")):
        day, person, points = rows.day(), rng.choice(people), rng.choice((5, 10, 20, 50))
        serial = rows.add("voucher", day, person, points, "any", None)
        if rng.random() < 0.66:
            kind = rng.choices(("redeemed", "voided", "expired"), (0.9, 0.05, 0.05))[0]
            rows.add("voucher_resolution", min(day + dt.timedelta(days=rng.randrange(40)),
                                               dt.date(rows.year, 12, 31)), person, points,
                     kind, rng.choice(("store", "M-1", "M-2")) if kind == "redeemed" else None,
                     serial)
    activities = [rows.add("activity", rows.day(), None, None, "service", None,
                           state="closed")
                  for _ in range(round(PER_STATION["activity"] * scale))]
    for _ in range(many("attendance")):
        role = rng.choice(("volunteer", "audience"))
        rows.add("attendance", rows.day(), rng.choice(people),
                 rng.randrange(10, 40) if role == "volunteer" else 0, role,
                 rng.choice(activities), signed_in_at=f"{rows.year}-06-01T09:00:00")
    for _ in range(many("store_sale")):
        rows.add("store_sale", rows.day(), rng.choice(people), rng.randrange(5, 40), None, None)
    for _ in range(many("team_member")):
        rows.add("team_member", rows.day(), rng.choice(people), None, "member", "T-1")
    for kind in ("team", "merchant", "fund_entry"):
        for _ in range(PER_STATION[kind]):
            rows.add(kind, rows.day(), None, 100, None, None)
    for _ in range(PER_STATION["statement"]):  # placed by approval and payment, as real ones
        paid = rows.day()
        rows.add("statement", paid, None, rng.randrange(10000, 90000), "paid", "M-1",
                 approved_at=f"{paid}T10:00:00", paid_on=str(paid))
    for _ in range(PER_STATION["commendation"]):
        rows.add("commendation", rows.day(), rng.choice(people), None, rng.choice(LEVELS), "好人",
                 withdrawn_at=None)
    for day in sorted({rows.day() for _ in range(300)}):
        rows.add("checkins", day, None, rng.randrange(1, 30), None, None,
                 f"{rows.station.code}-CHK-{day}")


def fill(stations: list[MemberStation], residents: list[int], year: int, scale: float,
         seed: int = 1) -> int:
    """A year of records for every station, COPYed a station at a time; returns how
    many were written."""
    rng = random.Random(seed)
    written = 0
    cursor = database.cursor()
    for station, size in zip(stations, residents, strict=True):
        rows = _Rows(station, rng, year)
        _year(rows, size, scale)
        rows.buffer.seek(0)
        cursor.copy_expert(f"COPY district_record ({', '.join(COLUMNS)}) FROM STDIN",
                           rows.buffer)
        written += rows.count
    database.commit()
    database.execute_sql("ANALYZE district_record")
    return written
