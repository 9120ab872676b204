"""The records of a station package, one function per kind (residents, the ledger, vouchers
and their resolutions, check-in counts); the other kinds are in ``package_kinds_more``.

Every function takes a ``Scope`` (what the previous package held, who the residents are
as pseudonyms) and yields records shaped as the centre stores them:
``{"kind", "uid", "day", "resident", "amount", "category", "ref", "data"}``. Rows are read
with streaming cursors inside the export's one read transaction: a year of records is
never held in memory.

Residents leave the station only as pseudonyms; free text a clerk typed about a person
(a ledger reason, a resolution's reason) goes only with ``identities``, since it may name
someone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass, field

import peewee as pw

from app.models import (
    CheckIn,
    Deed,
    DeedType,
    Household,
    LedgerEntry,
    Merchant,
    Resident,
    StoreSaleVoucher,
    Voucher,
    VoucherResolution,
    database,
)

# Changes dated this close before the previous package are sent again: a desk clock a
# little behind another must not hide a change between two packages.
CLOCK_MARGIN = dt.timedelta(days=1)


def pseudonym(secret: str, uid: str, prefix: str = "P") -> str:
    """A resident's (or household's) id at the centre: stable, and without the station's
    secret not traceable to the person."""
    mac = hmac.new(secret.encode("utf-8"), uid.encode("utf-8"), hashlib.sha256)
    return prefix + mac.hexdigest()[:20]


@dataclass
class Scope:
    """What one export sends: rows past the previous package's marks (all with ``full``)."""

    code: str
    secret: str
    identities: bool
    since: dt.datetime | None  # the previous package's end; None: from the beginning
    before: dict[str, int]  # table -> the highest id already sent (0: none)
    marks: dict[str, int] = field(default_factory=dict)  # table -> the highest id now
    people: dict[int, str] = field(default_factory=dict)  # resident id -> pseudonym
    homes: dict[int, str] = field(default_factory=dict)  # household id -> pseudonym

    def load_people(self) -> None:
        self.people = {i: pseudonym(self.secret, uid)
                       for i, uid in Resident.select(Resident.id, Resident.uid).tuples()}
        self.homes = {i: pseudonym(self.secret, uid, "H")
                      for i, uid in Household.select(Household.id, Household.uid).tuples()}

    def new(self, model: type[pw.Model], column: pw.Field) -> pw.Expression:
        """Rows of an append-only table not sent before, up to the mark of this snapshot."""
        table = model._meta.table_name
        return (column > self.before.get(table, 0)) & (column <= self.marks[table])

    def changed_since(self) -> dt.datetime | None:
        return self.since - CLOCK_MARGIN if self.since else None


# The append-only tables (and the two large changeable ones) tracked by id.
MARKED: tuple[tuple[type[pw.Model], pw.Field], ...] = (
    (LedgerEntry, LedgerEntry.seq), (Voucher, Voucher.id),
    (VoucherResolution, VoucherResolution.id), (CheckIn, CheckIn.id),
    (Resident, Resident.id))


_DATES = dt.date | dt.time


def iso(value: object) -> object:
    return value.isoformat() if isinstance(value, _DATES) else value


def moment(value: object) -> object:
    """A time as a raw cursor gives it (SQLite: text with a space; PostgreSQL: a
    datetime), in the one ISO form the package uses."""
    return value.replace(" ", "T", 1) if isinstance(value, str) else iso(value)


def record(kind: str, uid: str, day: object, resident: str | None, amount: int | None,
           category: str | None, ref: str | None, data: dict) -> dict:
    return {"kind": kind, "uid": uid, "day": iso(day), "resident": resident,
            "amount": amount, "category": category, "ref": ref,
            "data": {k: v.isoformat() if isinstance(v, _DATES) else v
                     for k, v in data.items()}}


def _day(value: object) -> object:
    return value.date() if isinstance(value, dt.datetime) else value


def residents(scope: Scope) -> Iterator[dict]:
    """``resident``: new ones, and those whose ``updated_at`` (or household) says they
    changed since the previous package. The table has no other time column; a change
    made without touching ``updated_at`` is sent again by the next ``--full`` package.
    The day is the date the resident was registered (``created_at``)."""
    query = Resident.select()
    since = scope.changed_since()
    if since is not None:
        homes = Household.select(Household.id).where(Household.created_at >= since)
        query = query.where(scope.new(Resident, Resident.id) | (Resident.updated_at >= since)
                            | Resident.household.in_(homes))
    for r in query.order_by(Resident.id).dicts().iterator():
        who = scope.people[r["id"]]
        born = r["birth_date"].year if r["birth_date"] else None
        data = {"pseudonym": who, "grid": r["grid"], "birth_year": born,
                "tags": [t for t in r["tags"].split(",") if t],
                "household": scope.homes.get(r["household"]), "archived": r["archived"],
                "created_at": r["created_at"], "updated_at": r["updated_at"]}
        if scope.identities:
            data.update(name=r["name"], id_number=r["id_number"], phone=r["phone"],
                        resident_no=r["resident_no"], gender=r["gender"],
                        birth_date=r["birth_date"])
        yield record("resident", who, _day(r["created_at"]), who, born, r["grid"] or None,
                     scope.homes.get(r["household"]), data)


def ledger(scope: Scope) -> Iterator[dict]:
    """``ledger``: every entry past the previous package's sequence mark."""
    types = {i: (code, cat) for i, code, cat in
             DeedType.select(DeedType.id, DeedType.code, DeedType.category).tuples()}
    corrected = LedgerEntry.alias()
    query = (LedgerEntry.select(LedgerEntry.seq, LedgerEntry.uid, LedgerEntry.resident,
                                LedgerEntry.kind, LedgerEntry.points,
                                LedgerEntry.balance_after, LedgerEntry.voucher_serial,
                                LedgerEntry.reason, LedgerEntry.business_date,
                                LedgerEntry.created_at, Deed.uid.alias("deed_uid"),
                                Deed.deed_type, Deed.quantity_tenths, Deed.deed_date,
                                corrected.uid.alias("corrects_uid"))
             .join(Deed, pw.JOIN.LEFT_OUTER, on=LedgerEntry.deed == Deed.id)
             .switch(LedgerEntry)
             .join(corrected, pw.JOIN.LEFT_OUTER, on=LedgerEntry.corrects == corrected.seq)
             .where(scope.new(LedgerEntry, LedgerEntry.seq)).order_by(LedgerEntry.seq))
    # The bulk of a package: read raw (no per-column conversion), dates kept as ISO text.
    for (seq, uid, resident, kind, points, after, serial, reason, day, created, deed,
         deed_type, tenths, deed_day, corrects) in database.execute(query):
        code, category = types.get(deed_type, (None, None))
        day, deed_day = iso(day), iso(deed_day)
        data = {"seq": seq, "kind": kind, "points": points, "balance_after": after,
                "business_date": day, "created_at": moment(created), "deed": deed,
                "deed_type": code, "quantity_tenths": tenths, "deed_date": deed_day,
                "voucher": serial, "corrects": corrects}
        if scope.identities:
            data["reason"] = reason
        yield {"kind": "ledger", "uid": uid, "day": day, "resident": scope.people[resident],
               "amount": points, "category": kind,
               "ref": category if kind in ("award", "deduct") else None, "data": data}


def _merchants() -> dict[int, str]:
    return dict(Merchant.select(Merchant.id, Merchant.uid).tuples())


def vouchers(scope: Scope) -> Iterator[dict]:
    """``voucher``: every voucher issued since the previous package. The token and check
    code stay at the station: with them a copy of the voucher could be redeemed."""
    shops = _merchants()
    query = (Voucher.select(Voucher.serial, Voucher.resident, Voucher.points,
                            Voucher.issue_date, Voucher.expiry_date, Voucher.scope,
                            Voucher.merchant, Voucher.key_id, Voucher.issue_uid,
                            Voucher.created_at)
             .where(scope.new(Voucher, Voucher.id)).order_by(Voucher.id))
    for v in query.dicts().iterator():
        shop = shops.get(v["merchant"])
        yield record("voucher", v["serial"], v["issue_date"], scope.people[v["resident"]],
                     v["points"], v["scope"], shop,
                     {"serial": v["serial"], "points": v["points"],
                      "issue_date": v["issue_date"], "expiry_date": v["expiry_date"],
                      "scope": v["scope"], "merchant": shop, "key_id": v["key_id"],
                      "issue": v["issue_uid"], "created_at": v["created_at"]})


def resolutions(scope: Scope) -> Iterator[dict]:
    """``voucher_resolution``: redeemed, voided or expired since the previous package;
    ``ref`` is the merchant, ``store`` for a sale in the points store, or null."""
    shops = _merchants()
    query = (VoucherResolution.select(VoucherResolution.kind, VoucherResolution.at,
                                      VoucherResolution.merchant, VoucherResolution.reason,
                                      VoucherResolution.request_id, Voucher.serial,
                                      Voucher.resident, Voucher.points,
                                      StoreSaleVoucher.id.alias("sold"))
             .join(Voucher)
             .join(StoreSaleVoucher, pw.JOIN.LEFT_OUTER,
                   on=StoreSaleVoucher.voucher == Voucher.id)
             .where(scope.new(VoucherResolution, VoucherResolution.id))
             .order_by(VoucherResolution.id))
    for r in query.dicts().iterator():
        where = "store" if r["sold"] else shops.get(r["merchant"])
        data = {"serial": r["serial"], "kind": r["kind"], "at": r["at"],
                "merchant": shops.get(r["merchant"]), "store": bool(r["sold"]),
                "request": r["request_id"]}
        if scope.identities:
            data["reason"] = r["reason"]
        yield record("voucher_resolution", r["serial"], _day(r["at"]),
                     scope.people[r["resident"]], r["points"], r["kind"], where, data)


def checkins(scope: Scope) -> Iterator[dict]:
    """``checkins``: the count of each day a new check-in fell on, counted whole again
    (the day's earlier count is replaced at the centre)."""
    days = CheckIn.select(CheckIn.checkin_date).where(scope.new(CheckIn, CheckIn.id))
    query = (CheckIn.select(CheckIn.checkin_date, CheckIn.purpose,
                            pw.fn.COUNT(CheckIn.id).alias("n"))
             .where(CheckIn.checkin_date.in_(days), CheckIn.id <= scope.marks["check_in"])
             .group_by(CheckIn.checkin_date, CheckIn.purpose)
             .order_by(CheckIn.checkin_date, CheckIn.purpose))
    day, purposes = None, {}
    for when, purpose, n in query.tuples().iterator():
        if day is not None and when != day:
            yield _checkin_day(scope, day, purposes)
            purposes = {}
        day = when
        purposes[purpose] = n
    if day is not None:
        yield _checkin_day(scope, day, purposes)


def _checkin_day(scope: Scope, day: dt.date, purposes: dict[str, int]) -> dict:
    total = sum(purposes.values())
    return record("checkins", f"{scope.code}-CHK-{iso(day)}", day, None, total, None, None,
                  {"day": day, "count": total, "purposes": purposes})
