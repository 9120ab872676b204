"""Commendations and nominations (光荣榜): a person, a pair or a household commended once
a year per title and level, withdrawn with a reason and kept; nominations by any clerk,
decided by an admin; every refusal leaves the data as it was, every write is audited."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import AuditRecord
from app.models.honour import Commendation, Nomination
from app.services import honours, nominations, residents
from app.services.errors import (
    FutureDate,
    InvalidText,
    PermissionDenied,
    ReasonRequired,
    ResidentArchived,
)
from app.services.errors.honours import (
    CommendationNotFound,
    CommendationWithdrawn,
    DuplicateCommendation,
    NoHousehold,
    NominationDecided,
    NominationPending,
    NominatorNeeded,
    PairNeedsPartner,
    PairOrHousehold,
    UnknownLevel,
    UnknownTitle,
)
from app.services.honours import Subject
from app.services.nominations import NominationInput
from app.services.residents import ResidentInput


@pytest.fixture
def people(ctx, resident):
    """张明月 (the conftest resident), her daughter-in-law 李秀英 and a neighbour 王芳."""
    daughter = residents.register(ctx, ResidentInput(name="李秀英", phone="13900001111"))
    neighbour = residents.register(ctx, ResidentInput(name="王芳"))
    return resident, daughter, neighbour


def actions() -> list[str]:
    return [a for (a,) in AuditRecord.select(AuditRecord.action).order_by(AuditRecord.seq)
            .tuples()]


def test_a_person_a_pair_and_a_household_are_named_as_the_board_names_them(ctx, people):
    mother, daughter, _ = people
    house = residents.create_household(ctx, "张明月")
    residents.Resident.update(household=house.id).where(
        residents.Resident.id == mother.id).execute()
    person = honours.record(ctx, Subject(mother.id), "道德模范", "区", dt.date(2026, 5, 4))
    pair = honours.record(ctx, Subject(mother.id, daughter.id), "好婆媳", "community")
    home = honours.record(ctx, Subject(mother.id, household=True), "文明家庭", "街道级")
    assert (person.kind, person.who, person.level, person.level_zh) == (
        "person", "张明月", "district", "区县级")
    assert (pair.kind, pair.who, pair.partner_id) == ("pair", "张明月 与 李秀英", daughter.id)
    assert (home.kind, home.who, home.household_id) == ("household", "张明月家", house.id)
    assert pair.awarded_on == "2026-11-23"  # today by default
    assert pair.changes.honours and pair.changes.residents == {mother.id, daughter.id}
    assert actions().count("honour.record") == 3
    assert [c.id for c in honours.commendations(dt.date(2026, 11, 1))] == [home.id, pair.id]


def test_an_admin_may_type_another_title_a_nomination_takes_one_from_the_list(
        ctx, clerk_ctx, people):
    mother, _, neighbour = people
    made = honours.record(ctx, Subject(mother.id), "最美护河人", "city")
    assert made.title == "最美护河人"
    with pytest.raises(UnknownTitle) as refused:
        nominations.nominate(clerk_ctx, NominationInput(
            neighbour.id, "最美护河人", "清理河道", nominator_name="居民"))
    assert "身边好人" in refused.value.message("zh")


def test_refusals_leave_everything_as_it_was(ctx, people, counts):
    mother, daughter, neighbour = people
    honours.record(ctx, Subject(mother.id, daughter.id), "好婆媳", "community")
    residents.set_archived(ctx, neighbour.id, True)
    before = counts()
    cases = [
        (UnknownLevel, lambda: honours.record(ctx, Subject(mother.id), "道德模范", "县长级")),
        (InvalidText, lambda: honours.record(ctx, Subject(mother.id), " ", "city")),
        (PairNeedsPartner, lambda: honours.record(ctx, Subject(mother.id, mother.id), "好邻居",
                                                  "city")),
        (NoHousehold, lambda: honours.record(ctx, Subject(daughter.id, household=True),
                                             "文明家庭", "city")),
        (PairOrHousehold, lambda: honours.record(ctx, Subject(mother.id, daughter.id, True),
                                                 "文明家庭", "city")),
        (ResidentArchived, lambda: honours.record(ctx, Subject(neighbour.id), "身边好人",
                                                  "city")),
        (FutureDate, lambda: honours.record(ctx, Subject(mother.id), "身边好人", "city",
                                            dt.date(2026, 11, 24))),
        # the same pair the other way round, the same year: once a year
        (DuplicateCommendation, lambda: honours.record(
            ctx, Subject(daughter.id, mother.id), "好婆媳", "社区", dt.date(2026, 1, 2))),
    ]
    for error, attempt in cases:
        with pytest.raises(error):
            attempt()
        assert counts() == before, error.__name__


def test_once_a_year_per_title_and_level(ctx, people):
    mother, daughter, _ = people
    honours.record(ctx, Subject(mother.id), "身边好人", "community", dt.date(2026, 3, 1))
    with pytest.raises(DuplicateCommendation) as refused:
        honours.record(ctx, Subject(mother.id), "身边好人", "community")
    assert "2026" in refused.value.message("zh") and "community" in refused.value.message("en")
    honours.record(ctx, Subject(mother.id), "身边好人", "street")  # a higher level
    honours.record(ctx, Subject(mother.id), "身边好人", "community", dt.date(2025, 6, 1))
    honours.record(ctx, Subject(daughter.id), "身边好人", "community")  # someone else
    assert Commendation.select().count() == 4


def test_withdrawal_needs_a_reason_keeps_the_row_and_frees_the_title(ctx, clerk_ctx, people,
                                                                      counts):
    mother, _, _ = people
    made = honours.record(ctx, Subject(mother.id), "好婆婆", "community")
    before = counts()
    for bad, error in (("", ReasonRequired), ("  ", ReasonRequired)):
        with pytest.raises(error):
            honours.withdraw(ctx, made.id, bad)
    with pytest.raises(PermissionDenied):
        honours.withdraw(clerk_ctx, made.id, "误登")
    with pytest.raises(CommendationNotFound):
        honours.withdraw(ctx, 999, "误登")
    assert counts()["commendation"] == before["commendation"]
    gone = honours.withdraw(ctx, str(made.id), "登记错了人")
    assert gone.withdrawn_at == "2026-11-23 09:30:00" and gone.withdrawn_reason == "登记错了人"
    assert Commendation.get_by_id(made.id).withdrawn_reason == "登记错了人"
    assert honours.commendations() == []
    assert [c.id for c in honours.commendations(include_withdrawn=True)] == [made.id]
    with pytest.raises(CommendationWithdrawn):
        honours.withdraw(ctx, made.uid, "再撤一次")
    assert "honour.withdraw" in actions()
    honours.record(ctx, Subject(mother.id), "好婆婆", "community")  # recorded again, rightly


def test_only_an_admin_records_and_the_refusal_is_audited(clerk_ctx, people, counts):
    mother, _, _ = people
    with pytest.raises(PermissionDenied):
        honours.record(clerk_ctx, Subject(mother.id), "身边好人", "community")
    assert Commendation.select().count() == 0
    assert actions()[-1] == "permission.denied"


def test_a_request_repeated_records_once(ctx, people):
    mother, _, _ = people
    first = honours.record(ctx, Subject(mother.id), "身边好人", "community", request_id="r-1")
    again = honours.record(ctx, Subject(mother.id), "身边好人", "community", request_id="r-1")
    assert again == first and Commendation.select().count() == 1


def test_a_clerk_nominates_and_an_admin_accepts_into_a_linked_commendation(
        ctx, clerk_ctx, people):
    mother, daughter, neighbour = people
    made = nominations.nominate(clerk_ctx, NominationInput(
        mother.id, "好婆媳", "婆媳互敬互爱二十年", partner_id=daughter.id,
        nominator_id=neighbour.id))
    assert (made.state, made.who, made.nominator) == ("pending", "张明月 与 李秀英", "王芳")
    assert [n.id for n in nominations.nominations()] == [made.id]
    with pytest.raises(PermissionDenied):
        nominations.accept(clerk_ctx, made.id, "community")
    done = nominations.accept(ctx, made.id, "street")
    assert (done.state, done.decided_by) == ("accepted", "王站长")
    commendation = Commendation.get_by_id(done.commendation_id)
    assert (commendation.nomination_id, commendation.title, commendation.level) == (
        made.id, "好婆媳", "street")
    assert (commendation.resident_id, commendation.partner_id) == (mother.id, daughter.id)
    assert commendation.citation == "婆媳互敬互爱二十年"
    assert nominations.nominations() == []
    honour_actions = [a for a in actions() if a.startswith("honour.")]
    assert honour_actions == ["honour.nominate", "honour.record", "honour.accepted"]
    with pytest.raises(NominationDecided) as refused:
        nominations.decline(ctx, made.id, "重复")
    assert "王站长" in refused.value.message("zh")


def test_a_declined_nomination_keeps_its_note(ctx, clerk_ctx, people, counts):
    _, daughter, _ = people
    made = nominations.nominate(clerk_ctx, NominationInput(
        daughter.id, "身边好人", "帮助邻居", nominator_name="3栋居民"))
    before = counts()
    with pytest.raises(ReasonRequired):
        nominations.decline(ctx, made.id, "")
    assert counts() == before
    done = nominations.decline(ctx, made.id, "事迹需进一步核实")
    assert (done.state, done.decision_note, done.commendation_id) == (
        "declined", "事迹需进一步核实", None)
    assert Commendation.select().count() == 0
    assert nominations.nominations("declined")[0].nominator == "3栋居民"


def test_nomination_refusals(clerk_ctx, ctx, people, counts):
    mother, _, _ = people
    nominations.nominate(clerk_ctx, NominationInput(mother.id, "身边好人", "热心",
                                                    nominator_name="居委会"))
    before = counts()
    cases = [
        (ReasonRequired, NominationInput(mother.id, "好婆婆", " ", nominator_name="居委会")),
        (NominatorNeeded, NominationInput(mother.id, "好婆婆", "热心")),
        (PairNeedsPartner, NominationInput(mother.id, "好邻居", "热心", partner_id=mother.id,
                                           nominator_name="居委会")),
        (NominationPending, NominationInput(mother.id, "身边好人", "又一次",
                                            nominator_name="楼长")),
    ]
    for error, data in cases:
        with pytest.raises(error):
            nominations.nominate(clerk_ctx, data)
        assert counts() == before, error.__name__


def test_accepting_what_was_already_commended_changes_nothing(ctx, clerk_ctx, people, counts):
    mother, _, _ = people
    honours.record(ctx, Subject(mother.id), "身边好人", "community")
    made = nominations.nominate(clerk_ctx, NominationInput(mother.id, "身边好人", "热心",
                                                           nominator_name="居委会"))
    before = counts()
    with pytest.raises(DuplicateCommendation):
        nominations.accept(ctx, made.id, "community")
    assert counts() == before
    assert Nomination.get_by_id(made.id).state == "pending"  # still to decide
