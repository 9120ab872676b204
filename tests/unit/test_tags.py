"""The station's tag list: an admin adds, renames and retires tags; residents get only
tags on offer and keep retired ones; reports find the residents carrying a tag."""

from __future__ import annotations

import pytest

from app.models import AuditRecord, Resident, Tag
from app.models.tag import SEED
from app.services import residents, tags
from app.services.errors import InvalidText, PermissionDenied
from app.services.errors.tags import TagExists, TagNotFound, TagRetired
from app.services.residents import ResidentInput


def _last_audit() -> AuditRecord:
    return AuditRecord.select().order_by(AuditRecord.seq.desc()).first()


def test_a_station_lists_the_seeded_groups_it_works_with(ctx):
    """All the groups of the issue are offered, in the seed's order."""
    listed = tags.list_tags()
    assert [t.code for t in listed] == [code for code, _, _ in SEED]
    for name in ("独居老人", "空巢老人", "残疾人", "低保户", "留守儿童", "困境儿童", "困境妇女",
                 "优抚对象", "流动人口", "五老人员", "党员", "志愿者"):
        assert name in {t.name for t in listed}


def test_an_admin_adds_a_tag_with_a_stable_unique_code_and_it_is_audited(ctx):
    first = tags.add_tag(ctx, " 高龄 老人 ", name_en="Over 80")
    assert first.name == "高龄老人" and not first.retired
    assert first.code == "gaolinglaoren"
    assert _last_audit().action == "tag.add" and _last_audit().target == first.code
    renamed = tags.rename_tag(ctx, "高龄老人", "八十岁以上老人")
    assert renamed.code == first.code  # residents hold the code: it never changes
    second = tags.add_tag(ctx, "高龄老人")  # the old name is free again, a new code
    assert second.code != first.code
    assert Tag.select().where(Tag.code == second.code).count() == 1


@pytest.mark.parametrize("typed", ["党员", " 党员 ", "党　员", "党 员"])
def test_a_name_taken_after_cleaning_is_refused_and_nothing_changes(ctx, counts, typed):
    before = counts()
    with pytest.raises(TagExists):
        tags.add_tag(ctx, typed)
    assert counts() == before


def test_an_empty_or_invisible_name_is_refused(ctx, counts):
    before = counts()
    for typed in ("", "   ", "\u200b"):
        with pytest.raises(InvalidText) as err:
            tags.add_tag(ctx, typed)
        assert err.value.field == "name"
    assert counts() == before


def test_a_clerk_may_not_edit_the_list_and_the_attempt_is_audited(clerk_ctx, counts):
    before = Tag.select().count()
    for attempt in (lambda: tags.add_tag(clerk_ctx, "新标签"),
                    lambda: tags.retire_tag(clerk_ctx, "党员"),
                    lambda: tags.rename_tag(clerk_ctx, "党员", "共产党员")):
        with pytest.raises(PermissionDenied):
            attempt()
        assert _last_audit().action == "permission.denied"
    assert Tag.select().count() == before
    assert not Tag.get(Tag.code == "party_member").retired


def test_a_retired_tag_stays_on_residents_but_is_given_to_no_one_new(ctx):
    kept = residents.register(ctx, ResidentInput(name="李四", tags=("party_member", "志愿者")))
    assert kept.tags == ("party_member", "volunteer")  # a name is taken for its code
    retired = tags.retire_tag(ctx, "党员")
    assert retired.retired and _last_audit().action == "tag.retire"
    assert [t.code for t in tags.list_tags()][-1] == "party_member"
    assert "party_member" not in {t.code for t in tags.list_tags(include_retired=False)}
    with pytest.raises(TagRetired):
        residents.register(ctx, ResidentInput(name="王五", tags=("party_member",)))
    # An edit of the resident who has it keeps it (and may drop the other tag).
    edited = residents.update(ctx, kept.id, ResidentInput(name="李四", tags=("party_member",)))
    assert edited.tags == ("party_member",)
    assert residents.validate(ctx, ResidentInput(name="李四", tags=("party_member",)),
                              kept.id) == []
    restored = tags.add_tag(ctx, "党员")  # adding the name again offers it again
    assert restored.code == "party_member" and not restored.retired


def test_an_unknown_tag_is_refused_naming_it(ctx, counts):
    before = counts()
    with pytest.raises(TagNotFound) as err:
        tags.retire_tag(ctx, "不存在的标签")
    assert "不存在的标签" in err.value.message("zh")
    assert counts() == before


def test_residents_with_a_tag_are_exactly_those_whose_codes_hold_it(ctx):
    """A code that is a prefix or suffix of another (``volunteer`` in a made-up
    ``volunteer_x``) and LIKE's ``_`` wildcard find no one else."""
    extra = tags.add_tag(ctx, "志愿者家属")
    made = {
        "a": ("volunteer",), "b": ("party_member", "volunteer"),
        "c": ("elderly_alone", "party_member", "volunteer"), "d": ("party_member",),
        "e": (extra.code,), "f": (),
    }
    ids = {key: residents.register(ctx, ResidentInput(name=f"居民{key}", tags=t)).id
           for key, t in made.items()}
    Resident.update(tags="volunteerX").where(Resident.id == ids["f"]).execute()
    for code in ("volunteer", "party_member", "elderly_alone", extra.code):
        expected = {ids[k] for k, t in made.items() if code in t}
        raw = {r.id for r in Resident.select() if code in r.tags.split(",")}
        assert raw == expected
        assert {r.id for r in tags.residents_with(code)} == expected
        assert tags.count_with(code) == len(expected)
    with pytest.raises(TagNotFound):
        tags.residents_with("no_such_tag")


def test_a_repeated_request_adds_the_tag_once(ctx):
    one = tags.add_tag(ctx, "新就业群体", request_id="req-tag-1")
    two = tags.add_tag(ctx, "新就业群体", request_id="req-tag-1")
    assert one == two and Tag.select().where(Tag.name == "新就业群体").count() == 1
