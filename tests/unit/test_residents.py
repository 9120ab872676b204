"""Registering residents: validation that leaves the data as it was, names kept
intact (rare characters, minority middle dots), cards, archiving and the admin's
audited reveal of the full ID number."""

from __future__ import annotations

import dataclasses

import pytest

from app.models import AuditRecord, Resident
from app.services import residents
from app.services.errors import (
    AmbiguousResident,
    CardReplaced,
    DuplicateIdNumber,
    IdNumberRegistered,
    InvalidIdNumber,
    InvalidInput,
    InvalidName,
    InvalidPhone,
    PermissionDenied,
    ResidentArchived,
    ResidentNotFound,
)
from app.services.errors.tags import TagNotFound
from app.services.residents import ResidentInput


def test_register_stores_masked_view_and_parsed_id(resident):
    """A registration returns a masked view with gender and birth date from the ID."""
    assert resident.resident_no == "000001"
    assert resident.uid == "XH01-R000001"
    assert resident.id_masked == "110105********002X"
    assert resident.phone_masked == "138****5678"
    assert resident.gender == "F" and resident.birth_date == "1949-12-31"
    assert resident.address == "幸福里3栋2单元501室"
    assert residents.CARD_PATTERN.fullmatch(resident.card_code)
    assert resident.balance == 0


def test_resident_numbers_are_sequential_and_card_codes_random(ctx):
    """Resident numbers count up; card codes are not derived from them."""
    a = residents.register(ctx, ResidentInput(name="甲一"))
    b = residents.register(ctx, ResidentInput(name="乙二"))
    assert (a.resident_no, b.resident_no) == ("000001", "000002")
    assert a.card_code != b.card_code
    assert a.resident_no not in a.card_code


@pytest.mark.parametrize("data, error", [
    (ResidentInput(name="王五", id_number="110105194912310021"), InvalidIdNumber),
    (ResidentInput(name="王五", id_number="420103201002290018"), InvalidIdNumber),
    (ResidentInput(name="王五", phone="1381234567"), InvalidPhone),
    (ResidentInput(name="王五", phone="23812345678"), InvalidPhone),
    (ResidentInput(name="王五", phone="138123456789"), InvalidPhone),
    (ResidentInput(name="   "), InvalidName),
    (ResidentInput(name=""), InvalidName),
    (ResidentInput(name="长" * 41), InvalidName),
    (ResidentInput(name="王五", tags=("not_a_tag",)), TagNotFound),
    (ResidentInput(name="王五", id_type="passport", id_number="E123"), InvalidInput),
])
def test_invalid_registration_changes_nothing(ctx, counts, data, error):
    """Bad input is refused with a typed error and not a single row changes."""
    before = counts()
    with pytest.raises(error):
        residents.register(ctx, data)
    assert counts() == before


@pytest.mark.parametrize("same_person", ["11010519491231002X", "11010519491231002x",
                                         "110105491231002", "110105 19491231 002X"])
def test_duplicate_id_number_refused_in_any_spelling(ctx, resident, counts, same_person):
    """The same ID, however it is typed (x, 15 digits, spaces), cannot be registered twice."""
    before = counts()
    with pytest.raises(DuplicateIdNumber) as err:
        residents.register(ctx, ResidentInput(name="张明月", id_number=same_person))
    assert err.value.data["resident_no"] == resident.resident_no
    assert counts() == before


def test_duplicate_id_refusal_names_no_holder_to_a_clerk(clerk_ctx, resident, counts):
    """A clerk typing a registered ID number learns only that it is registered: neither the
    holder's name nor their resident number, in any language or in the error's data."""
    before = counts()
    with pytest.raises(IdNumberRegistered) as err:
        residents.register(clerk_ctx, ResidentInput(name="王五", id_number="11010519491231002X"))
    said = err.value.message("zh") + err.value.message("en") + repr(err.value.data)
    assert "已登记" in err.value.message("zh") and "registered" in err.value.message("en")
    assert "张明月" not in said and resident.resident_no not in said
    assert not isinstance(err.value, DuplicateIdNumber)
    problems = residents.validate(clerk_ctx, ResidentInput(name="王五",
                                                           id_number="11010519491231002X"))
    assert [type(p) for p in problems] == [IdNumberRegistered]
    assert counts() == before


def test_duplicate_id_refusal_gives_an_admin_the_resident_number_only(ctx, resident):
    """An admin is told which resident holds the number (to look them up), not their name."""
    with pytest.raises(DuplicateIdNumber) as err:
        residents.register(ctx, ResidentInput(name="王五", id_number="11010519491231002X"))
    assert resident.resident_no in err.value.message("zh")
    assert resident.resident_no in err.value.message("en")
    assert "张明月" not in err.value.message("zh") + repr(err.value.data)


def test_phone_with_separators_is_cleaned(ctx):
    """Spaces and dashes in a phone number are dropped before it is stored."""
    view = residents.register(ctx, ResidentInput(name="刘洋", phone="138-1234 5678"))
    assert Resident.get_by_id(view.id).phone == "13812345678"


@pytest.mark.parametrize("name", ["𠮷田春", "买买提·艾力", "王䶮", "阿依古丽·吐尔逊"])
def test_names_are_stored_intact(ctx, name):
    """Rare characters outside the BMP and minority middle dots survive a round trip."""
    view = residents.register(ctx, ResidentInput(name=name))
    assert view.name == name
    assert Resident.get_by_id(view.id).name == name
    assert residents.get(view.id).name == name


def test_inner_spaces_of_a_name_are_collapsed(ctx):
    """Stray spaces are tidied, but the name's characters are kept."""
    assert residents.register(ctx, ResidentInput(name="  张  三 ")).name == "张 三"


def test_other_id_type_is_kept_as_typed(ctx):
    """A Hong Kong/Macao permit is stored upper-cased without national-ID checks."""
    view = residents.register(ctx, ResidentInput(name="陈嘉欣", id_type="other",
                                                 id_number="h 1234567 8"))
    assert Resident.get_by_id(view.id).id_number == "H12345678"
    assert view.gender == ""


def test_update_refuses_another_residents_id_and_keeps_the_row(ctx, resident):
    """Editing a resident to carry someone else's ID number is refused; nothing changes."""
    other = residents.register(ctx, ResidentInput(name="李四", phone="13900001111"))
    with pytest.raises(DuplicateIdNumber):
        residents.update(ctx, other.id, ResidentInput(name="李四",
                                                      id_number="11010519491231002X"))
    assert residents.get(other.id) == other


def test_update_keeps_own_id_and_audits_changed_fields_only(ctx, resident):
    """Saving a resident with their own ID works; the audit lists field names, not values."""
    view = residents.update(ctx, resident.id, ResidentInput(
        name="张明月", id_number="11010519491231002X", phone="13987654321"))
    assert view.phone_masked == "139****4321"
    record = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert record.action == "resident.edit"
    assert "phone" in record.detail and "13987654321" not in record.detail


def test_reissue_card_retires_the_old_code(ctx, resident):
    """After a lost card is replaced, the old code is refused with CardReplaced."""
    new = residents.reissue_card(ctx, resident.id)
    assert new.card_code != resident.card_code
    assert residents.by_card(new.card_code).id == resident.id
    with pytest.raises(CardReplaced):
        residents.by_card(resident.card_code)
    with pytest.raises(CardReplaced):
        residents.resolve(resident.card_code)


def test_unknown_card_is_not_found(ctx, resident):
    """A card code that never existed is reported as not found, not as replaced."""
    with pytest.raises(ResidentNotFound):
        residents.by_card("SDC" + "A" * 16)


def test_reveal_is_admin_only_and_audited(ctx, clerk_ctx, resident):
    """A clerk's reveal is refused and logged; an admin sees the full number, logged too."""
    with pytest.raises(PermissionDenied):
        residents.reveal(clerk_ctx, resident.id)
    denied = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert (denied.action, denied.target, denied.clerk_name) == (
        "permission.denied", "resident.reveal", "li")
    revealed = residents.reveal(ctx, resident.id)
    assert revealed == residents.Revealed("11010519491231002X", "13812345678")
    last = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert (last.action, last.target, last.clerk_name) == ("resident.reveal", resident.uid,
                                                           "admin")


def test_views_never_carry_full_personal_numbers(resident):
    """Nothing in a resident view contains the full ID number or phone."""
    text = repr(dataclasses.asdict(residents.get(resident.id)))
    assert "11010519491231002X" not in text
    assert "13812345678" not in text


def test_archive_is_admin_only_and_blocks_resolve(ctx, clerk_ctx, resident):
    """Only an admin archives; an archived resident cannot be picked for an operation."""
    with pytest.raises(PermissionDenied):
        residents.set_archived(clerk_ctx, resident.id, True)
    assert residents.set_archived(ctx, resident.id, True).archived
    with pytest.raises(ResidentArchived):
        residents.resolve(resident.resident_no)
    assert residents.resolve(resident.resident_no, active_only=False).id == resident.id


def test_resolve_by_number_card_or_unique_search(ctx, resident):
    """RESIDENT accepts a resident number (with or without zeros), a card or a search."""
    residents.register(ctx, ResidentInput(name="李四"))
    assert residents.resolve("000001").id == resident.id
    assert residents.resolve("1").id == resident.id
    assert residents.resolve(resident.card_code).id == resident.id
    assert residents.resolve("张明月").id == resident.id


def test_resolve_hands_out_a_view_not_a_row(ctx, resident):
    """What a dialog or the command line gets for RESIDENT is the masked view, the same
    one ``get`` gives: never a database row with the full ID number and phone."""
    found = residents.resolve(resident.card_code)
    assert isinstance(found, residents.ResidentView)
    assert found == residents.get(resident.id)


def test_cardholders_are_the_active_residents_of_a_grid_by_number(ctx, resident):
    """Who gets a card: every resident not archived, of one grid or of the station."""
    other = residents.register(ctx, ResidentInput(name="李四", grid="第二网格"))
    gone = residents.register(ctx, ResidentInput(name="王五", grid="第一网格"))
    residents.set_archived(ctx, gone.id, True)
    assert residents.cardholders("第一网格") == [residents.get(resident.id)]
    assert [r.id for r in residents.cardholders()] == [resident.id, other.id]
    assert residents.cardholders("无此网格") == []


def test_resolve_refuses_an_ambiguous_search(ctx):
    """A search matching two residents asks the clerk to be precise."""
    residents.register(ctx, ResidentInput(name="王芳"))
    residents.register(ctx, ResidentInput(name="王芳"))
    with pytest.raises(AmbiguousResident):
        residents.resolve("王芳")
    with pytest.raises(ResidentNotFound):
        residents.resolve("赵无此人")


def test_possible_duplicates_warns_on_same_name_and_phone(ctx, resident):
    """Before saving, the desk is told about a resident with the same name and phone."""
    found = residents.possible_duplicates(ResidentInput(name="张明月", phone="138 1234 5678"))
    assert [v.id for v in found] == [resident.id]
    assert residents.possible_duplicates(ResidentInput(name="张明月")) == []
