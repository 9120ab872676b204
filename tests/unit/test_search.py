"""Resident search as the desk types it: name substring, pinyin (every surname
reading), phone, ID tail, resident number and card code; ranked and paged."""

from __future__ import annotations

import pytest

from app.services import residents, search
from app.services.residents import ResidentInput


def ids(query: str, **kwargs) -> list[int]:
    return [h.id for h in search.search(query, **kwargs).hits]


@pytest.fixture
def people(ctx, resident):
    """A handful of residents whose surnames have special readings."""
    names = ["曾国藩", "单田芳", "仇英", "区小红", "朴正浩", "解晓东", "买买提·艾力", "𠮷田春"]
    made = {"张明月": resident.id}
    for n, name in enumerate(names):
        made[name] = residents.register(ctx, ResidentInput(
            name=name, phone=f"1390000{n:04d}")).id
    return made


@pytest.mark.parametrize("query", ["张明月", "张明", "明月", "月", " 张 明 月 "])
def test_name_substring(people, query):
    """Any part of a Chinese name finds the resident."""
    assert people["张明月"] in ids(query)


@pytest.mark.parametrize("query", ["zhangmingyue", "zhangm", "ZhangMingYue", "mingyue",
                                   "zmy", "ZMY", "my"])
def test_full_pinyin_and_initials(people, query):
    """Full pinyin, its prefixes, later syllables and initials (any case) find the name."""
    assert people["张明月"] in ids(query)


@pytest.mark.parametrize("name, queries", [
    ("曾国藩", ["zengguofan", "cengguofan", "zgf", "cgf"]),
    ("单田芳", ["shantianfang", "dantianfang", "stf"]),
    ("仇英", ["qiuying", "chouying", "qy"]),
    ("区小红", ["ouxiaohong", "quxiaohong", "oxh"]),
    ("朴正浩", ["piaozhenghao", "puzhenghao", "pzh"]),
    ("解晓东", ["xiexiaodong", "jiexiaodong", "xxd"]),
])
def test_every_surname_reading(people, name, queries):
    """Surnames with special readings are found by every reading a clerk may type."""
    for query in queries:
        assert people[name] in ids(query), query


@pytest.mark.parametrize("query", ["买买提·艾力", "买买提•艾力", "买买提‧艾力", "买买提・艾力",
                                   "买买提.艾力", "提·艾", "艾力", "maimaiti", "mmtal"])
def test_middle_dot_variants_are_one(people, query):
    """A minority name is found whichever middle dot the keyboard produced."""
    hits = search.search(query).hits
    assert people["买买提·艾力"] in [h.id for h in hits]
    assert next(h for h in hits if h.id == people["买买提·艾力"]).name == "买买提·艾力"


def test_rare_character_outside_bmp(people):
    """A name with 𠮷 (U+20BB7) is found by that character and returned intact."""
    hits = search.search("𠮷").hits
    assert [h.name for h in hits] == ["𠮷田春"]
    assert people["𠮷田春"] in ids("田春")


@pytest.mark.parametrize("query", ["13812345678", "5678"])
def test_phone_full_and_last_four(people, query):
    """A full mobile number or its last four digits find the resident."""
    assert ids(query)[0] == people["张明月"]


@pytest.mark.parametrize("query", ["002X", "002x", "31002X", "31002x"])
def test_id_last_four_and_six(people, query):
    """The last 4 or 6 characters of the ID number find the resident (x in any case)."""
    assert ids(query) == [people["张明月"]]


def test_full_id_number_does_not_leak_through_hits(people):
    """Search results carry only masked ID numbers and phones."""
    hit = search.search("张明月").hits[0]
    assert hit.id_masked == "110105********002X"
    assert hit.phone_masked == "138****5678"


def test_resident_number_and_card_code(ctx, people, resident):
    """A resident number (padded or not) and a scanned card code find exactly that person."""
    assert ids("000001")[0] == resident.id
    assert ids("1")[0] == resident.id
    assert ids(resident.card_code) == [resident.id]
    assert ids(resident.card_code.lower()) == [resident.id]


def test_exact_resident_number_ranks_first(ctx):
    """An exact resident number comes first; a phone's tail beginning with the same digit
    is no match at all."""
    first = residents.register(ctx, ResidentInput(name="赵一", phone="13800003456")).id
    residents.register(ctx, ResidentInput(name="钱二"))
    third = residents.register(ctx, ResidentInput(name="孙三")).id
    assert ids("3") == [third]
    assert ids("3456") == [first]


@pytest.mark.parametrize("query", ["13", "138", "1381234", "138123456", "1381234567",
                                   "567", "678", "8123"])
def test_a_phone_is_not_found_digit_by_digit(people, query):
    """Only the whole number or its last four digits: typing the start of a number (or
    of its tail) must not confirm it one digit at a time."""
    assert people["张明月"] not in ids(query)


@pytest.mark.parametrize("query", ["110105", "19491231", "1949", "0105194912", "3",
                                   "31", "31002", "002", "02x", "1002x", "231002x",
                                   "11010519491231002x"])
def test_an_id_number_is_found_by_its_last_four_or_six_only(people, query):
    """No other part of an ID number (the birth date sits in the middle) finds anyone."""
    assert people["张明月"] not in ids(query)


def test_a_resident_number_is_still_found_by_its_start(ctx):
    """Resident numbers keep their prefix search (they are not personal data)."""
    made = [residents.register(ctx, ResidentInput(name=f"居民{c}", phone="1390000000" + c)).id
            for c in "123456789"]
    assert set(ids("00000")) == set(made)
    assert ids("0000") and set(ids("0000")) == set(made)


def test_an_older_index_does_not_leak_phone_prefixes(ctx, resident):
    """Terms written before identity terms had their own rank (phone at the name ranks)
    still do not answer a prefix."""
    search.index_resident(resident.id, {"张明月": 1, "000001": 0, "1": 0,
                                        "13812345678": 1, "5678": 2, "002x": 2, "31002x": 2})
    assert ids("13812345678") == [resident.id] and ids("31002x") == [resident.id]
    assert ids("138") == [] and ids("3100") == [] and ids("56") == []


def test_exact_card_code_ranks_first(ctx):
    """A card code is matched exactly, before anything else."""
    a = residents.register(ctx, ResidentInput(name="周四"))
    residents.register(ctx, ResidentInput(name="吴五"))
    assert ids(a.card_code) == [a.id]


def test_whole_name_ranks_before_a_later_part(ctx):
    """Typing 明 lists 明华 (starts with it) before 张明月 (contains it)."""
    inside = residents.register(ctx, ResidentInput(name="张明月")).id
    start = residents.register(ctx, ResidentInput(name="明华")).id
    found = ids("明")
    assert found.index(start) < found.index(inside)


def test_paging(ctx):
    """Pages do not overlap, cover every match, and say whether another page follows."""
    made = {residents.register(ctx, ResidentInput(name=f"张{c}")).id for c in "一二三四五六七"}
    pages = [search.search("张", offset=o, limit=3) for o in (0, 3, 6)]
    assert [len(p.hits) for p in pages] == [3, 3, 1]
    assert [p.has_more for p in pages] == [True, True, False]
    seen = [h.id for p in pages for h in p.hits]
    assert len(seen) == len(set(seen)) and set(seen) == made
    assert search.search("张", offset=7, limit=3) == search.SearchPage([], False)


def test_archived_residents_are_excluded(ctx, resident):
    """Archived residents are left out unless asked for."""
    residents.set_archived(ctx, resident.id, True)
    assert ids("张明月") == []
    assert ids("张明月", include_archived=True) == [resident.id]


def test_archived_majority_does_not_hide_active_residents(ctx):
    """Many archived namesakes do not push the active ones off the page."""
    for _ in range(6):
        gone = residents.register(ctx, ResidentInput(name="王芳"))
        residents.set_archived(ctx, gone.id, True)
    active = residents.register(ctx, ResidentInput(name="王芳")).id
    page = search.search("王芳", limit=1)
    assert [h.id for h in page.hits] == [active]
    assert page.has_more is False


def test_edit_reindexes_the_resident(ctx, resident):
    """After a rename the old name no longer finds the resident; the new one does."""
    residents.update(ctx, resident.id, ResidentInput(name="张月明", phone="13812345678"))
    assert ids("张明月") == []
    assert ids("zhangyueming") == [resident.id]


@pytest.mark.parametrize("query", ["", "   ", "·"])
def test_empty_queries_find_nothing(people, query):
    """Nothing typed (or only a dot) returns an empty page, not every resident."""
    assert search.search(query).hits == []


def test_an_id_of_another_kind_is_found_by_its_tail_only(ctx):
    """A document number without digits at its end is no prefix target either."""
    made = residents.register(ctx, ResidentInput(name="艾力", id_type="other",
                                                 id_number="PASSQWERTY")).id
    assert ids("qwerty") == [made] and ids("erty") == [made]
    assert made not in ids("qwe") and made not in ids("er")
