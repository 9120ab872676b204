"""Pinyin keys for names and deed types, as clerks at Chinese desks type them.

pypinyin is imported on first use: it costs ~300 ms, which start-up must not pay.
Every reading of the surname is kept (曾 zeng/ceng, 单 shan/dan, 仇 qiu/chou, 区 ou/qu,
朴 piao/pu …) because the desk cannot know which one the clerk will type.
"""

from __future__ import annotations

import functools
from typing import Any

MIDDLE_DOTS = "·•‧・.．"
_MAX_VARIANTS = 6


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


def _readings(char: str) -> list[str]:
    p = _pypinyin()
    found = p.pinyin(char, style=p.Style.NORMAL, heteronym=True, errors=lambda c: [[c]])
    readings = [r.lower() for r in found[0] if r.isascii() and r.isalpha()] if found else []
    return readings or [char]


def syllable_variants(name: str) -> list[list[str]]:
    """Each variant is one list of syllables; the surname's readings give the variants."""
    p = _pypinyin()
    core = [c for c in normalise(name) if c != "·"]
    if not core:
        return []
    rest = p.lazy_pinyin("".join(core[1:]), style=p.Style.NORMAL, errors=lambda c: list(c))
    rest = [s.lower() for s in rest]
    variants = []
    for first in _readings(core[0])[:_MAX_VARIANTS]:
        variants.append([first, *rest])
    return variants


def name_terms(name: str) -> dict[str, bool]:
    """Search keys of a name, each marked True when it starts where the name starts.

    Every suffix of the characters is a key (a substring search becomes a prefix search),
    and so are full pinyin and initials from every syllable on.
    """
    terms: dict[str, bool] = {}

    def add(term: str, start: bool) -> None:
        if term:
            terms[term] = terms.get(term, False) or start

    chars = normalise(name)
    for i in range(len(chars)):
        if chars[i] != "·":
            add(chars[i:], i == 0)
    for syllables in syllable_variants(name):
        for i in range(len(syllables)):
            part = syllables[i:]
            if all(s.isascii() for s in part):
                add("".join(part), i == 0)
                add("".join(s[0] for s in part), i == 0)
    return terms


def initials(text: str) -> str:
    """``下雨天`` → ``xyt``; non-Chinese characters are kept as they are, lower-cased."""
    p = _pypinyin()
    syllables = p.lazy_pinyin(text, style=p.Style.NORMAL, errors="ignore")
    return "".join(s[0] for s in syllables if s and s[0].isalnum()).lower()


def full(text: str) -> str:
    p = _pypinyin()
    return "".join(p.lazy_pinyin(text, style=p.Style.NORMAL)).lower()


