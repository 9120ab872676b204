"""What a clerk may type: one set of rules for every piece of free text and every number.

Free text (names, addresses, grids, household, merchant and clerk names, notes and
reasons) is refused when it holds control characters, hidden direction marks (a name
that *shows* as 张三 but sorts, searches and prints as something else) or only invisible
characters, or when it is longer than any real value of its kind. Rare characters
outside the BMP, minority-name middle dots and private-use characters some stations use
for rare surnames stay valid.

Numbers (points, quantities) accept ASCII and full-width digits only: Python's ``int``
and ``Decimal`` take every script's digits (``int("٥٠") == 50``), and a clerk cannot
tell from the screen which ones a pasted value holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.services.errors import InvalidName, InvalidText

# Direction overrides and embeddings, isolates, and the left-to-right / right-to-left
# marks: they reorder what the desk shows without changing what is stored.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
# Zero width space and no-break space (BOM): no script needs them inside a name, and they
# make two names that look the same differ. Joiners (U+200C/D) shape some scripts and
# emoji, so they are refused only when nothing visible is left.
HIDDEN = frozenset("\u200b\ufeff")
ZERO_WIDTH = HIDDEN | frozenset("\u200c\u200d")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class Kind:
    """One kind of free text: what the clerk calls it, and how long a real one gets."""

    label_zh: str
    label_en: str
    limit: int
    multiline: bool = False  # notes and reasons may hold line breaks


NAME = Kind("姓名", "The name", 40)
HOUSEHOLD = Kind("户名", "The household name", 40)
ADDRESS = Kind("地址", "The address", 100)  # each part: compound, building, unit, room
GRID = Kind("网格", "The grid", 40)
CLERK_NAME = Kind("显示名", "The display name", 40)
STATION_NAME = Kind("站点名称", "The station name", 60)
MERCHANT = Kind("商户名称", "The merchant name", 60)
NOTE = Kind("备注", "The note", 500, multiline=True)
REASON = Kind("理由", "The reason", 500, multiline=True)


def _refuse(kind: Kind, field: str | None, problem_zh: str, problem_en: str) -> InvalidText:
    error = InvalidName if kind is NAME else InvalidText
    return error(label_zh=kind.label_zh, label_en=kind.label_en, problem_zh=problem_zh,
                 problem_en=problem_en, field=field or ("name" if kind is NAME else None))


def _bad_character(text: str, multiline: bool) -> str | None:
    for ch in text:
        if multiline and ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        if ch in BIDI_CONTROLS or ch in HIDDEN or category in ("Cc", "Cs", "Zl", "Zp"):
            return ch
    return None


def clean(value: str | None, kind: Kind, field: str | None = None,
          required: bool = False) -> str:
    """``value`` with outer spaces trimmed (runs of spaces in a name made one), or a
    refusal that says what is wrong and how to put it right."""
    text = value or ""
    bad = _bad_character(text, kind.multiline)
    if bad is not None:
        code = f"U+{ord(bad):04X}"
        raise _refuse(kind, field,
                      f"含有不可见的控制字符或文字方向符（{code}），常见于从网页或聊天软件复制的文字。"
                      "请删除后手动输入。",
                      f"holds an invisible control or direction character ({code}), often "
                      "pasted from a web page or chat; delete it and type the text again.")
    # A name's stray spaces (a double space, a full-width space) are tidied, not refused.
    text = " ".join(text.split()) if kind is NAME else text.strip()
    visible = "".join(ch for ch in text if ch not in ZERO_WIDTH).strip()
    if text and not visible:
        raise _refuse(kind, field, "只有不可见字符，请输入实际内容。",
                      "holds only invisible characters; type the actual text.")
    if required and not text:
        raise _refuse(kind, field, "不能为空，请填写。", "must not be empty.")
    if len(text) > kind.limit:
        raise _refuse(kind, field, f"太长：最多 {kind.limit} 个字，现为 {len(text)} 个。请缩短。",
                      f"is too long: at most {kind.limit} characters, now {len(text)}. "
                      "Shorten it.")
    return text


_ASCII_WHOLE = re.compile(r"[0-9]+")


def ascii_digits(value: object) -> str | None:
    """``value`` as text with full-width digits (and the full-width point) made ASCII, or
    ``None`` when it holds a digit of any other script."""
    text = str(value).strip().translate(_FULL_WIDTH_DIGITS).replace("．", ".")
    if any(ch.isdigit() and not ("0" <= ch <= "9") for ch in text):
        return None
    return text


def whole_number(value: object) -> int:
    """A non-negative whole number typed in ASCII or full-width digits; ``ValueError``
    for anything else (other scripts' digits, signs, spaces inside, ``1_000``)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    text = ascii_digits(value)
    if text is None or not _ASCII_WHOLE.fullmatch(text):
        raise ValueError(f"not a whole number in ASCII or full-width digits: {value!r}")
    return int(text)
