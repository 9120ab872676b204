"""Citizen ID numbers (公民身份号码, GB 11643-1999): validation, conversion, masking."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from app.services.errors import InvalidIdNumber

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# ASCII digits only: str.isdigit() also takes ², ١ and other scripts' digits.
_DIGITS17 = re.compile(r"[0-9]{17}")
_DIGITS15 = re.compile(r"[0-9]{15}")


@dataclass(frozen=True)
class IdNumber:
    number: str
    birth_date: dt.date
    gender: str  # "M" or "F"


def check_character(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def _refuse(zh: str, en: str) -> InvalidIdNumber:
    return InvalidIdNumber(reason=zh, reason_en=en)


def parse(text: str, today: dt.date | None = None) -> IdNumber:
    """Validate an ID number as typed: spaces stripped, full-width digits and a lower-case
    x accepted; a legacy 15-digit number is converted to 18 digits. Unknown address codes
    are accepted (abolished codes stay on valid cards)."""
    raw = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if len(raw) == 15 and _DIGITS15.fullmatch(raw):
        body = raw[:6] + "19" + raw[6:]
        raw = body + check_character(body)
    if len(raw) != 18:
        raise _refuse(f"应为 18 位（现为 {len(raw)} 位）", f"it has {len(raw)} characters, not 18")
    if not _DIGITS17.fullmatch(raw[:17]) or raw[17] not in "0123456789X":
        raise _refuse("前 17 位须为数字，最后一位为数字或 X",
                      "the first 17 must be digits, the last a digit or X")
    try:
        birth = dt.date(int(raw[6:10]), int(raw[10:12]), int(raw[12:14]))
    except ValueError:
        raise _refuse(f"出生日期 {raw[6:14]} 不存在", f"no such birth date {raw[6:14]}") from None
    if birth > (today or dt.date.today()):
        raise _refuse(f"出生日期 {birth.isoformat()} 在今天之后",
                      f"birth date {birth} is in the future")
    if birth < dt.date(1850, 1, 1):
        raise _refuse(f"出生日期 {birth.isoformat()} 不合理", f"implausible birth date {birth}")
    if check_character(raw[:17]) != raw[17]:
        raise _refuse("校验位不符（可能输错了一位）", "the check character does not match")
    return IdNumber(raw, birth, "M" if int(raw[16]) % 2 else "F")


def mask(number: str | None) -> str:
    """First 6 + ******** + last 4, as shown and printed everywhere but an admin's reveal."""
    if not number:
        return ""
    if len(number) <= 6:
        return "*" * (len(number) - 1) + number[-1:]
    if len(number) <= 10:
        return "*" * (len(number) - 2) + number[-2:]
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "****" + phone[-4:]
