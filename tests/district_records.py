"""A hand-made district for the district report's tests: a centre, institutes and
stations, and records written straight into ``DistrictRecord`` as the stations' packages
would bring them (the kinds table of the package format), until packages exist; and
every figure counted again by plain SQL, apart from the report's service."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import uuid

from app.models import database
from app.models.district import Centre, DistrictRecord, Institute, MemberStation

START = dt.date(2026, 1, 1)
CATS = ("social", "family", "professional", "personal")
LEVELS = ("community", "street", "district", "city", "province", "national")
# name -> stations (code, name, last package written, or None: never sent)
DISTRICT = {
    "城关街道实践所": [("CG01", "东门社区站", dt.datetime(2026, 11, 20, 17, 5)),
                  ("CG02", "西街社区站", dt.datetime(2026, 9, 30, 18, 0)),
                  ("CG03", "南关社区站", None)],
    "新华街道实践所": [("XH01", "新华社区站", dt.datetime(2026, 11, 22, 9, 0)),
                  ("XH02", "光明社区站", dt.datetime(2026, 6, 1, 8, 30))],
    "河西镇实践所": [("HX01", "河西村站", dt.datetime(2026, 10, 31, 23, 0))],
}


def make_centre(name: str = "城关区新时代文明实践中心",
                at: dt.datetime = dt.datetime(2026, 1, 2, 9, 0)) -> Centre:
    return Centre.create(uid=str(uuid.uuid4()), name=name, public_key=b"\x01" * 32,
                         private_key_encrypted=b"\x02" * 48, created_at=at)


def make_district(district: dict | None = None) -> dict[str, MemberStation]:
    """The centre's tree; returns the member stations by code."""
    out = {}
    for iname, stations in (district or DISTRICT).items():
        institute = Institute.create(uid=str(uuid.uuid4()), name=iname,
                                     created_at=dt.datetime(2026, 1, 2, 9, 0))
        for code, name, sent in stations:
            out[code] = MemberStation.create(
                code=code, name=name, institute=institute,
                registered_at=dt.datetime(2026, 1, 3, 9, 0), last_seq=1 if sent else None,
                last_exported_at=sent,
                last_imported_at=sent + dt.timedelta(days=1) if sent else None)
    return out


def record(station: MemberStation, kind: str, day: dt.date | None, resident: str | None = None,
           amount: int | None = None, category: str | None = None, ref: str | None = None,
           uid: str | None = None, **data: object) -> dict:
    """One row as the centre stores it: the columns, the record's own fields (``data``,
    as JSON) and its digest."""
    uid = uid or f"{station.code}-{kind}-{uuid.uuid4().hex[:12]}"
    text = json.dumps({"uid": uid, **data}, ensure_ascii=False)
    return {"station": station.id, "kind": kind, "uid": uid, "day": day,
            "resident": resident, "amount": amount, "category": category, "ref": ref,
            "data": text, "digest": hashlib.sha256(text.encode()).hexdigest(),
            "package_seq": 1}


def write(rows: list[dict]) -> None:
    with database.atomic():
        for first in range(0, len(rows), 500):
            DistrictRecord.insert_many(rows[first:first + 500]).execute()


def pseudonym(station: MemberStation, n: int) -> str:
    return "P" + hashlib.sha256(f"{station.code}/{n}".encode()).hexdigest()[:20]


def a_year(station: MemberStation, rng: random.Random, residents: int = 30) -> list[dict]:
    """A year of one station, every counted kind and some that are not, on days across
    the year (and a few in the year before), for residents drawn at random."""
    rows = []

    def day() -> dt.date:
        return START + dt.timedelta(days=rng.randrange(-40, 365))

    def who() -> str:
        return pseudonym(station, rng.randrange(residents))

    for n in range(residents):
        rows.append(record(station, "resident", START, pseudonym(station, n), 1950 + n,
                           "第一网格", uid=pseudonym(station, n)))
    for _ in range(rng.randrange(4, 9)):
        state = rng.choice(("closed", "closed", "closed", "planned", "cancelled"))
        activity = record(station, "activity", day(), category=rng.choice(("lecture", "clean")),
                          state=state)
        rows.append(activity)
        for n in range(rng.randrange(1, 7)):
            role = rng.choice(("volunteer", "audience"))
            signed = None if rng.random() < 0.2 else f"{activity['day']}T09:0{n}:00"
            rows.append(record(station, "attendance", activity["day"], who(),
                               rng.randrange(5, 40) if role == "volunteer" else 0, role,
                               activity["uid"], signed_in_at=signed))
    for _ in range(rng.randrange(20, 60)):
        kind = rng.choice(("award", "award", "deduct", "issue", "refund", "adjust", "expire"))
        points = rng.randrange(1, 20)
        cat = rng.choice(CATS) if kind in ("award", "deduct") and rng.random() > 0.1 else None
        rows.append(record(station, "ledger", day(), who(),
                           points if kind in ("award", "refund") else -points, kind, cat))
    for _ in range(rng.randrange(5, 15)):
        voucher = record(station, "voucher", day(), who(), rng.choice((5, 10, 20)),
                         rng.choice(("any", "store", "merchant")))
        rows.append(voucher)
        if rng.random() < 0.7:
            kind = rng.choice(("redeemed", "redeemed", "voided", "expired"))
            ref = rng.choice(("store", "M-1", None)) if kind == "redeemed" else None
            rows.append(record(station, "voucher_resolution",
                               voucher["day"] + dt.timedelta(days=rng.randrange(0, 30)),
                               voucher["resident"], voucher["amount"], kind, ref,
                               uid=voucher["uid"]))
    for _ in range(rng.randrange(3, 10)):
        rows.append(record(station, "store_sale", day(), who(), rng.randrange(1, 30)))
    for month in range(1, 12):
        # approved and paid on the day it is dated, so the recount may place it by its day
        state, dated = rng.choice(("draft", "approved", "paid")), dt.date(2026, month, 28)
        rows.append(record(station, "statement", dated, None, rng.randrange(1000, 90000), state,
                           "M-1", approved_at=None if state == "draft" else f"{dated}T10:00:00",
                           paid_on=str(dated) if state == "paid" else None))
    for _ in range(rng.randrange(1, 6)):
        rows.append(record(station, "commendation", day(), rng.choice((who(), None)), None,
                           rng.choice(LEVELS), "好人好事",
                           withdrawn_at="2026-12-01T10:00:00" if rng.random() < 0.25 else None))
    for n in range(rng.randrange(3, 8)):
        rows.append(record(station, "checkins", day(), None, rng.randrange(1, 40),
                           uid=f"{station.code}-CHK-{n}"))
    rows.append(record(station, "team", START, None, 12))
    rows.append(record(station, "fund_entry", day(), None, 5000, "donation", "捐赠"))
    return rows


def fill(stations: dict[str, MemberStation], seed: int = 7, skip: tuple[str, ...] = ("CG03",)
         ) -> None:
    """A year of records for every station but those in ``skip`` (never reported)."""
    rng = random.Random(seed)
    rows = []
    for code, station in stations.items():
        if code not in skip:
            rows += a_year(station, rng, residents=rng.randrange(10, 40))
    write(rows)


# --- the recount ---------------------------------------------------------------------------

# figure key -> (SQL select list, kind, extra condition); {w} is the group's station filter
_COUNT, _PERSONS, _SUM = "COUNT(*)", "COUNT(DISTINCT resident)", "COALESCE(SUM(amount), 0)"


# held activities, residents signed in at them, commendations not withdrawn: the station's
# own report counts only these, and the records' JSON (written by ``record``) says which
HELD = "data LIKE '%\"state\": \"closed\"%'"
SIGNED_IN = (f"ref IN (SELECT uid FROM district_record WHERE kind = 'activity' AND {HELD}) "
             "AND data NOT LIKE '%\"signed_in_at\": null%'")
STANDING = "data LIKE '%\"withdrawn_at\": null%'"


def _plan() -> dict[str, tuple[str, str, str]]:
    plan = {"activities": (_COUNT, "activity", HELD), "checkins": (_SUM, "checkins", "")}
    for key, role in (("volunteers", "volunteer"), ("audience", "audience")):
        plan[f"{key}.persons"] = (_PERSONS, "attendance", f"category = '{role}' AND {SIGNED_IN}")
        plan[f"{key}.person_times"] = (_COUNT, "attendance",
                                       f"category = '{role}' AND {SIGNED_IN}")
    plan["volunteers.hours"] = (_SUM, "attendance", f"category = 'volunteer' AND {SIGNED_IN}")
    for key, kind, sign in (("awarded", "award", ""), ("deducted", "deduct", "-")):
        plan[f"{key}.persons"] = (_PERSONS, "ledger", f"category = '{kind}'")
        plan[f"{key}.person_times"] = (_COUNT, "ledger", f"category = '{kind}'")
        plan[f"{key}.points"] = (sign + _SUM, "ledger", f"category = '{kind}'")
        for cat in CATS:
            where = f"category = '{kind}' AND ref = '{cat}'"
            plan[f"{key}.category.{cat}.persons"] = (_PERSONS, "ledger", where)
            plan[f"{key}.category.{cat}.person_times"] = (_COUNT, "ledger", where)
            plan[f"{key}.category.{cat}.points"] = (sign + _SUM, "ledger", where)
    plan["vouchers.issued.count"] = (_COUNT, "voucher", "")
    plan["vouchers.issued.persons"] = (_PERSONS, "voucher", "")
    plan["vouchers.issued.points"] = (_SUM, "voucher", "")
    for kind in ("redeemed", "voided", "expired"):
        plan[f"vouchers.{kind}.count"] = (_COUNT, "voucher_resolution", f"category = '{kind}'")
        plan[f"vouchers.{kind}.points"] = (_SUM, "voucher_resolution", f"category = '{kind}'")
    store = "category = 'redeemed' AND (ref IS NULL OR ref = 'store')"
    plan["vouchers.redeemed.store.count"] = (_COUNT, "voucher_resolution", store)
    plan["vouchers.redeemed.store.points"] = (_SUM, "voucher_resolution", store)
    plan["store.sales.count"] = (_COUNT, "store_sale", "")
    plan["store.sales.persons"] = (_PERSONS, "store_sale", "")
    plan["store.sales.points"] = (_SUM, "store_sale", "")
    settled = "category IN ('approved', 'paid')"
    plan["settlement.statements.count"] = (_COUNT, "statement", settled)
    plan["settlement.statements.amount_fen"] = (_SUM, "statement", settled)
    plan["settlement.paid.count"] = (_COUNT, "statement", "category = 'paid'")
    plan["settlement.paid.amount_fen"] = (_SUM, "statement", "category = 'paid'")
    plan["honours.count"] = (_COUNT, "commendation", STANDING)
    for level in LEVELS:
        plan[f"honours.level.{level}"] = (_COUNT, "commendation",
                                          f"category = '{level}' AND {STANDING}")
    return plan


def recount(start: dt.date, end: dt.date, stations: str) -> dict[str, int | float]:
    """Every figure for the stations the SQL condition ``stations`` (on station_id)
    names, one plain query a figure: distinct pseudonyms across the whole group."""
    out: dict[str, int | float] = {}
    for key, (select, kind, extra) in _plan().items():
        mark = database.param
        if mark == "%s":  # psycopg2 reads a lone % as the start of a placeholder
            extra = extra.replace("%", "%%")
        sql = (f"SELECT {select} FROM district_record WHERE kind = {mark} AND day >= {mark} "
               f"AND day <= {mark} AND ({stations})" + (f" AND {extra}" if extra else ""))
        value = database.execute_sql(sql, (kind, start, end)).fetchone()[0] or 0
        out[key] = round(int(value) / 10, 1) if key == "volunteers.hours" else int(value)
    return out


def of_station(station: MemberStation) -> str:
    return f"station_id = {int(station.id)}"


def of_institute(name: str) -> str:
    quoted = name.replace("'", "''")
    return ("station_id IN (SELECT s.id FROM member_station s JOIN institute i "
            f"ON i.id = s.institute_id WHERE i.name = '{quoted}')")
