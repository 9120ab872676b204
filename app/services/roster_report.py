"""The row report of a roster import as an xlsx the clerk can sort and filter: every row
of the file with its number, name, masked ID number, what became of it and why."""

from __future__ import annotations

from pathlib import Path

from app.services.roster_import import STATUS_NAMES, ImportResult

HEADERS = ("行号", "姓名", "身份证号（隐去中间）", "结果", "原因", "Status", "Reason")
WIDTHS = (8, 14, 22, 10, 60, 14, 60)


def write(result: ImportResult, path: str | Path) -> Path:
    """Write the report of ``result`` to ``path``; ID numbers only ever masked."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "试导入报告" if result.dry_run else "导入报告"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in result.rows:
        zh, en = STATUS_NAMES[r.status]
        sheet.append([r.row, r.name, r.id_masked, zh, r.reason, en, r.reason_en])
    for n, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    summary = book.create_sheet("汇总 Summary")
    summary.append(["文件 File", result.file])
    summary.append(["试导入 Dry run", "是 yes" if result.dry_run else "否 no"])
    for key, (zh, en) in STATUS_NAMES.items():
        summary.append([f"{zh} {en}", getattr(result, key)])
    summary.append(["新建户 Households made", result.households])
    summary.column_dimensions["A"].width = 26
    summary.column_dimensions["B"].width = 40
    path = Path(path)
    book.save(path)
    return path
