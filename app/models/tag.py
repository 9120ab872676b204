"""The station's list of resident tags (标签), which an admin edits."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from app.models.base import BaseModel

# The groups stations work with; the codes of the first six are what residents were
# tagged with before the list became the station's own.
SEED = (("elderly_alone", "独居老人", "Living alone (elderly)"),
        ("empty_nest", "空巢老人", "Empty-nest elderly"),
        ("disabled", "残疾人", "Disabled"),
        ("low_income", "低保户", "Minimum-income household"),
        ("left_behind_child", "留守儿童", "Left-behind child"),
        ("child_in_need", "困境儿童", "Child in difficulty"),
        ("woman_in_need", "困境妇女", "Woman in difficulty"),
        ("entitled_group", "优抚对象", "Entitled group (优抚)"),
        ("migrant", "流动人口", "Migrant resident"),
        ("five_elders", "五老人员", "Five elders (五老)"),
        ("party_member", "党员", "Party member"),
        ("volunteer", "志愿者", "Volunteer"),
        ("veteran", "退役军人", "Veteran"))


class Tag(BaseModel):
    """A tag residents may carry (stored on the resident by ``code``). Retired tags stay
    on the residents that have them and are offered no more."""

    code = pw.CharField(unique=True)
    name = pw.CharField(unique=True)
    name_en = pw.CharField(default="")
    retired = pw.BooleanField(default=False)
    sort_order = pw.IntegerField(default=0)
    created_at = pw.DateTimeField()


def seed(now: dt.datetime) -> None:
    """The seed tags a station does not have yet (by code)."""
    have = {code for (code,) in Tag.select(Tag.code).tuples()}
    rows = [{"code": code, "name": zh, "name_en": en, "sort_order": n, "created_at": now}
            for n, (code, zh, en) in enumerate(SEED) if code not in have]
    if rows:
        Tag.insert_many(rows).execute()
