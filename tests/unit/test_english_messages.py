"""Messages in English are English throughout: only data (a merchant's or a clerk's name)
may be Chinese; the station's own words (the points store, a deed type, a status) are
said in English, and dates read "on 2026-11-23 09:30"."""

from __future__ import annotations

import re

import pytest

from app.services import deeds, merchants, redemption, vouchers
from app.services.errors import (
    AlreadyReviewed,
    CapExceeded,
    VoucherAlreadyResolved,
    ZeroPoints,
)

CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]")


def chinese_besides(text: str, *data: str) -> list[str]:
    """The Chinese characters left in ``text`` once the given data values are taken out."""
    for value in data:
        text = text.replace(value, "")
    return CJK.findall(text)


@pytest.fixture
def funded(resident, give):
    give(resident.id, 100)
    return resident


def test_a_second_redemption_at_a_merchant_is_refused_in_plain_english(ctx, clerk_ctx,
                                                                       funded):
    merchants.add(ctx, "老街理发店")
    issued = vouchers.issue(ctx, funded.id, 20).vouchers[0]
    redemption.redeem(clerk_ctx, issued.token, "老街理发店")
    with pytest.raises(VoucherAlreadyResolved) as err:
        redemption.redeem(ctx, issued.token, "老街理发店")
    english = err.value.message("en")
    assert english == (f"Voucher {issued.serial} was already redeemed on 2026-11-23 09:30 "
                       "at 老街理发店 by 李敏; it cannot be used again.")
    assert chinese_besides(english, "老街理发店", "李敏") == []
    status = redemption.verify(ctx, issued.token, "老街理发店").message_en
    assert status.startswith("already redeemed on 2026-11-23 09:30 at 老街理发店")


def test_the_points_store_is_named_in_english(ctx, clerk_ctx, funded):
    issued = vouchers.issue(ctx, funded.id, 20).vouchers[0]
    redemption.redeem(clerk_ctx, issued.token)
    verdict = redemption.verify(ctx, issued.token)
    assert "the station's points store" in verdict.message_en
    assert chinese_besides(verdict.message_en, "李敏") == []
    assert "本站积分超市" in verdict.message_zh


def test_a_voucher_for_another_merchant_names_it_in_an_english_sentence(ctx, funded):
    merchants.add(ctx, "老街理发店")
    merchants.add(ctx, "新华书店")
    issued = vouchers.issue(ctx, funded.id, 20, scope="merchant",
                            merchant="老街理发店").vouchers[0]
    verdict = redemption.verify(ctx, issued.token, "新华书店")
    assert verdict.reason == "wrong_scope"
    assert verdict.message_en == "valid only at 老街理发店."
    store_only = vouchers.issue(ctx, funded.id, 20, scope="store").vouchers[0]
    verdict = redemption.verify(ctx, store_only.token, "新华书店")
    assert verdict.message_en == "valid only at the station's points store."


def test_voided_and_closed_vouchers_say_on_which_day(ctx, funded):
    issued = vouchers.issue(ctx, funded.id, 20).vouchers[0]
    redemption.void(ctx, issued.serial, "打印错误")
    with pytest.raises(VoucherAlreadyResolved) as err:
        redemption.redeem(ctx, issued.token)
    assert err.value.message("en") == (f"Voucher {issued.serial} was voided on "
                                       "2026-11-23 09:30 (打印错误).")


def test_deed_refusals_name_the_deed_type_in_english(ctx, resident):
    deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 4)
    with pytest.raises(CapExceeded) as err:
        deeds.record_deed(ctx, resident.id, "ENV_CLEANUP", 1)
    assert "“Environmental clean-up”" in err.value.message("en")
    assert chinese_besides(err.value.message("en")) == []
    assert "环境卫生整治" in err.value.message("zh")
    with pytest.raises(ZeroPoints) as err:
        deeds.record_deed(ctx, resident.id, "SECURITY_PATROL", "0.5")
    assert "“Volunteer patrol”" in err.value.message("en")
    assert chinese_besides(err.value.message("en")) == []


def test_a_second_review_says_the_status_in_english(ctx, resident):
    recorded = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    deeds.review_deed(ctx, recorded.deed_uid, approve=True)
    with pytest.raises(AlreadyReviewed) as err:
        deeds.review_deed(ctx, recorded.deed_uid, approve=True)
    assert err.value.message("en") == "This deed was already reviewed (on notice)."
    assert "公示中" in err.value.message("zh")


def test_a_recorded_deed_carries_its_english_name(ctx, resident):
    recorded = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    assert (recorded.deed_name, recorded.deed_name_en) == ("见义勇为、伸张正义", "Act of bravery")
    pending = deeds.pending_deeds(resident_id=resident.id)
    assert [p.deed_name_en for p in pending] == ["Act of bravery"]
