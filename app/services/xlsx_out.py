"""Writing one table to an xlsx file as a stream, in bounded memory, for exports.

Rows go through openpyxl's write-only mode, so 100,000 residents never sit in memory at
once. The sheet opens with its Chinese header row frozen, columns sized for what they
hold, and dates stored as dates (Excel and WPS sort and filter them as such).

The file is written beside the target under a temporary name and moved into place only
when complete: a full disk, a cancel or a crash never leaves half a spreadsheet where
the clerk expects the whole one, and a target that Excel holds open is refused with a
message saying so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.services.errors.exports import ExportDiskFull, ExportFileBusy, ExportFolderMissing

Progress = Callable[[int, int], None]  # rows written, rows in all
_REPORT_EVERY = 500


@dataclass(frozen=True)
class Column:
    title: str  # the header, in Chinese: what a station's own sheets call it
    width: float  # in Excel's character units
    kind: str = "text"  # text | date | datetime | number


def check_target(path: Path) -> Path:
    """The target file, refused before any work when it cannot be written."""
    target = Path(path)
    if target.is_dir() or not target.resolve().parent.is_dir():
        raise ExportFolderMissing(path=str(path))
    return target


def write_table(path: Path, sheet_title: str, columns: Sequence[Column],
                rows: Iterable[Sequence[object]], total: int,
                progress: Progress | None = None) -> int:
    """Write ``rows`` under ``columns`` to ``path``; returns how many rows were written.
    ``progress(done, total)`` is called every few hundred rows and may raise to stop."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = check_target(path)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    for n, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = column.width
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    formats = [_FORMATS.get(c.kind) for c in columns]
    written = 0
    try:
        if progress:
            progress(0, total)
        for row in rows:
            sheet.append([_cell(sheet, value, fmt) if fmt else value
                          for value, fmt in zip(row, formats, strict=True)])
            written += 1
            if progress and written % _REPORT_EVERY == 0:
                progress(written, max(total, written))
    except BaseException:
        _abandon(sheet)
        raise
    _save(book, target)
    if progress:
        progress(written, max(total, written))
    return written


_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm"}


def _cell(sheet: object, value: object, fmt: str) -> object:
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, dt.date):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = fmt
    return cell


def _abandon(sheet: object) -> None:
    """Close a sheet given up half-way (cancelled, or a read failed) and remove the rows
    openpyxl had spooled to a temporary file."""
    with contextlib.suppress(Exception):
        sheet.close()  # type: ignore[attr-defined]
        sheet._writer.cleanup()  # type: ignore[attr-defined]


def _save(book: object, target: Path) -> None:
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=target.resolve().parent)
        os.close(handle)
        book.save(temporary)  # type: ignore[attr-defined]
        os.replace(temporary, target)
    except PermissionError as exc:
        raise ExportFileBusy(path=str(target)) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ExportDiskFull(path=str(target)) from exc
        raise
    finally:
        if temporary:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
