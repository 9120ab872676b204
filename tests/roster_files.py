"""Messy resident rosters as stations keep them, built for the import tests: a merged
title row, a totals row, blank rows, full-width digits, spaces inside numbers, ID numbers
Excel turned into numbers, duplicates, and every other thing the import must normalise
or refuse. Each ID number is made valid (or broken on purpose) by its own check digit."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from app.services.idnumber import check_character

HEADERS = ["序号", "姓名", "性别", "身份证号码", "联系电话", "家庭住址", "网格", "户主姓名",
           "与户主关系", "人员类别", "备注"]
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
REGISTERED_ID = "11010519491231002X"  # the ``resident`` fixture's number


def valid_id(area: str, born: dt.date, seq: int) -> str:
    body = f"{area}{born:%Y%m%d}{seq:03d}"
    return body + check_character(body)


def with_check_x() -> str:
    """A valid number whose check character is X (shown lower-case in the roster)."""
    for seq in range(1000):
        number = valid_id("110105", dt.date(1952, 3, 8), seq)
        if number.endswith("X"):
            return number
    raise AssertionError("no X")


def legacy_15(born: dt.date, seq: int) -> str:
    return f"310104{born:%y%m%d}{seq:03d}"


def broken_check(number: str) -> str:
    return number[:17] + ("1" if number[17] != "1" else "2")


ZHANG = valid_id("110105", dt.date(1960, 5, 1), 11)
LI = with_check_x()
WANG = valid_id("440305", dt.date(1975, 9, 30), 33)
ZHAO_15 = legacy_15(dt.date(1948, 2, 14), 27)
EXCEL_ROUNDED = valid_id("650102", dt.date(1990, 1, 1), 105)[:15] + "000"
FUTURE = valid_id("110108", dt.date(2027, 1, 1), 41)

# (姓名, 性别, 身份证号码 cell, 联系电话 cell, 住址, 网格, 户主, 关系, 类别, 备注), expected status
MESSY = [
    (("张三", "男", ZHANG, "138 0013 8000", "幸福里3栋2单元501室", "第一网格", "张三", "户主",
      "党员、志愿者", "低保边缘户"), "imported"),
    (("李四", "女", LI.translate(FULL_WIDTH).replace("Ｘ", "ｘ"), "+86 139-0013-9000",
      "幸福里3栋2单元501室", "第一网格", "张三", "配偶", "独居老人", ""), "imported"),
    (("\u3000王五\u3000", "男", "4403 0519 7509 30" + WANG[14:], "0086 13700137000",
      "和平苑1栋1单元101室", "第二网格", "", "", "", ""), "imported"),
    (("赵六", "男", ZHAO_15, 13600136000, "和平苑2栋3单元302室", "第二网格", "", "", "", ""),
     "imported"),
    (("钱七", "女", float(valid_id("650102", dt.date(1990, 1, 1), 105)), "13500135001",
      "东风里5号", "第三网格", "", "", "", ""), "refused"),
    (("孙八", "男", "6.50102E+17", "13500135002", "东风里6号", "第三网格", "", "", "", ""),
     "refused"),
    (("周九", "男", EXCEL_ROUNDED, "13500135003", "东风里7号", "第三网格", "", "", "", ""),
     "refused"),
    (("吴十", "女", broken_check(WANG), "13500135004", "东风里8号", "第三网格", "", "", "", ""),
     "refused"),
    (("郑一", "男", ZHANG, "13500135005", "东风里9号", "第三网格", "", "", "", ""), "refused"),
    (("", "女", valid_id("110105", dt.date(1980, 1, 2), 52), "13500135006", "东风里10号",
      "第三网格", "", "", "", ""), "refused"),
    (("冯二", "男", FUTURE, "13500135007", "东风里11号", "第三网格", "", "", "", ""), "refused"),
    (("陈三", "男", valid_id("110105", dt.date(1981, 4, 5), 71), "12345", "东风里12号",
      "第三网格", "", "", "", ""), "refused"),
    (None, "skipped"),  # a blank row
    (("褚四", "女", REGISTERED_ID, "13500135008", "幸福里3栋2单元501室", "第一网格", "", "",
      "", ""), "existing"),
    (("卫五", "女", "", "135-0013-5000", "锦绣华庭8栋", "第四网格", "", "", "志愿者", ""),
     "imported"),
    (("蒋六", "男", valid_id("110105", dt.date(1970, 7, 7), 91), "13500135009", "翠竹小区1栋",
      "第四网格", "", "", "外星人,党员", ""), "imported"),
]
EXPECTED = {"imported": 6, "refused": 8, "skipped": 2, "existing": 1}  # 2 skipped: blank, 合计


def messy_xlsx(path: Path) -> Path:
    """The roster as an Excel workbook: a merged title, a date line, the header, the rows
    (numbers where Excel would hold numbers), and a totals row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["新华社区居民花名册（2026 年）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(["填报单位：新华社区居委会", None, None, None, None, "填报日期：2026-10-08"])
    sheet.append(HEADERS)
    for n, (cells, _status) in enumerate(MESSY, start=1):
        sheet.append([] if cells is None else [n, *cells])
    sheet.append(["合计", None, None, None, None, None, None, None, None, None, "共 15 人"])
    book.save(path)
    return path


def data_row(index: int) -> int:
    """The Excel row number of ``MESSY[index]`` in ``messy_xlsx`` (three rows above)."""
    return index + 4


def gbk_csv(path: Path, encoding: str = "gbk") -> Path:
    """A short roster as Chinese WPS saves CSV: GBK, full-width digits, a blank line."""
    rows = [["姓名", "身份证号", "手机号", "住址", "网格", "标签", "备注"],
            ["欧阳华", valid_id("510107", dt.date(1966, 6, 6), 61).translate(FULL_WIDTH),
             "１３９ ００１３ ９００１", "锦绣华庭2栋1单元201室", "第五网格", "残疾人", "轮椅出行"],
            [], ["买买提·艾力", valid_id("650102", dt.date(1985, 8, 8), 17), "13900139002",
                  "东风里3号", "第五网格", "", ""]]
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


HAN = valid_id("110105", dt.date(1988, 8, 18), 22)


def odd_header_xlsx(path: Path) -> Path:
    """A roster whose ID column has a header no station uses (公民证件), so the clerk
    must map it by hand."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "公民证件", "电话"])
    sheet.append(["韩梅梅", HAN, "13800138111"])
    sheet.append(["李雷", valid_id("110105", dt.date(1987, 7, 17), 13), "13800138222"])
    book.save(path)
    return path


# ``messy_xlsx`` saved once as Excel 97-2003 by LibreOffice Calc (no maintained Python
# library writes .xls): see tests/fixtures/make_roster_xls.sh.
XLS_FIXTURE = Path(__file__).parent / "fixtures" / "roster_messy.xls"
