"""The centre's organisation tree as its window shows it: every institute (one with no
station yet too), its stations with their keys (id and fingerprint, and whether retired
or revoked), the last package each sent and how many days behind today that leaves it,
the open exceptions about it, and how many packages the centre has sent it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.models.district import DistrictException, Institute, MemberKey, MemberStation
from app.services import centre
from app.services.district_report import days_behind
from app.services.package_file import fingerprint
from app.services.reports.period import Period


@dataclass(frozen=True)
class KeyInfo:
    key_id: int
    fingerprint: str
    valid_from: dt.date
    retired_on: dt.date | None
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class MemberInfo:
    code: str
    name: str
    keys: tuple[KeyInfo, ...]
    last_seq: int | None
    last_exported_at: dt.datetime | None
    last_imported_at: dt.datetime | None
    days_behind: int | None  # None: it never sent a package
    open_exceptions: int
    sent_seq: int  # the last package the centre wrote for it (0: none yet)


@dataclass(frozen=True)
class InstituteInfo:
    name: str
    stations: tuple[MemberInfo, ...]


@dataclass(frozen=True)
class CentreTree:
    name: str
    institutes: tuple[InstituteInfo, ...]

    @property
    def stations(self) -> list[MemberInfo]:
        return [s for i in self.institutes for s in i.stations]


def tree(today: dt.date) -> CentreTree:
    """The whole tree; days behind are the district report's, for a period ending today."""
    home = centre.require_centre()
    until_today = Period("range", today, today)
    keys: dict[int, list[KeyInfo]] = {}
    for k in MemberKey.select().order_by(MemberKey.key_id):
        keys.setdefault(k.station_id, []).append(KeyInfo(
            k.key_id, fingerprint(bytes(k.public_key)), k.valid_from, k.retired_on,
            k.revoked_at))
    open_counts: dict[int, int] = {}
    for exc in DistrictException.select(DistrictException.station).where(
            DistrictException.state == "open"):
        open_counts[exc.station_id] = open_counts.get(exc.station_id, 0) + 1
    members: dict[int, list[MemberInfo]] = {}
    for s in MemberStation.select().order_by(MemberStation.code):
        members.setdefault(s.institute_id, []).append(MemberInfo(
            s.code, s.name, tuple(keys.get(s.id, ())), s.last_seq, s.last_exported_at,
            s.last_imported_at, days_behind(s.last_exported_at, until_today, today),
            open_counts.get(s.id, 0), s.sent_seq))
    return CentreTree(home.name, tuple(
        InstituteInfo(i.name, tuple(members.get(i.id, ())))
        for i in Institute.select().order_by(Institute.name)))
