"""Free text a clerk types: control characters, hidden direction marks, invisible-only
text and absurd lengths are refused everywhere with one clear message, and nothing is
stored; real names (rare characters, middle dots) stay valid."""

from __future__ import annotations

import pytest

from app.services import auth, deeds, residents, text
from app.services.errors import InvalidName, InvalidText
from app.services.residents import ResidentInput

BAD = [
    ("张\u202e三", "U+202E"),  # right-to-left override
    ("张\u2066三\u2069", "U+2066"),  # isolate
    ("\u200f张三", "U+200F"),  # right-to-left mark
    ("张\u0007三", "U+0007"),  # bell
    ("张\n三", "U+000A"),
    ("张\u200b三", "U+200B"),  # zero width space inside a name
]


@pytest.mark.parametrize("value, code", BAD)
def test_hidden_characters_in_a_name_are_refused_with_their_code(ctx, counts, value, code):
    """A name holding a control or direction character is refused, the message names the
    character and says how to fix it, and nothing is written."""
    before = counts()
    with pytest.raises(InvalidName) as err:
        residents.register(ctx, ResidentInput(name=value))
    assert code in err.value.message("zh") and "删除" in err.value.message("zh")
    assert err.value.field == "name"
    assert counts() == before


@pytest.mark.parametrize("value", ["\u200b", "\u200b\u200c\u200d", "\ufeff", " \u200d "])
def test_invisible_only_name_is_refused(ctx, counts, value):
    """A name made only of zero-width characters is refused (it would show as blank)."""
    before = counts()
    with pytest.raises(InvalidName):
        residents.register(ctx, ResidentInput(name=value))
    assert counts() == before


@pytest.mark.parametrize("field, value", [
    ("compound", "幸福里" * 34),  # 102 characters
    ("building", "\u202e3"),
    ("room", "5\x0001"),
    ("grid", "网" * 41),
    ("grid", "\u2067第一网格"),
])
def test_address_parts_and_grid_are_checked_by_the_same_rules(ctx, counts, field, value):
    """Address parts (≤ 100) and the grid (≤ 40) follow the shared rules, naming the field."""
    before = counts()
    with pytest.raises(InvalidText) as err:
        residents.register(ctx, ResidentInput(name="王五", **{field: value}))
    assert err.value.field == field
    assert counts() == before


def test_limits_are_inclusive(ctx):
    """A value exactly at its limit is kept whole."""
    view = residents.register(ctx, ResidentInput(name="长" * 40, compound="幸" * 100,
                                                 grid="网" * 40))
    assert (len(view.name), len(view.compound), len(view.grid)) == (40, 100, 40)


def test_too_long_message_says_the_limit_and_the_length(ctx):
    with pytest.raises(InvalidName) as err:
        residents.register(ctx, ResidentInput(name="长" * 41))
    assert "40" in err.value.message("zh") and "41" in err.value.message("zh")
    assert "at most 40" in err.value.message("en")


@pytest.mark.parametrize("name", ["𠮷田春", "买买提·艾力", "阿依古丽·吐尔逊", "\ue000华",
                                  "Zoë‍Ann"])
def test_real_names_stay_valid(ctx, name):
    """Rare characters outside the BMP, middle dots, private-use rare surnames and a joiner
    between visible letters are kept as typed."""
    assert residents.register(ctx, ResidentInput(name=name)).name == name


def test_household_name_is_checked(ctx, counts):
    before = counts()
    with pytest.raises(InvalidText):
        residents.create_household(ctx, "王家\u202e")
    with pytest.raises(InvalidText):
        residents.create_household(ctx, "户" * 41)
    assert counts() == before


def test_edit_is_checked_like_registration(ctx, resident):
    """An edit cannot store what a registration refuses."""
    with pytest.raises(InvalidName):
        residents.update(ctx, resident.id, ResidentInput(name="张\u202e明月", id_number=None,
                                                         phone=None))
    assert residents.get(resident.id).name == "张明月"


def test_validate_reports_text_problems_per_field(ctx):
    """The form's all-at-once check reports the grid problem next to the grid."""
    problems = residents.validate(ctx, ResidentInput(name="王五", grid="\u200b"))
    assert [p.field for p in problems] == ["grid"]


def test_clerk_display_name_is_checked(ctx, counts):
    before = counts()
    with pytest.raises(InvalidText):
        auth.add_clerk(ctx, "zhou", "周\u202e", "clerk", "Strong-Pass-9")
    with pytest.raises(InvalidText):
        auth.add_clerk(ctx, "zhou", "周" * 41, "clerk", "Strong-Pass-9")
    assert counts() == before


def test_deed_note_and_reason_are_checked(ctx, resident, counts):
    """A note may hold line breaks but not control characters, and at most 500 characters."""
    before = counts()
    with pytest.raises(InvalidText):
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", note="拾金\x1b[31m不昧")
    with pytest.raises(InvalidText):
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", note="好" * 501)
    assert counts() == before
    done = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", note="第一行\n第二行")
    assert done.points > 0


def test_one_shared_rule_set():
    """Every kind of free text has its label and a limit a real value fits in."""
    assert text.NAME.limit == 40 and text.ADDRESS.limit == 100 and text.GRID.limit == 40
    assert text.NOTE.limit == text.REASON.limit == 500
    assert text.clean("  幸福里  ", text.ADDRESS) == "幸福里"


def test_station_name_is_checked(ctx):
    from app.services import station

    with pytest.raises(InvalidText):
        station.update_settings(ctx, name="新华站\u202e")
    with pytest.raises(InvalidText):
        station.update_settings(ctx, name="站" * 61)
    assert station.current().name == "新华社区新时代文明实践站"


def test_merchant_names_and_every_reason_follow_the_rules(ctx, resident, give):
    """Merchant names, void, adjustment, reversal and key reasons use the same rules."""
    from app.services import ledger, merchants, redemption, revocation, vouchers
    from app.services.errors import InvalidText

    give(resident.id, 10)
    serial = vouchers.issue(ctx, resident.id, 10).vouchers[0].serial
    for attempt in (lambda: merchants.add(ctx, "老街\u202e理发店"),
                    lambda: redemption.void(ctx, serial, "错发\x07"),
                    lambda: ledger.adjust(ctx, resident.id, 1, "x" * 501),
                    lambda: revocation.revoke(ctx, 1, "\u200b")):
        with pytest.raises(InvalidText):
            attempt()
    assert vouchers.vouchers_by_serial([serial])[0].status == "issued"

