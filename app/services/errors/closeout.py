"""Refusals about the daily close-out (日结)."""

from __future__ import annotations

from app.services.errors.base import DeskError


class CloseoutExists(DeskError):
    code = "closeout_exists"
    field = "date"
    zh = ("{date} 已由 {clerk} 在 {desk} 号前台日结（截至 {to_at}）。一天只日结一次："
          "之后的业务记入下一次日结；要再打印这张日结单，请用补打。")
    en = ("{clerk} closed {date} at desk {desk} already (up to {to_at}). A day is closed once: "
          "what came after goes into the next close-out; reprint the saved one instead.")
    date: str
    clerk: str
    desk: int
    to_at: str


class CloseoutOutOfOrder(DeskError):
    code = "closeout_out_of_order"
    field = "date"
    zh = "{desk} 号前台 {clerk} 的日结已做到 {last}（截至 {to_at}），不能再日结更早的 {date}。"
    en = ("{clerk} at desk {desk} has closed up to {last} (until {to_at}); {date}, an earlier "
          "day, cannot be closed now.")
    date: str
    clerk: str
    desk: int
    last: str
    to_at: str


class CloseoutNotFound(DeskError):
    code = "closeout_not_found"
    zh = "找不到编号为 {query} 的日结单。可用 closeout list 查看。"
    en = "No close-out numbered {query} (see closeout list)."
    query: str
