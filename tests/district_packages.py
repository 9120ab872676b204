"""Station packages for the centre's tests, made from real station databases with the
station's own services, and written with ``package_file.write`` as the station's
exporter writes them (the kinds table of the district design; only the kinds these
tests need: residents, ledger entries, vouchers and their resolutions).

Until the station's exporter exists this stands in for it: ``write_package`` is the one
function to replace by it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models import (
    LedgerEntry,
    Resident,
    Station,
    Voucher,
    VoucherResolution,
    database,
    open_database,
)
from app.models.migrations import migrate
from app.services import auth, keys, package_file, station
from app.services.context import Context, FixedClock

PASSWORD = "Desk-2026!"


def _signed_in(folder: Path, clock: FixedClock) -> Context:
    base = Context(folder, clock)
    return base.as_actor(auth.sign_in(base, "admin", PASSWORD))


def new_station(folder: Path, code: str, clock: FixedClock) -> Context:
    """A station set up in ``folder`` (its database open until ``close``)."""
    folder.mkdir(parents=True, exist_ok=True)
    open_database(folder / "station.db")
    migrate()
    station.init_station(Context(folder, clock), code, f"{code} 新时代文明实践站", "admin",
                         PASSWORD)
    return _signed_in(folder, clock)


def reopen(folder: Path, clock: FixedClock) -> Context:
    open_database(folder / "station.db")
    return _signed_in(folder, clock)


def close() -> None:
    database.close()


def copy_data_dir(source: Path, target: Path) -> None:
    """What a clerk does with a USB stick: the whole data directory, database closed."""
    shutil.copytree(source, target)


def write_keyring(path: Path) -> Path:
    path.write_text(json.dumps(keys.export_public_keyring()), encoding="utf-8")
    return path


def signing_key(ctx: Context) -> tuple[int, Ed25519PrivateKey]:
    key = keys.active_key()
    return key.key_id, keys.private_key(ctx, key)


def _pseudonym(secret: str, uid: str) -> str:
    return "P" + hmac.new(secret.encode(), uid.encode(), hashlib.sha256).hexdigest()[:20]


def station_records() -> Iterator[dict]:
    """Every record of the open station, as the kinds table maps its rows."""
    secret = Station.get().package_secret
    people = {r.id: _pseudonym(secret, r.uid) for r in Resident.select()}
    for r in Resident.select().order_by(Resident.id):
        year = r.birth_date.year if r.birth_date else None
        yield {"kind": "resident", "uid": people[r.id], "day": str(r.created_at)[:10],
               "resident": people[r.id], "amount": year, "category": r.grid or None,
               "ref": None, "data": {"grid": r.grid, "birth_year": year}}
    for e in LedgerEntry.select().order_by(LedgerEntry.seq):
        yield {"kind": "ledger", "uid": e.uid, "day": str(e.business_date),
               "resident": people[e.resident_id], "amount": e.points, "category": e.kind,
               "ref": None, "data": {"kind": e.kind, "points": e.points,
                                     "voucher_serial": e.voucher_serial,
                                     "created_at": str(e.created_at)}}
    for v in Voucher.select().order_by(Voucher.id):
        yield {"kind": "voucher", "uid": v.serial, "day": str(v.issue_date),
               "resident": people[v.resident_id], "amount": v.points, "category": v.scope,
               "ref": None, "data": {"expiry_date": str(v.expiry_date), "key_id": v.key_id}}
    for res in VoucherResolution.select(VoucherResolution, Voucher).join(Voucher):
        yield {"kind": "voucher_resolution", "uid": res.voucher.serial,
               "day": str(res.at)[:10], "resident": people[res.voucher.resident_id],
               "amount": res.voucher.points, "category": res.kind, "ref": None,
               "data": {"at": str(res.at), "reason": res.reason}}


def write_package(ctx: Context, path: Path, seq: int, *, full: bool | None = None,
                  claim: str | None = None, records: list[dict] | None = None,
                  exported_at: dt.datetime | None = None) -> Path:
    """The open station's package number ``seq`` (everything it holds), signed with its
    key; ``claim``: another station code put in the manifest."""
    key_id, private = signing_key(ctx)
    info = station.current()
    return sign_package(path, claim or info.code, key_id, private, seq,
                        list(station_records()) if records is None else records,
                        exported_at or ctx.clock.now(), seq == 1 if full is None else full)


def sign_package(path: Path, code: str, key_id: int, private: Ed25519PrivateKey, seq: int,
                 records: list[dict], exported_at: dt.datetime, full: bool = False) -> Path:
    manifest = {"direction": "station", "station": {"code": code, "name": code},
                "key_id": key_id, "seq": seq, "previous_seq": seq - 1 or None, "full": full,
                "exported_at": exported_at.isoformat(),
                "period": {"from": None, "to": exported_at.isoformat()},
                "identities": False, "app_version": "test"}
    package_file.write(path, manifest, iter(records), private)
    return path


class District:
    """Two stations' packages: XH01's numbers 1–3, and number 2 again from a copy of its
    data directory that redeemed the same voucher (and recorded a deed of its own);
    XH02's number 1; XH01 packages claiming to be XH02's and an unregistered ZZ99's."""

    def __init__(self, folder: Path, hasher: object) -> None:
        from app.services import deeds, ledger, redemption, residents, vouchers

        self.folder = folder
        a, copy, b = folder / "XH01", folder / "XH01-copy", folder / "XH02"
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(auth, "_hasher", hasher)
            clock = FixedClock(dt.datetime(2026, 11, 20, 10, 0))
            ctx = new_station(a, "XH01", clock)
            person = residents.register(ctx, residents.ResidentInput(name="张明月",
                                                                     grid="第一网格"))
            ledger.adjust(ctx, person.id, 100, "测试入账")
            deeds.record_deed(ctx, person.id, "ENV_CLEANUP", 2)
            voucher = vouchers.issue(ctx, person.id, 20, [20]).vouchers[0]
            self.serial = voucher.serial
            self.a = {1: write_package(ctx, folder / "XH01-00001.sdpkg", 1)}
            self.ring_a = write_keyring(folder / "XH01-keys.json")
            self.key_a = signing_key(ctx)
            self.claims_b = write_package(ctx, folder / "claims-XH02.sdpkg", 1, claim="XH02")
            self.claims_unknown = write_package(ctx, folder / "claims-ZZ99.sdpkg", 1,
                                                claim="ZZ99")
            close()
            copy_data_dir(a, copy)
            clock.advance(hours=1)
            ctx = reopen(a, clock)
            redemption.redeem(ctx, voucher.token)
            self.a[2] = write_package(ctx, folder / "XH01-00002.sdpkg", 2)
            clock.advance(days=1)
            deeds.record_deed(ctx, person.id, "ENV_CLEANUP", 1)
            self.a[3] = write_package(ctx, folder / "XH01-00003.sdpkg", 3)
            close()
            ctx = reopen(copy, FixedClock(dt.datetime(2026, 11, 20, 15, 0)))
            redemption.redeem(ctx, voucher.token)
            deeds.record_deed(ctx, person.id, "TREE_PLANTING", 1)
            self.copy_2 = write_package(ctx, folder / "copy-XH01-00002.sdpkg", 2)
            self.copy_entries = {e.uid for e in LedgerEntry.select()}
            close()
            ctx = new_station(b, "XH02", clock)
            self.ring_b = write_keyring(folder / "XH02-keys.json")
            self.b1 = write_package(ctx, folder / "XH02-00001.sdpkg", 1)
            close()
