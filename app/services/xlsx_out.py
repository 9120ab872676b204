"""Writing one table to an xlsx file as a stream, in bounded memory, for exports.

The sheet opens with its Chinese header row frozen, columns sized for what they hold,
and dates stored as dates (Excel and WPS sort and filter them as such). XlsxWriter's
constant-memory mode writes each row out as it comes, so 100,000 residents never sit in
memory at once (openpyxl's write-only mode streams too, but builds an element per cell
and was many times slower here; openpyxl reads every file back in the tests).

The file is written beside the target under a temporary name and moved into place only
when complete: a full disk, a cancel or a crash never leaves half a spreadsheet where the
clerk expects the whole one, and a target that Excel holds open is refused with a message
saying so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from app.services.errors.exports import ExportDiskFull, ExportFileBusy, ExportFolderMissing

Progress = Callable[[int, int], None]  # rows written, rows in all
_REPORT_EVERY = 500
# Characters XML 1.0 cannot hold at all: a pasted control character is dropped rather
# than kept as an escape the clerk would see in the cell.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMATS = {"header": {"bold": True}, "date": {"num_format": "yyyy-mm-dd"},
            "datetime": {"num_format": "yyyy-mm-dd hh:mm"}}
# Text is written as text: a number or a link look-alike in a name stays as typed.
_BOOK_OPTIONS = {"constant_memory": True, "strings_to_numbers": False,
                 "strings_to_formulas": False, "strings_to_urls": False}


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


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook of several (``write_sheets``)."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]


def write_table(path: Path, sheet_title: str, columns: Sequence[Column],
                rows: Iterable[Sequence[object]], total: int,
                progress: Progress | None = None) -> int:
    """Write ``rows`` under ``columns`` to ``path``; returns how many rows were written.
    ``progress(done, total)`` is called every few hundred rows and may raise to stop."""
    return write_sheets(path, [Sheet(sheet_title, columns, rows)], total, progress)


def write_sheets(path: Path, sheets: Sequence[Sheet], total: int = 0,
                 progress: Progress | None = None) -> int:
    """Write each sheet in turn to one workbook at ``path``, as ``write_table`` writes
    one; returns how many rows were written in all."""
    target = check_target(path)
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=target.resolve().parent)
        os.close(handle)
        book = xlsxwriter.Workbook(temporary, {**_BOOK_OPTIONS,
                                               "tmpdir": str(target.resolve().parent)})
        try:
            written = 0
            for sheet in sheets:
                written += _sheet(book, sheet.title, sheet.columns, sheet.rows, total,
                                  progress)
        finally:
            _close(book)
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
    if progress:
        progress(written, max(total, written))
    return written


def _close(book: xlsxwriter.Workbook) -> None:
    """Close the workbook, its own error unwrapped to the operating system's."""
    try:
        book.close()
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args else exc
        raise cause if isinstance(cause, OSError) else OSError(str(cause)) from exc


def _sheet(book: xlsxwriter.Workbook, sheet_title: str, columns: Sequence[Column],
           rows: Iterable[Sequence[object]], total: int, progress: Progress | None) -> int:
    # Excel refuses these in a sheet's name, and names longer than 31 characters.
    sheet = book.add_worksheet(re.sub(r"[\[\]:*?/\\]", "_", sheet_title)[:31])
    formats = {kind: book.add_format(spec) for kind, spec in _FORMATS.items()}
    sheet.freeze_panes(1, 0)
    for n, column in enumerate(columns):
        sheet.set_column(n, n, column.width)
        sheet.write_string(0, n, column.title, formats["header"])
    if progress:
        progress(0, total)
    written = 0
    for row in rows:
        written += 1
        for n, value in enumerate(row):
            _cell(sheet, written, n, value, formats)
        if written % _REPORT_EVERY == 0 and progress:
            progress(written, max(total, written))
    return written


def _cell(sheet: object, r: int, c: int, value: object, formats: dict) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(r, c, value)  # type: ignore[attr-defined]
    elif isinstance(value, int | float):
        sheet.write_number(r, c, value)  # type: ignore[attr-defined]
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(r, c, value.replace(tzinfo=None),  # type: ignore[attr-defined]
                             formats["datetime"])
    elif isinstance(value, dt.date):
        sheet.write_datetime(r, c, value, formats["date"])  # type: ignore[attr-defined]
    else:
        sheet.write_string(r, c, _NOT_XML.sub("", str(value)))  # type: ignore[attr-defined]
