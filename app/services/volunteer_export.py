"""The export for the national volunteer information system (全国志愿服务信息系统): one
row per volunteer per activity of the period, with the identity the system files hours
under.

The file holds full ID numbers and phones by nature, so only an admin may make it, the
export is audited before the file is written (nothing leaves unrecorded), and it is
written only to the path the admin names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.models import Activity, Participant, Resident
from app.services import audit
from app.services.context import Context
from app.services.permissions import require
from app.services.volunteer_record import check_period, id_type_label, served

COLUMNS = ("姓名", "证件类型", "证件号码", "手机号码", "活动名称", "服务日期", "服务时长（小时）")
SHEET = "志愿服务记录"


@dataclass(frozen=True)
class Exported:
    path: str
    start: str | None
    end: str | None
    rows: int
    volunteers: int
    activities: int


def national_rows(start: dt.date | None, end: dt.date | None) -> list[tuple]:
    """The rows of the export, in ``COLUMNS`` order: by date, activity, resident."""
    query = (Participant.select(Resident.name, Resident.id_type, Resident.id_number,
                                Resident.phone, Activity.title, Activity.date,
                                Participant.hours_tenths, Resident.id, Activity.id)
             .join(Activity).switch(Participant).join(Resident)
             .where(served(start, end))
             .order_by(Activity.date, Activity.start, Activity.id, Resident.resident_no)
             .tuples())
    return [(name, id_type_label(id_type, id_number), id_number or "", phone or "", title,
             str(day), tenths / 10, rid, aid)
            for name, id_type, id_number, phone, title, day, tenths, rid, aid in query]


def export_national(ctx: Context, path: Path, start: dt.date | None = None,
                    end: dt.date | None = None) -> Exported:
    """Write the period's volunteer hours to ``path`` (xlsx) for the national system."""
    from openpyxl import Workbook

    require(ctx, "volunteer.export")
    check_period(start, end)
    rows = national_rows(start, end)
    result = Exported(str(path), str(start) if start else None, str(end) if end else None,
                      len(rows), len({r[7] for r in rows}), len({r[8] for r in rows}))
    audit.note_access(ctx, "volunteer.export", "", {
        "from": result.start, "to": result.end, "rows": result.rows,
        "file": str(Path(path).resolve())})
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(list(row[:7]))
    for letter, width in zip("ABCDEFG", (12, 12, 22, 14, 30, 12, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    book.save(path)
    return result
