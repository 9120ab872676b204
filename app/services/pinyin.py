"""Pinyin keys for names and deed types, as clerks at Chinese desks type them.

pypinyin is imported on first use: it costs ~300 ms, which start-up must not pay.
A surname is indexed under its ordinary reading and its special surname readings
(曾 zeng/ceng, 单 shan/dan, 仇 qiu/chou, 区 ou/qu, 朴 piao/pu …): the desk cannot know
which one the clerk will type.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

MIDDLE_DOTS = "·•‧・.．"


@functools.cache
def _pypinyin() -> Any:
    import pypinyin

    return pypinyin


def normalise(text: str) -> str:
    """One form of a name for matching: dot variants folded, spaces gone, lower case."""
    out = text.strip().lower()
    for dot in MIDDLE_DOTS:
        out = out.replace(dot, "·")
    return "".join(out.split())


# Surnames read differently from the same character in ordinary words. A name is
# indexed under the ordinary reading and these, so either one typed finds it.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "仇": ("qiu",), "解": ("xie",), "区": ("ou",),
    "朴": ("piao",), "查": ("zha",), "盖": ("ge",), "乐": ("yue", "le"), "缪": ("miao",),
    "覃": ("qin",), "秘": ("bi",), "种": ("chong",), "员": ("yun",), "宓": ("mi",),
    "郇": ("huan",), "冼": ("xian",), "折": ("she",), "召": ("shao",), "黑": ("he",),
    "繁": ("po",), "句": ("gou",), "尉": ("yu",), "万": ("mo",), "长": ("chang",),
    "重": ("chong",), "华": ("hua",), "纪": ("ji",), "燕": ("yan",), "翟": ("zhai",),
}


def syllable_variants(name: str) -> list[list[str]]:
    """Each variant is one list of syllables: the ordinary reading of the whole name,
    and the same with each special surname reading of its first character."""
    p = _pypinyin()
    core = [c for c in normalise(name) if c != "·"]
    if not core:
        return []
    syllables = [s.lower() for s in p.lazy_pinyin("".join(core), style=p.Style.NORMAL,
                                                   errors=lambda c: list(c))]
    if len(syllables) != len(core):  # a run of non-Chinese text stayed in one piece
        return [syllables]
    readings = [syllables[0], *SURNAME_READINGS.get(core[0], ())]
    return [[first, *syllables[1:]] for first in dict.fromkeys(readings)]


def name_terms(name: str, variants: list[list[str]] | None = None) -> dict[str, bool]:
    """Search keys of a name, each marked True when it starts where the name starts.

    Every suffix of the characters is a key (a substring search becomes a prefix search),
    and so are full pinyin and initials from every syllable on. ``variants`` may be given
    when the caller already knows the syllables (a bulk load with its own cache).
    """
    terms: dict[str, bool] = {}

    def add(term: str, start: bool) -> None:
        if term:
            terms[term] = terms.get(term, False) or start

    chars = normalise(name)
    for i in range(len(chars)):
        if chars[i] != "·":
            add(chars[i:], i == 0)
    for syllables in syllable_variants(name) if variants is None else variants:
        for i in range(len(syllables)):
            part = syllables[i:]
            if all(s.isascii() for s in part):
                add("".join(part), i == 0)
                add("".join(s[0] for s in part), i == 0)
    return terms


def char_variants(chars: str, reading: Callable[[str], str]) -> list[list[str]]:
    """Like ``syllable_variants`` from one reading per character (the bulk-load path)."""
    core = [c for c in normalise(chars) if c != "·"]
    if not core:
        return []
    syllables = [reading(c) for c in core]
    return [[first, *syllables[1:]]
            for first in dict.fromkeys([syllables[0], *SURNAME_READINGS.get(core[0], ())])]


def initials(text: str) -> str:
    """``下雨天`` → ``xyt``; non-Chinese characters are kept as they are, lower-cased."""
    p = _pypinyin()
    syllables = p.lazy_pinyin(text, style=p.Style.NORMAL, errors="ignore")
    return "".join(s[0] for s in syllables if s and s[0].isalnum()).lower()


def full(text: str) -> str:
    p = _pypinyin()
    return "".join(p.lazy_pinyin(text, style=p.Style.NORMAL)).lower()


