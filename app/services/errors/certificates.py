"""Refusals about volunteer service certificates and the national export."""

from __future__ import annotations

from app.services.errors.base import DeskError


class NoServiceRecorded(DeskError):
    code = "no_service_recorded"
    field = "period"
    zh = ("{name} 在 {period} 没有已结算的志愿服务时长，不能出具志愿服务记录证明。"
          "活动结算后时长才记入记录。")
    en = ("{name} has no service hours from closed activities in {period}: there is "
          "nothing to certify. Hours are recorded when an activity is closed.")
    name: str
    period: str

