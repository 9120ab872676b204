"""Station packages for the centre's tests, written by the station's own exporter
(``package_export``) from real station databases in their data directories; and, for the
refusals no honest station writes (another station's code, a foreign key, records not of
the agreed shape), packages signed by hand with ``package_file.write`` (``sign_package``).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models import LedgerEntry, database, open_database
from app.models.migrations import migrate
from app.services import auth, keys, package_export, package_file, station
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


def export(ctx: Context, folder: Path) -> Path:
    """The station's next package, as ``package export --to FOLDER`` writes it."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(package_export.export(ctx, folder).file)


def resign(path: Path, target: Path, ctx: Context, code: str) -> Path:
    """``path``'s records and number, signed again with the station's key as if written
    by station ``code``."""
    package = package_file.open_package(path)
    key_id, private = signing_key(ctx)
    return sign_package(target, code, key_id, private, package.manifest["seq"],
                        list(package.records()),
                        dt.datetime.fromisoformat(package.manifest["exported_at"]),
                        package.manifest["full"])


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
    XH02's number 1; XH01's package 1 signed again claiming to be XH02's and an
    unregistered ZZ99's."""

    def __init__(self, folder: Path, hasher: object) -> None:
        from app.services import deeds, ledger, redemption, residents, vouchers

        self.folder = folder
        a, copy, b = folder / "XH01", folder / "XH01-copy", folder / "XH02"
        sent = folder / "packages"
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
            self.a = {1: export(ctx, sent)}
            self.ring_a = write_keyring(folder / "XH01-keys.json")
            self.key_a = signing_key(ctx)
            self.claims_b = resign(self.a[1], folder / "claims-XH02.sdpkg", ctx, "XH02")
            self.claims_unknown = resign(self.a[1], folder / "claims-ZZ99.sdpkg", ctx, "ZZ99")
            close()
            copy_data_dir(a, copy)
            clock.advance(hours=1)
            ctx = reopen(a, clock)
            redemption.redeem(ctx, voucher.token)
            self.a[2] = export(ctx, sent)
            clock.advance(days=1)
            deeds.record_deed(ctx, person.id, "ENV_CLEANUP", 1)
            self.a[3] = export(ctx, sent)
            close()
            ctx = reopen(copy, FixedClock(dt.datetime(2026, 11, 20, 15, 0)))
            redemption.redeem(ctx, voucher.token)
            deeds.record_deed(ctx, person.id, "TREE_PLANTING", 1)
            self.copy_2 = export(ctx, folder / "from-the-copy")
            self.copy_entries = {e.uid for e in LedgerEntry.select()}
            close()
            ctx = new_station(b, "XH02", clock)
            self.ring_b = write_keyring(folder / "XH02-keys.json")
            self.b1 = export(ctx, sent)
            close()
