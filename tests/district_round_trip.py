"""The district round trip's stations and the one mapping between the two reports.

``Stations`` builds three demo stations in SQLite data directories, as stations are,
and writes their packages with the station's real exporter: XH01 a ``--full`` package
with an activity under way, then, after it was closed, new deeds, vouchers redeemed,
voided and expired and a commendation withdrawn, an incremental one; XH02 and XH03 one
package each. Each station's own report
(``app.services.reports``) is computed at the station, after its last package, for the
periods the centre is asked about.

``SHARED`` names every figure the centre's report (``district_figures``) has in common
with the station's report, centre key → station key; ``CENTRE_ONLY`` the centre's
figures the station's report does not have. The station's report has more (reversals,
year-end clearing, new volunteers, breakdowns by deed type, grid, team, merchant and
title): the packages carry no figure for those at the centre.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.models import Resident
from app.models.honour import Commendation
from app.services import (
    activities,
    activity_close,
    attendance,
    deeds,
    demo,
    honours,
    ledger,
    package_export,
    redemption,
    vouchers,
)
from app.services.activities import ActivityPlan
from app.services.district_report import parse_period
from app.services.reports import report as station_report
from tests.district_packages import close, new_station, reopen, write_keyring

PERIODS = ("2026", "2026-10", "2026-11")
# code -> (institute, demo residents, demo seed)
PLAN = {"XH01": ("新华街道实践所", 30, 1), "XH02": ("新华街道实践所", 20, 2),
        "XH03": ("和平街道实践所", 20, 3)}
_CATEGORIES = ("social", "family", "professional", "personal")
_LEVELS = ("community", "street", "district", "city", "province", "national")

_SAME = [
    "activities", "volunteers.persons", "volunteers.person_times", "volunteers.hours",
    "audience.persons", "audience.person_times",
    "awarded.persons", "awarded.person_times", "awarded.points",
    "deducted.persons", "deducted.person_times", "deducted.points",
    *(f"{sign}.category.{cat}.{what}" for sign in ("awarded", "deducted")
      for cat in _CATEGORIES for what in ("persons", "points")),
    "vouchers.issued.count", "vouchers.issued.persons", "vouchers.issued.points",
    *(f"vouchers.{kind}.{what}" for kind in ("redeemed", "redeemed.store", "voided", "expired")
      for what in ("count", "points")),
    "store.sales.count", "store.sales.persons", "store.sales.points",
    "settlement.paid.count", "settlement.paid.amount_fen",
    "honours.count", *(f"honours.level.{level}" for level in _LEVELS),
]
SHARED: dict[str, str] = {key: key for key in _SAME} | {
    # approved statements (a paid one was approved first), by the day of approval
    "settlement.statements.count": "settlement.approved.count",
    "settlement.statements.amount_fen": "settlement.approved.amount_fen",
}
CENTRE_ONLY = {"checkins", *(f"{sign}.category.{cat}.person_times"
                             for sign in ("awarded", "deducted") for cat in _CATEGORIES)}


def station_side(figures: dict[str, int | float]) -> dict[str, int | float]:
    """The station report's shared figures under the centre's keys; a shared figure the
    station's report lacks fails the test by name."""
    missing = sorted(key for key in SHARED.values() if key not in figures)
    if missing:
        pytest.fail(f"the station's report has no figure {missing}: SHARED names it")
    return {centre: figures[station] for centre, station in SHARED.items()}


def centre_side(figures: dict[str, int | float]) -> dict[str, int | float]:
    missing = sorted(key for key in SHARED if key not in figures)
    if missing:
        pytest.fail(f"the centre's report has no figure {missing}: SHARED names it")
    return {key: figures[key] for key in SHARED}


def summed(parts: list[dict[str, int | float]]) -> dict[str, int | float]:
    """A group of stations' figures: sums (a pseudonym belongs to one station only)."""
    return {key: round(sum(p[key] for p in parts), 1) for key in SHARED}


def own_report(period: str) -> dict[str, int | float]:
    return station_side(station_report.compute(parse_period(period)).figures())


class Stations:
    """The stations' folders, keyrings, packages (in the order written) and own figures
    (code -> period -> the shared figures)."""

    def __init__(self, folder: Path, clock: object, hasher: object) -> None:
        from app.services import auth

        self.clock = clock
        self.rings: dict[str, Path] = {}
        self.packages: list[Path] = []
        self.figures: dict[str, dict[str, dict[str, int | float]]] = {}
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(auth, "_hasher", hasher)
            for code, (_, residents, seed) in PLAN.items():
                ctx = new_station(folder / code, code, clock)
                demo.generate(ctx, residents=residents, seed=seed)
                if code == "XH01":
                    held = self._under_way(ctx)
                self.rings[code] = write_keyring(folder / f"{code}-keys.json")
                self.packages.append(self._export(ctx, folder, full=True))
                close()
            clock.advance(days=1)
            ctx = reopen(folder / "XH01", clock)
            self._a_day_later(ctx, held)
            self.packages.append(self._export(ctx, folder, full=False))
            close()
            for code in PLAN:
                reopen(folder / code, clock)
                self.figures[code] = {period: own_report(period) for period in PERIODS}
                close()

    @staticmethod
    def _export(ctx: object, folder: Path, full: bool) -> Path:
        return Path(package_export.export(ctx, folder, full=full).file)

    @staticmethod
    def _under_way(ctx: object) -> int:
        """Yesterday's activity, its volunteers and audience signed in, not closed yet:
        the first package carries it as not held."""
        first, second, third = (r.id for r in Resident.select().order_by(Resident.id)[:3])
        held = activities.add_activity(ctx, ActivityPlan(
            title="楼道清扫", date=ctx.clock.today() - dt.timedelta(days=1),
            start=dt.time(8, 0), end=dt.time(11, 0), deed_type="ENV_CLEANUP")).id
        attendance.attend(ctx, held, [first, second], sign_in=dt.time(8, 0),
                          sign_out=dt.time(10, 30))
        attendance.attend(ctx, held, [third], role="audience", sign_in=dt.time(8, 0))
        return held

    @staticmethod
    def _a_day_later(ctx: object, held: int) -> None:
        """The activity under way closed, new awards and a deduction, a voucher redeemed,
        one voided and one expired (the next day), a commendation withdrawn: new
        append-only records and changed ones for the next package."""
        first, second, third = (r.id for r in Resident.select().order_by(Resident.id)[:3])
        activity_close.close_activity(ctx, held)
        deeds.record_deed(ctx, first, "ENV_CLEANUP", 2)
        deeds.record_deed(ctx, second, "ELDER_CARE", 1)
        deeds.record_deed(ctx, third, "LITTERING", 1)
        ledger.adjust(ctx, first, 20, "补录")
        ledger.adjust(ctx, second, 10, "补录")
        redemption.redeem(ctx, vouchers.issue(ctx, first, 20, [20]).vouchers[0].token)
        redemption.void(ctx, vouchers.issue(ctx, second, 10, [10]).vouchers[0].serial, "打印错误")
        standing = (Commendation.select().where(Commendation.withdrawn_at.is_null())
                    .order_by(Commendation.awarded_on.desc()).first())
        honours.withdraw(ctx, standing.id, "录入有误")
        vouchers.issue(ctx, third, 5, [5], expiry=ctx.clock.today())
        ctx.clock.advance(days=1)
        assert redemption.expire(ctx).count
