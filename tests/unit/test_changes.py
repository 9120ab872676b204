"""What a write changed: the summary every write result carries, and how summaries add up."""

from __future__ import annotations

import datetime as dt

from app.services import (
    auth,
    catalogue,
    checkins,
    deeds,
    ledger,
    merchants,
    redemption,
    residents,
    station,
    vouchers,
)
from app.services.changes import NOTHING, Changes


def test_union_keeps_every_area_and_resident():
    one = Changes.of_residents([1], ledger=True)
    two = Changes.of_residents([2, 3], vouchers=True)
    both = one | two
    assert both == Changes(residents=frozenset({1, 2, 3}), ledger=True, vouchers=True)
    assert Changes.union([one, two, Changes(settings=True)]) == both | Changes(settings=True)
    assert Changes.union([]) == NOTHING
    assert one | NOTHING == one


def test_touches_resident_names_them_or_everyone():
    assert Changes.of_residents([7]).touches_resident(7)
    assert not Changes.of_residents([7]).touches_resident(8)
    assert not Changes.of_residents([7]).touches_resident(None)
    assert Changes(all_residents=True).touches_resident(8)
    assert not Changes(ledger=True).touches_resident(8)


def test_a_summary_is_true_only_when_something_changed():
    assert not NOTHING and not Changes()
    assert Changes.of_residents([1])
    for area in ("all_residents", "ledger", "vouchers", "pending", "catalogue", "clerks",
                 "settings"):
        assert Changes(**{area: True}), area


def test_writes_say_what_they_changed(ctx, clerk_ctx, resident, give):
    """Each write's result names the data a screen showing it must read again."""
    rid = resident.id
    other = residents.register(ctx, residents.ResidentInput(name="李四"))
    give(rid, 100)
    assert residents.get(rid).changes == Changes.of_residents([rid])
    assert checkins.check_in(ctx, rid).changes == Changes.of_residents([rid])
    award = deeds.record_deed(ctx, resident.id, "DONATION")
    assert award.changes == Changes.of_residents([resident.id], ledger=True, pending=True)
    group = deeds.record_group_deed(ctx, [resident.id, other.id], "DONATION")
    assert group.changes.residents == {resident.id, other.id} and group.changes.ledger
    issued = vouchers.issue(ctx, rid, 25)
    assert issued.changes == Changes.of_residents([rid], ledger=True, vouchers=True)
    serial = issued.vouchers[0].serial
    assert vouchers.record_print(ctx, [serial]).changes == Changes.of_residents(
        [rid], vouchers=True)
    assert redemption.void(ctx, serial, "打印错误").changes == Changes.of_residents(
        [rid], ledger=True, vouchers=True)
    assert redemption.redeem(ctx, issued.vouchers[1].token).changes == Changes(vouchers=True)
    assert redemption.expire(ctx).changes == Changes(vouchers=True)
    adjusted = ledger.adjust(ctx, rid, 5, "补录")
    assert adjusted.changes == Changes.of_residents([rid], ledger=True)
    assert ledger.reverse(ctx, adjusted.seq, "录错").changes == adjusted.changes
    clearing = ledger.expire_balances(ctx, ctx.clock.today() - dt.timedelta(days=1))
    assert clearing.changes == Changes(all_residents=True, ledger=True)
    assert catalogue.save_type(ctx, "DONATION", points=3).changes == Changes(catalogue=True)
    assert station.update_settings(ctx, min_issue_points=2).changes == Changes(settings=True)
    assert merchants.add(ctx, "红星理发店").changes == Changes(settings=True)
    assert auth.reset_password(ctx, "li", "Fresh-Start-7").changes == Changes(clerks=True)
