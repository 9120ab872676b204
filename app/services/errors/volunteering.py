"""Refusals about volunteer teams, activities, sign-ups and attendance."""

from __future__ import annotations

from app.services.errors.base import DeskError


class TeamNotFound(DeskError):
    code = "team_not_found"
    field = "team"
    zh = "找不到志愿服务队“{query}”。请用队名或队编号，可用 team list 查看。"
    en = "No volunteer team “{query}”. Give its name or number (see team list)."
    query: str


class TeamExists(DeskError):
    code = "team_exists"
    field = "name"
    zh = "已有名为“{name}”的志愿服务队，请换一个队名。"
    en = "A volunteer team named “{name}” already exists; choose another name."
    name: str


class ActivityNotFound(DeskError):
    code = "activity_not_found"
    field = "activity"
    zh = "找不到活动“{query}”。请用活动编号，可用 activity list 查看。"
    en = "No activity “{query}”. Give its number (see activity list)."
    query: str


class KindNotFound(DeskError):
    code = "activity_kind_not_found"
    field = "kind"
    zh = "没有活动类型“{query}”。可选：{choices}。"
    en = "No activity kind “{query}”. Choose one of: {choices}."
    query: str
    choices: str


class ActivityClosed(DeskError):
    code = "activity_closed"
    zh = "活动“{title}”已结束结算，不能再报名或签到。结算后的更正请用冲正。"
    en = "The activity “{title}” is closed; corrections go through reversals."
    title: str


class ScanOnAnotherDay(DeskError):
    code = "scan_on_another_day"
    field = "date"
    zh = ("活动“{title}”在 {date}，今天是 {today}：扫码签到只能在活动当天。"
          "补录请写明签到、签退时间（--in/--out）。")
    en = ("The activity “{title}” is on {date}, today is {today}: scanning works on the day; "
          "key in past attendance with its times (--in/--out).")
    title: str
    date: str
    today: str


class UnsuitableDeedType(DeskError):
    code = "unsuitable_deed_type"
    field = "deed_type"
    zh = "“{deed}”不能用于志愿活动：须为按小时或按次计的加分项目。"
    en = "“{deed}” cannot award an activity: choose an award counted per hour or per time."
    deed: str
