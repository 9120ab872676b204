"""Reading a resident roster as Excel or WPS save it: .xlsx, legacy .xls, and .csv in
UTF-8 (with or without a byte-order mark) or GBK/GB18030, as Chinese Excel writes it.

The format is told from the file's first bytes, not its name: a roster exported by a
government system as "名册.xls" is often an .xlsx (or the reverse). Cells keep their
type (a number stays a number): that is how an ID number Excel turned into a number is
recognised later. Only the first worksheet is read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.services.errors.roster import RosterLocked, RosterUnreadable

Cell = str | int | float | None
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound file (Excel 97-2003)


@dataclass(frozen=True)
class RawRow:
    number: int  # the row number the clerk sees in Excel (1-based), or the CSV line's
    cells: tuple[Cell, ...]


def read(path: str | Path) -> list[RawRow]:
    """Every row of the roster's first sheet, blank ones included (they are reported)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except (PermissionError, IsADirectoryError):
        raise RosterLocked(file=path.name) from None
    except OSError as exc:
        raise RosterUnreadable(file=path.name, reason="文件不存在或无法访问",
                               reason_en=f"no such file, or no access ({exc.strerror})") from None
    try:
        if head.startswith(b"PK"):
            rows = list(_xlsx(path))
        elif head == _XLS_MAGIC:
            rows = list(_xls(path))
        else:
            rows = list(_csv(path))
    except PermissionError:
        raise RosterLocked(file=path.name) from None
    except RosterUnreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser's failure means "damaged"
        raise RosterUnreadable(file=path.name, reason="文件已损坏或不是表格文件",
                               reason_en=f"damaged, or not a spreadsheet "
                                         f"({type(exc).__name__})") from None
    return [RawRow(n, tuple(cells)) for n, cells in rows]


def _trim(cells: list[Cell]) -> list[Cell]:
    while cells and cells[-1] in (None, ""):
        cells.pop()
    return cells


def _xlsx(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError) as exc:
        raise RosterUnreadable(file=path.name, reason="文件已损坏或不是 Excel 工作簿",
                               reason_en=f"damaged, or not an Excel workbook "
                                         f"({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        # A sheet saved by some tools claims a wrong size: read every row it really has.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, _trim([_plain(v) for v in values])
    finally:
        book.close()


def _plain(value: object) -> Cell:
    """A cell as text or a number: dates and times become their ISO text."""
    if value is None or isinstance(value, str | float) or type(value) is int:
        return value  # type: ignore[return-value]
    if isinstance(value, bool):
        return str(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value)


def _xls(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except xlrd.XLRDError as exc:
        raise RosterUnreadable(file=path.name, reason="文件已损坏或不是 Excel 97-2003 工作簿",
                               reason_en=f"damaged, or not an Excel 97-2003 workbook "
                                         f"({exc})") from None
    try:
        sheet = book.sheet_by_index(0)
        for r in range(sheet.nrows):
            cells: list[Cell] = []
            for cell in sheet.row(r):
                if cell.ctype == xlrd.XL_CELL_NUMBER:
                    value = cell.value
                    cells.append(int(value) if float(value).is_integer() else value)
                elif cell.ctype == xlrd.XL_CELL_DATE:
                    moment = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                    cells.append(_plain(moment))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    cells.append(None)
                else:
                    cells.append(str(cell.value))
            yield r + 1, _trim(cells)
    finally:
        book.release_resources()


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (a BOM is dropped) or else GB18030, the superset of
    GBK that Chinese Windows writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return data.decode("gb18030")


def _csv(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    try:
        text = decode(path.read_bytes())
    except UnicodeDecodeError:
        raise RosterUnreadable(file=path.name, reason="文字编码无法识别",
                               reason_en="its text encoding is not UTF-8 or GBK") from None
    if "\x00" in text:
        raise RosterUnreadable(file=path.name, reason="不是表格文件",
                               reason_en="it is not a spreadsheet")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",\t;")
    except csv.Error:
        dialect = csv.excel
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        yield number, _trim(list(row))
