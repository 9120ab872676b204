"""Refusals of a roster import (居民名册导入): a file that cannot be read, or one with no
header row to go by. A single bad row is not an error: it is refused in the row report."""

from __future__ import annotations

from app.services.errors.base import DeskError


class RosterLocked(DeskError):
    code = "roster_locked"
    field = "file"
    zh = "无法打开“{file}”：文件正被 Excel 或 WPS 占用，或没有读取权限。请关闭该文件后再试。"
    en = "Cannot open “{file}”: it is open in Excel or WPS, or may not be read. Close it and retry."
    file: str


class RosterUnreadable(DeskError):
    code = "roster_unreadable"
    field = "file"
    zh = ("无法读取“{file}”：{reason}。请用 Excel 或 WPS 打开并另存为 .xlsx 后再导入"
          "（支持 .xlsx、.xls 和 .csv）。")
    en = ("Cannot read “{file}”: {reason_en}. Open it in Excel or WPS and save it as .xlsx "
          "(.xlsx, .xls and .csv are read).")
    file: str
    reason: str
    reason_en: str


class RosterNoHeader(DeskError):
    code = "roster_no_header"
    field = "file"
    zh = ("在“{file}”的前 {rows} 行中找不到表头（至少要有“姓名”一列）。"
          "请确认第一个工作表是居民名册，或在预览中指定各列。")
    en = ("No header row in the first {rows} rows of “{file}” (a name column at least). Check "
          "that the first sheet is the roster, or map the columns in the preview.")
    file: str
    rows: int


class RosterBadMapping(DeskError):
    code = "roster_bad_mapping"
    field = "column"
    zh = "列对应有误：{what}"
    en = "Column mapping: {what_en}"
    what: str
    what_en: str
