"""Refusals of the honour roll (光荣榜): commendations, nominations and the roll's period."""

from __future__ import annotations

from app.services.errors.base import DeskError


class UnknownLevel(DeskError):
    code = "honour_unknown_level"
    field = "level"
    zh = "表彰级别“{level}”无效：请选社区、街道、区、市、省或国家级。"
    en = ("“{level}” is not a level: community, street, district, city, province or "
          "national.")
    level: str


class UnknownTitle(DeskError):
    code = "honour_unknown_title"
    field = "title"
    zh = "“{title}”不在荣誉称号列表中（{titles}）：其他称号请管理员登记表彰时填写。"
    en = ("“{title}” is not on the list of titles ({titles}); an administrator may record "
          "another title with a commendation.")
    title: str
    titles: str


class PairNeedsPartner(DeskError):
    code = "honour_partner_invalid"
    field = "partner"
    zh = "结对表彰的另一方须是另一位居民，不能是{name}本人。"
    en = "The partner of a pair must be another resident, not {name} again."
    name: str


class NoHousehold(DeskError):
    code = "honour_no_household"
    field = "resident"
    zh = "{name} 尚未登记所属的户，不能以家庭名义表彰：请先在居民信息中登记户。"
    en = "{name} belongs to no household yet: register the household first."
    name: str


class PairOrHousehold(DeskError):
    code = "honour_pair_or_household"
    field = "partner"
    zh = "一项表彰只能给个人、一对居民或一户家庭：结对与家庭不能同时选择。"
    en = "A commendation goes to a person, a pair or a household: not a pair and a household."


class DuplicateCommendation(DeskError):
    code = "honour_duplicate"
    field = "title"
    zh = "{who} 在 {year} 年已获{level}“{title}”表彰（编号 {number}），同一称号每年只记一次。"
    en = ("{who} already holds “{title}” at {level_en} level for {year} (no. {number}); a "
          "title is recorded once a year.")
    who: str
    year: int
    level: str
    level_en: str
    title: str
    number: int


class CommendationNotFound(DeskError):
    code = "honour_not_found"
    field = "commendation"
    zh = "没有编号为“{query}”的表彰，可用 honour list 查看。"
    en = "No commendation “{query}” (see honour list)."
    query: str


class CommendationWithdrawn(DeskError):
    code = "honour_withdrawn"
    field = "commendation"
    zh = "表彰 {number}（{title}）已于 {at} 撤销，不能再次撤销。"
    en = "Commendation {number} ({title}) was withdrawn on {at} already."
    number: int
    title: str
    at: str


class NominationNotFound(DeskError):
    code = "nomination_not_found"
    field = "nomination"
    zh = "没有编号为“{query}”的推荐，可用 honour list 查看。"
    en = "No nomination “{query}” (see honour list)."
    query: str


class NominationDecided(DeskError):
    code = "nomination_decided"
    field = "nomination"
    zh = "推荐 {number}（{name}，{title}）已由{clerk}于 {at} 评议为“{state}”，不能再次评议。"
    en = "Nomination {number} ({name}, {title}) was decided ({state_en}) by {clerk} on {at}."
    number: int
    name: str
    title: str
    clerk: str
    at: str
    state: str
    state_en: str


class NominationPending(DeskError):
    code = "nomination_pending"
    field = "nominee"
    zh = "{name} 已有一条待评议的“{title}”推荐（编号 {number}），请等待管理员评议。"
    en = "{name} already has a pending nomination for “{title}” (no. {number})."
    name: str
    title: str
    number: int


class NominatorNeeded(DeskError):
    code = "nominator_needed"
    field = "nominator"
    zh = "请填写推荐人：一位居民，或推荐单位/推荐人姓名。"
    en = "Name who nominates: a resident, or a unit's or person's name."


class BadPeriod(DeskError):
    code = "honour_bad_period"
    field = "period"
    zh = "期间“{period}”应写成 2026-11（月）、2026Q4（季度）或 2026（年）。"
    en = "Write the period “{period}” as 2026-11 (month), 2026Q4 (quarter) or 2026 (year)."
    period: str
