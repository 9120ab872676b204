"""Display names of the domain's codes (categories, units, purposes, tags …).

The services keep Chinese names next to each code; the English ones come from the
translation file. The strings below are listed with ``QT_TRANSLATE_NOOP`` so that
lupdate extracts them; they must match the services' Chinese names.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services import catalogue, checkins, tags
from app.views.common import i18n

CONTEXT = "Labels"

_EXTRACTED = (
    QT_TRANSLATE_NOOP("Labels", "社会公德"), QT_TRANSLATE_NOOP("Labels", "家庭美德"),
    QT_TRANSLATE_NOOP("Labels", "职业道德"), QT_TRANSLATE_NOOP("Labels", "个人品德"),
    QT_TRANSLATE_NOOP("Labels", "小时"), QT_TRANSLATE_NOOP("Labels", "次"),
    QT_TRANSLATE_NOOP("Labels", "项"), QT_TRANSLATE_NOOP("Labels", "天"),
    QT_TRANSLATE_NOOP("Labels", "月"), QT_TRANSLATE_NOOP("Labels", "年"),
    QT_TRANSLATE_NOOP("Labels", "人"),
    QT_TRANSLATE_NOOP("Labels", "登记积分"), QT_TRANSLATE_NOOP("Labels", "兑换积分"),
    QT_TRANSLATE_NOOP("Labels", "参加活动"), QT_TRANSLATE_NOOP("Labels", "志愿服务"),
    QT_TRANSLATE_NOOP("Labels", "咨询办事"),
)

SCOPES = {
    "any": QT_TRANSLATE_NOOP("Labels", "通用（本站及合作商户）"),
    "store": QT_TRANSLATE_NOOP("Labels", "仅限本站积分超市"),
    "merchant": QT_TRANSLATE_NOOP("Labels", "仅限指定商户"),
}
ID_TYPES = {
    "cn_id": QT_TRANSLATE_NOOP("Labels", "居民身份证"),
    "other": QT_TRANSLATE_NOOP("Labels", "其他证件"),
    "none": QT_TRANSLATE_NOOP("Labels", "无证件"),
}
ROLES = {
    "clerk": QT_TRANSLATE_NOOP("Labels", "经办人"),
    "admin": QT_TRANSLATE_NOOP("Labels", "管理员"),
}
GENDERS = {"M": QT_TRANSLATE_NOOP("Labels", "男"), "F": QT_TRANSLATE_NOOP("Labels", "女")}
STORE = QT_TRANSLATE_NOOP("Labels", "本站积分超市")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def category(code: str) -> str:
    return tr(catalogue.CATEGORIES.get(code, code))


def unit(code: str) -> str:
    return tr(catalogue.UNITS.get(code, code))


def period(code: str | None) -> str:
    return tr(catalogue.PERIODS.get(code or "", code or ""))


def purpose(code: str) -> str:
    return tr(checkins.PURPOSES.get(code, code))


def tag(code: str, known: dict[str, tags.TagView] | None = None) -> str:
    """A tag's name in the desk's language; the station keeps both names of its tags.
    ``known``: the list already read, when many tags are named at once."""
    found = (known if known is not None else tag_list()).get(code)
    if found is None:
        return code
    return found.name_en if i18n.language() == "en" and found.name_en else found.name


def tag_list(include_retired: bool = True) -> dict[str, tags.TagView]:
    """The station's tags by code, in the admin's order."""
    return {t.code: t for t in tags.list_tags(include_retired)}


def scope(code: str) -> str:
    return tr(SCOPES.get(code, code))


def id_type(code: str) -> str:
    return tr(ID_TYPES.get(code, code))


def role(code: str) -> str:
    return tr(ROLES.get(code, code))


def gender(code: str) -> str:
    return tr(GENDERS[code]) if code in GENDERS else ""


def store() -> str:
    return tr(STORE)


def join(items: list[str]) -> str:
    """A list as the interface language writes one: 党员、志愿者 / Party member, Volunteer."""
    return (", " if i18n.language() == "en" else "、").join(items)


def in_language(zh: str, en: str) -> str:
    """Of a name the services keep in both languages, the interface language's one
    (the Chinese where there is no English)."""
    return en if i18n.language() == "en" and en else zh


def deed_name(name_zh: str, name_en: str) -> str:
    """The catalogue keeps both names; show the one of the interface language."""
    return in_language(name_zh, name_en)
