"""What a restore must not forget: the vouchers the live station issued and resolved after
the backup was made.

Before the database is replaced, ``read_live`` collects every serial issued and every
redemption, void and expiry the live station knew of: from the live database when it can
be read, and from the voucher journal (``app.services.journal``), which also covers a
database that lost its newest writes. After the backup is in place, ``apply`` writes the
resolutions into it (a void with its refund), raises the serial floor past every serial
already given out, and lists the vouchers it could not carry (issued after the backup,
so the restored data has no record of them).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.models import Clerk, Merchant, SerialFloor, Voucher, VoucherResolution
from app.services import audit, journal, ledger, seal, vouchers
from app.services.context import Context


@dataclass
class Knowledge:
    sources: list[str] = field(default_factory=list)  # database | journal
    issued: dict[str, tuple[int, int]] = field(default_factory=dict)  # serial -> (year, seq)
    resolved: dict[str, dict] = field(default_factory=dict)  # serial -> journal-style event
    unreadable: str = ""  # why the live database could not be read, if it could not
    journal_bad_lines: int = 0


def _from_database(path: Path, known: Knowledge) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for serial, year, seq in conn.execute("SELECT serial, year, seq FROM voucher"):
            known.issued[serial] = (year, seq)
        rows = conn.execute(
            "SELECT v.serial, r.kind, r.at, c.username, m.name, r.reason, r.request_id "
            "FROM voucher_resolution r JOIN voucher v ON v.id = r.voucher_id "
            "LEFT JOIN clerk c ON c.id = r.clerk_id LEFT JOIN merchant m ON m.id = r.merchant_id")
        for serial, kind, at, clerk, merchant, reason, request_id in rows:
            known.resolved[serial] = journal.resolved(serial, kind, at, clerk or "", merchant,
                                                      reason or "", request_id)
    finally:
        conn.close()


def read_live(database_file: Path, data_dir: Path) -> Knowledge:
    """Everything the live station knew of its vouchers, before a restore replaces it."""
    known = Knowledge()
    if database_file.exists():
        try:
            _from_database(database_file, known)
            known.sources.append("database")
        except sqlite3.DatabaseError as exc:
            known.unreadable = str(exc)
    try:
        key = seal.station_key(Path(data_dir) / "keys")
    except Exception:  # noqa: BLE001 - without the secret the journal cannot be trusted
        return known
    kept = journal.read(data_dir, key)
    known.journal_bad_lines = kept.bad_lines
    if kept.issued or kept.resolved:
        known.sources.append("journal")
    for serial, event in kept.issued.items():
        known.issued.setdefault(serial, (event["year"], event["seq"]))
    for serial, event in kept.resolved.items():
        known.resolved.setdefault(serial, event)
    return known


@dataclass(frozen=True)
class CarryReport:
    sources: tuple[str, ...]
    redeemed: tuple[str, ...]
    voided: tuple[str, ...]
    expired: tuple[str, ...]
    floors: dict[int, int]  # year -> the serial number new vouchers start above
    not_carried: tuple[str, ...]  # issued after the backup: no record of them here
    unreadable: str
    journal_bad_lines: int

    @property
    def carried(self) -> int:
        return len(self.redeemed) + len(self.voided) + len(self.expired)

    def as_dict(self) -> dict:
        return asdict(self)


def apply(ctx: Context, known: Knowledge, request_id: str) -> CarryReport:
    """Write what the live station knew into the restored database; call inside its write
    transaction."""
    done: dict[str, list[str]] = {"redeemed": [], "voided": [], "expired": []}
    clerks = dict(Clerk.select(Clerk.username, Clerk.id).tuples())
    shops = dict(Merchant.select(Merchant.name, Merchant.id).tuples())
    resolved = {s for (s,) in Voucher.select(Voucher.serial).join(VoucherResolution).tuples()}
    for serial, event in sorted(known.resolved.items()):
        voucher = Voucher.get_or_none(Voucher.serial == serial)
        if voucher is None or serial in resolved or event["kind"] not in done:
            continue
        seal.create(ctx.keys_dir, VoucherResolution, voucher=voucher, kind=event["kind"],
                    at=event["at"], clerk=clerks.get(event["clerk"]),
                    merchant=shops.get(event["merchant"]), reason=event["reason"],
                    request_id=event["request_id"])
        if event["kind"] == "voided":
            ledger.post(ctx, voucher.resident_id, "refund", voucher.points, request_id,
                        voucher_serial=serial, reason=event["reason"])
        done[event["kind"]].append(serial)
    floors = {}
    for year in sorted({year for year, _ in known.issued.values()}):
        highest = max(seq for y, seq in known.issued.values() if y == year)
        if highest > vouchers.last_seq(year):
            SerialFloor.create(year=year, floor=highest, reason="restore", at=ctx.clock.now())
            floors[year] = highest
    on_record = {s for (s,) in Voucher.select(Voucher.serial).tuples()}
    report = CarryReport(tuple(known.sources), *(tuple(done[k]) for k in done), floors,
                         tuple(sorted(set(known.issued) - on_record)), known.unreadable,
                         known.journal_bad_lines)
    audit.record(ctx, "restore.carry", "", {
        "sources": report.sources, "redeemed": report.redeemed, "voided": report.voided,
        "expired": report.expired, "floors": floors, "not_carried": report.not_carried})
    return report
