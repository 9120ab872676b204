"""Setting a station up (first run or ``init``) and its settings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.models import Station, write_transaction
from app.models.district import Centre
from app.services import audit, text
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import (
    AlreadyInitialised,
    InvalidInput,
    InvalidStationCode,
    NotInitialised,
)
from app.services.errors.centre import CentreOnly
from app.services.permissions import require


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: str
    rate_points: int
    rate_yuan: int
    voucher_validity: str
    expiry_policy: str
    denominations: tuple[int, ...]
    min_issue_points: int
    idle_lock_minutes: int
    demo: bool = False  # demo data: marked on every screen and printout
    notice_days: int = 3  # a reviewed deed's public notice (公示) before it counts

    @property
    def changes(self) -> Changes:
        """As the result of ``update_settings``: the station's settings changed."""
        return Changes(settings=True)


def _info(s: Station) -> StationInfo:
    return StationInfo(s.code, s.name, s.rate_points, s.rate_yuan, s.voucher_validity,
                       s.expiry_policy, tuple(int(d) for d in s.denominations.split(",")),
                       s.min_issue_points, s.idle_lock_minutes, s.demo, s.notice_days)


def is_initialised() -> bool:
    return Station.select().exists()


def is_demo() -> bool:
    """Whether the station holds demo data (read afresh: starting for real clears it)."""
    return bool(Station.select(Station.demo).scalar())


def current() -> StationInfo:
    station = Station.select().first()
    if station is None:
        raise NotInitialised()
    return _info(station)


def init_station(ctx: Context, code: str, name: str, admin_username: str, admin_password: str,
                 admin_display_name: str = "") -> StationInfo:
    """Create the station, its first signing key, the first admin and the default catalogue."""
    # Here, not at the top: the desk's sign-in reads the station without loading them.
    from app.models.tag import seed as seed_tags
    from app.services import auth, catalogue, keys
    from app.services.tokens import STATION_CODE

    code = code.strip().upper()
    if not STATION_CODE.fullmatch(code):
        raise InvalidStationCode()
    if not name.strip():
        raise InvalidInput(what="请填写站点名称。", what_en="The station name is required.")
    name = text.clean(name, text.STATION_NAME, field="station_name")
    auth.check_password_strength(admin_password, admin_username)
    with write_transaction():
        existing = Station.select().first()
        if existing is not None:
            raise AlreadyInitialised(station_code=existing.code, name=existing.name)
        centre = Centre.select().first()
        if centre is not None:
            raise CentreOnly(centre=centre.name, command="init")
        station = Station.create(code=code, name=name, created_at=ctx.clock.now())
        keys.create_key(ctx, ctx.clock.today(), first=True)
        admin = auth.create_clerk_unchecked(ctx, admin_username, admin_display_name or
                                            admin_username, "admin", admin_password)
        count = catalogue.load_default()
        seed_tags(ctx.clock.now())
        audit.record(ctx, "station.init", code, {"name": name, "admin": admin.username,
                                                 "deed_types": count})
    return _info(station)


_VALIDITY = re.compile(r"year_end|days:[1-9]\d{0,3}")
_SETTINGS = {"name", "rate_points", "rate_yuan", "voucher_validity", "expiry_policy",
             "denominations", "min_issue_points", "idle_lock_minutes", "notice_days"}


def update_settings(ctx: Context, **changes: object) -> StationInfo:
    require(ctx, "station.settings")
    unknown = set(changes) - _SETTINGS
    if unknown:
        raise InvalidInput(what=f"未知设置：{', '.join(sorted(unknown))}",
                           what_en=f"Unknown settings: {', '.join(sorted(unknown))}")
    if "denominations" in changes:
        values = changes["denominations"]
        if isinstance(values, str):
            values = [v for v in values.replace("，", ",").split(",") if v.strip()]
        try:
            numbers = sorted({text.whole_number(v) for v in values},  # type: ignore[union-attr]
                             reverse=True)
        except (TypeError, ValueError):
            numbers = []
        if not numbers or numbers[-1] != 1 or any(n <= 0 for n in numbers):
            raise InvalidInput(what="面额须为正整数并包含 1，例如 50,20,10,5,1。",
                               what_en="Denominations are positive and include 1.")
        changes["denominations"] = ",".join(str(n) for n in numbers)
    for key in ("rate_points", "rate_yuan", "min_issue_points", "idle_lock_minutes"):
        if key in changes and (not isinstance(changes[key], int) or changes[key] < (
                0 if key == "idle_lock_minutes" else 1)):
            raise InvalidInput(what=f"{key} 须为正整数。", what_en=f"{key} must be positive.")
    if "notice_days" in changes and (type(changes["notice_days"]) is not int
                                     or not 0 <= changes["notice_days"] <= 30):
        from app.services.errors.notice import NoticeDaysInvalid

        raise NoticeDaysInvalid()
    if "voucher_validity" in changes and not _VALIDITY.fullmatch(str(changes["voucher_validity"])):
        raise InvalidInput(what="有效期须为 year_end 或 days:N。",
                           what_en="Validity is year_end or days:N.")
    if "name" in changes:
        changes["name"] = text.clean(str(changes["name"]), text.STATION_NAME, required=True)
    if "expiry_policy" in changes and changes["expiry_policy"] not in ("year_end", "none"):
        raise InvalidInput(what="清零规则须为 year_end 或 none。",
                           what_en="Expiry policy is year_end or none.")
    with write_transaction():
        station = Station.select().first()
        if station is None:
            raise NotInitialised()
        before = {k: getattr(station, k) for k in changes}
        Station.update(**changes).where(Station.id == station.id).execute()
        audit.record(ctx, "station.settings", station.code, {"before": before, "after": changes})
    return current()


def yuan_of(points: int, info: StationInfo) -> str:
    """The yuan equivalent of ``points`` at the station's rate, to the fen."""
    fen = points * info.rate_yuan * 100 // info.rate_points
    return f"{fen // 100}.{fen % 100:02d}"
