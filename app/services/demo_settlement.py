"""Demo data for the other end of the points economy: the demo merchants' details, the
moral fund's contributions from member units of the joint party committee, and last
month's redemptions settled in approved and paid statements, through the services a
station uses (so the books add up as they would at a real desk)."""

from __future__ import annotations

import datetime as dt

from app.models import Merchant, VoucherResolution
from app.services import fund, merchants, settlement
from app.services.context import Context
from app.services.errors import NothingToSettle

DETAILS = {
    "红星便民超市": merchants.Details("陈红星", "0512-6521 3301", "幸福里小区北门 12 号",
                                    "日用百货、粮油副食", "每单最多抵扣一半，烟酒除外", 50),
    "惠民大药房": merchants.Details("周惠民", "0512-6521 8866", "新华路 88 号",
                                   "非处方药、保健用品", "处方药不可抵扣", 30),
    "老街理发店": merchants.Details("刘师傅", "138 1234 5601", "老街 3 号",
                                   "理发、修面、老人上门理发", "可全额抵扣"),
}
# member unit, budget line, the donor who gave through it
UNITS = (("幸福里社区党委", "党建工作经费", ""), ("区供电公司党支部", "共建经费", "供电所全体党员"),
         ("新华书店党支部", "共建经费", "王建华"))


def add(ctx: Context, today: dt.date) -> dict:
    """Details, contributions and last month's statements (approved, paid); returns counts."""
    start = today.replace(month=1, day=1)
    for name, details in DETAILS.items():
        if Merchant.select().where(Merchant.name == name).exists():
            merchants.edit(ctx, name, agreement_from=start,
                           agreement_to=today.replace(month=12, day=31),
                           **{k: v for k, v in details.__dict__.items()
                              if not k.startswith("agreement")})
    redeemed = (VoucherResolution.select().where(VoucherResolution.kind == "redeemed",
                                                 VoucherResolution.merchant.is_null(False))
                .count())
    # Enough for a year of merchants' claims (about ten points a voucher), in round sums.
    yearly = max(2000, redeemed * 20 // 100 * 100)
    for n, (unit, line, donor) in enumerate(UNITS):
        day = min(today, start + dt.timedelta(days=45 * n + 14))
        fund.contribute(ctx, str(yearly // len(UNITS)), unit, line, donor, day)
    last_month_end = today.replace(day=1) - dt.timedelta(days=1)
    first, last = settlement.month(last_month_end.strftime("%Y-%m"))
    paid = 0
    for name in DETAILS:
        try:
            made = settlement.draft(ctx, name, first, last)
        except NothingToSettle:
            continue
        settlement.approve(ctx, made.number)
        settlement.mark_paid(ctx, made.number, f"转账 {made.number}", min(today, last +
                                                                       dt.timedelta(days=5)))
        paid += 1
    return {"statements": paid, "contributions": len(UNITS)}
