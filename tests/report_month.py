"""A hand-made October 2026 (and a little of September, the period before) with every
kind of record a report counts: deeds of the four categories and several types, a
pending deed, deductions, a reversal, vouchers issued and redeemed at the store and at
two merchants, voided and expired, two closed activities (and an open one) with
volunteers and audience of two teams, a store sale, a settlement approved and paid,
commendations (one withdrawn) and a year-end style clearing."""

from __future__ import annotations

import datetime as dt
import uuid

from app.models import Resident, SigningKey, StoreItem, write_transaction
from app.models.honour import Commendation
from app.services import (
    activities,
    activity_close,
    attendance,
    deeds,
    ledger,
    merchants,
    redemption,
    residents,
    settlement,
    station,
    teams,
    vouchers,
)
from app.services.activities import ActivityPlan
from app.services.context import Context
from tests.closeout_day import _move, store_sale

SHOP_A, SHOP_B = "幸福里便民超市", "红星理发店"
RED, BLUE = "红色志愿服务队", "蓝色志愿服务队"


def _at(ctx: Context, month: int, day: int, hour: int = 18) -> None:
    ctx.clock.at = dt.datetime(2026, month, day, hour, 0)


def _person(ctx: Context, name: str, grid: str, tags: str) -> int:
    rid = residents.register(ctx, residents.ResidentInput(name=name, grid=grid)).id
    Resident.update(tags=tags).where(Resident.id == rid).execute()
    return rid


def _activity(ctx: Context, title: str, day: dt.date, team_names: tuple[str, ...]) -> int:
    return activities.add_activity(ctx, ActivityPlan(
        title=title, date=day, start=dt.time(8, 0), end=dt.time(12, 0),
        deed_type="ENV_CLEANUP", teams=team_names)).id


def _commend(ctx: Context, title: str, level: str, day: dt.date, resident: int,
             partner: int | None = None, withdrawn: bool = False) -> None:
    Commendation.create(uid=f"XH01-H{uuid.uuid4().hex}", title=title, level=level,
                        awarded_on=day, resident=resident, partner=partner,
                        created_by=ctx.actor.clerk_id, created_at=ctx.clock.now(),
                        withdrawn_at=ctx.clock.now() if withdrawn else None)


def _september(ctx: Context, p: dict[str, int]) -> None:
    _at(ctx, 9, 10)
    deeds.record_deed(ctx, p["a"], "ENV_CLEANUP", 2)
    deeds.record_deed(ctx, p["c"], "LITTERING")
    first = _activity(ctx, "九月清扫", dt.date(2026, 9, 10), (RED,))
    attendance.attend(ctx, first, [p["b"]], sign_in=dt.time(8, 0), sign_out=dt.time(10, 0))
    activity_close.close_activity(ctx, first)
    sold = vouchers.issue(ctx, p["a"], 10, [10])
    redemption.redeem(ctx, sold.vouchers[0].token, SHOP_A)
    _commend(ctx, "身边好人", "community", dt.date(2026, 9, 20), p["d"])


def _october_points(ctx: Context, p: dict[str, int]) -> None:
    _at(ctx, 10, 5)
    deeds.record_deed(ctx, p["a"], "ENV_CLEANUP", 2)  # social +4
    deeds.record_deed(ctx, p["b"], "NEIGHBOUR_HELP")  # family +2
    deeds.record_deed(ctx, p["c"], "SKILLED_SERVICE", 1)  # professional +3
    deeds.record_deed(ctx, p["d"], "LOST_AND_FOUND")  # personal +2
    deeds.record_deed(ctx, p["d"], "DONATION")  # personal +2
    deeds.record_deed(ctx, p["a"], "HEROIC_ACT")  # pending: not in the ledger
    littering = deeds.record_deed(ctx, p["a"], "LITTERING")  # social -2, reversed below
    deeds.record_deed(ctx, p["c"], "UNCIVIL_DOG")  # social -2
    lavish = deeds.record_deed(ctx, p["d"], "EXTRAVAGANCE")  # family -5 once approved
    station.update_settings(ctx, notice_days=0)  # approved deeds count at once, no notice
    deeds.review_deed(ctx, lavish.deed_uid, True)
    wrong = next(e.seq for e in ledger.entries(p["a"])
                 if e.kind == "deduct" and e.points == littering.points)
    ledger.reverse(ctx, wrong, "误扣")


def _october_vouchers(ctx: Context, p: dict[str, int]) -> None:
    _at(ctx, 10, 6)
    stale = vouchers.issue(ctx, p["c"], 5, [5], expiry=dt.date(2026, 10, 8))
    first = vouchers.issue(ctx, p["a"], 36, [20, 10, 5, 1])
    second = vouchers.issue(ctx, p["b"], 30, [10, 10, 10])
    _at(ctx, 10, 9)
    redemption.redeem(ctx, first.vouchers[0].token)  # at the store
    redemption.redeem(ctx, first.vouchers[1].token, SHOP_A)
    redemption.redeem(ctx, second.vouchers[0].token, SHOP_B)
    redemption.redeem(ctx, second.vouchers[1].token, SHOP_B)
    redemption.void(ctx, first.vouchers[2].serial, "打印错误")
    redemption.redeem(ctx, first.vouchers[3].token)  # 1 point, spent on the sale below
    with write_transaction():
        item = StoreItem.create(uid=f"XH01-I{uuid.uuid4().hex}", name="洗衣液", points=6,
                                created_at=ctx.clock.now())
        _move(ctx, item, "receive", 10, uuid.uuid4().hex)
    store_sale(ctx, p["a"], item, 1, [(first.vouchers[3].serial, 1)], 5)
    store_sale(ctx, p["b"], item, 2, [], 12)
    _at(ctx, 10, 20)
    redemption.expire(ctx)
    assert stale.vouchers[0].serial  # expired by the call above
    made = settlement.draft(ctx, SHOP_B, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    settlement.approve(ctx, made.number)
    settlement.mark_paid(ctx, made.number, "转账001", dt.date(2026, 10, 21))


def _october_people(ctx: Context, p: dict[str, int]) -> None:
    _at(ctx, 10, 12)
    x = _activity(ctx, "十月清扫", dt.date(2026, 10, 12), (RED,))
    y = _activity(ctx, "敬老演出", dt.date(2026, 10, 12), (RED, BLUE))
    z = _activity(ctx, "未结算", dt.date(2026, 10, 12), (BLUE,))
    keyed = {"sign_in": dt.time(8, 0)}
    attendance.attend(ctx, x, [p["a"]], sign_out=dt.time(10, 0), **keyed)
    attendance.attend(ctx, x, [p["c"]], sign_out=dt.time(9, 0), **keyed)
    attendance.attend(ctx, x, [p["d"]], role="audience", **keyed)
    attendance.attend(ctx, y, [p["b"]], sign_out=dt.time(9, 30), **keyed)
    attendance.attend(ctx, y, [p["a"], p["d"]], role="audience", **keyed)
    attendance.attend(ctx, z, [p["d"]], sign_out=dt.time(9, 0), **keyed)
    activity_close.close_activity(ctx, x)
    activity_close.close_activity(ctx, y)
    _commend(ctx, "好邻居", "street", dt.date(2026, 10, 15), p["a"], partner=p["c"])
    _commend(ctx, "最美志愿者", "district", dt.date(2026, 10, 16), p["b"])
    _commend(ctx, "道德模范", "city", dt.date(2026, 10, 17), p["d"], withdrawn=True)


def build(ctx: Context) -> dict[str, int]:
    """The month, acting as the admin; returns the residents by letter."""
    # The station was set up (its signing key made) before the months below.
    SigningKey.update(valid_from=dt.date(2026, 1, 1)).execute()
    merchants.add(ctx, SHOP_A)
    merchants.add(ctx, SHOP_B)
    teams.add_team(ctx, RED)
    teams.add_team(ctx, BLUE)
    _at(ctx, 9, 1)
    p = {"a": _person(ctx, "张明月", "第一网格", "elderly_alone,party_member"),
         "b": _person(ctx, "李建国", "第一网格", "volunteer"),
         "c": _person(ctx, "王芳", "第二网格", "party_member"),
         "d": _person(ctx, "赵强", "", "")}
    for rid in p.values():
        ledger.adjust(ctx, rid, 100, "期初积分")
    _september(ctx, p)
    _october_points(ctx, p)
    _october_vouchers(ctx, p)
    _october_people(ctx, p)
    _at(ctx, 10, 28)
    ledger.expire_balances(ctx, dt.date(2026, 10, 25))
    _at(ctx, 11, 2)
    return p
