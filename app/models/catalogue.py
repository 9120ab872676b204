"""The deed catalogue: what earns or costs points, and its caps."""

from __future__ import annotations

import peewee as pw

from app.models.base import BaseModel


class DeedType(BaseModel):
    code = pw.CharField(unique=True)
    name_zh = pw.CharField()
    name_en = pw.CharField()
    category = pw.CharField()  # social | family | professional | personal
    tag = pw.CharField(default="")
    points = pw.IntegerField()  # per unit; negative for a deduction
    unit = pw.CharField()  # per_hour | per_time | per_award | once
    cap_quantity = pw.IntegerField(null=True)
    cap_period = pw.CharField(null=True)  # day | month | year | lifetime
    needs_review = pw.BooleanField(default=False)
    note = pw.TextField(default="")
    active = pw.BooleanField(default=True)
    pinyin_initials = pw.CharField(default="")
    sort_order = pw.IntegerField(default=0)
