"""Refusals of an export to a spreadsheet file: a file that cannot be written."""

from __future__ import annotations

from app.services.errors.base import DeskError


class ExportFileBusy(DeskError):
    code = "export_file_busy"
    field = "file"
    zh = ("无法写入 {path}：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。"
          "请关闭该文件或换一个位置后重试。")
    en = "Cannot write {path}: it may be open in Excel or WPS, or not writable. Close it or " \
         "choose another place, then try again."
    path: str


class ExportDiskFull(DeskError):
    code = "export_disk_full"
    field = "file"
    zh = "磁盘空间不足，{path} 未能写完（已删除未完成的文件）。请清理空间或换一个磁盘后重试。"
    en = "The disk is full: {path} was not finished (the partial file was removed). Free " \
         "some space or choose another disk."
    path: str


class ExportFolderMissing(DeskError):
    code = "export_folder_missing"
    field = "file"
    zh = "无法写入 {path}：文件夹不存在，或这是一个文件夹而不是文件名。"
    en = "Cannot write {path}: the folder does not exist, or it names a folder, not a file."
    path: str
