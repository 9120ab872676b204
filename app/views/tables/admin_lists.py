"""Table models of the admin pages and the redemption list (whole lists: they are short)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex
from PySide6.QtGui import QColor

from app.services.auth import ClerkRow
from app.services.catalogue import DeedTypeInfo
from app.services.redemption import RedeemResult, Verdict
from app.views.common import i18n, labels
from app.views.tables.rows import BAD, GOOD, RowsModel

WARN = QColor("#9a5b00")



class CatalogueModel(RowsModel):
    """The catalogue by name; the code, which the command line takes, comes last and in
    each name's tooltip."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "名称"), QT_TRANSLATE_NOOP("Columns", "类别"),
               QT_TRANSLATE_NOOP("Columns", "分值"), QT_TRANSLATE_NOOP("Columns", "上限"),
               QT_TRANSLATE_NOOP("Columns", "需审核"), QT_TRANSLATE_NOOP("Columns", "状态"),
               QT_TRANSLATE_NOOP("Columns", "代码"))
    NUMERIC = frozenset({2})
    STRETCH = frozenset({0})
    CODE = 6

    def cell(self, t: DeedTypeInfo, column: int) -> str:
        cap = ""
        if t.cap_quantity is not None:
            cap = QCoreApplication.translate("Columns", "每{period} {cap} {unit}").format(
                period=labels.period(t.cap_period), cap=t.cap_quantity, unit=labels.unit(t.unit))
        values = (labels.deed_name(t.name_zh, t.name_en), labels.category(t.category),
                  QCoreApplication.translate("Columns", "{points} 分/{unit}").format(
                      points=t.points, unit=labels.unit(t.unit)),
                  cap, QCoreApplication.translate("Columns", "是") if t.needs_review else "",
                  QCoreApplication.translate("Columns", "使用中") if t.active
                  else QCoreApplication.translate("Columns", "已停用"), t.code)
        return values[column]

    def tooltip(self, t: DeedTypeInfo, column: int) -> str | None:
        if column != 0:
            return None
        return QCoreApplication.translate("Columns", "代码：{code}").format(code=t.code)

    def colour(self, t: DeedTypeInfo, column: int) -> QColor | None:
        if not t.active or column == self.CODE:
            return QColor("#888888")
        return BAD if column == 2 and t.points < 0 else None


class ClerksModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "用户名"), QT_TRANSLATE_NOOP("Columns", "姓名"),
               QT_TRANSLATE_NOOP("Columns", "角色"), QT_TRANSLATE_NOOP("Columns", "状态"))
    STRETCH = frozenset({1})

    def cell(self, c: ClerkRow, column: int) -> str:
        if not c.active:
            state = QCoreApplication.translate("Columns", "已停用")
        elif c.locked:
            state = QCoreApplication.translate("Columns", "已锁定")
        else:
            state = QCoreApplication.translate("Columns", "正常")
        return (c.username, c.display_name, labels.role(c.role), state)[column]

    def colour(self, c: ClerkRow, column: int) -> QColor | None:
        return BAD if column == 3 and (not c.active or c.locked) else None


@dataclass
class ScannedVoucher:
    """One scanned voucher on the redemption list and what became of it."""

    token: str
    request_id: str
    verdict: Verdict
    result: RedeemResult | None = None
    error: str = ""

    @property
    def redeemable(self) -> bool:
        return self.verdict.ok and self.result is None and not self.error

    def status(self) -> str:
        if self.result is not None:
            return QCoreApplication.translate("Columns", "已核销（{at}，{where}）").format(
                at=self.result.at,
                where=labels.in_language(self.result.where, self.result.where_en))
        if self.error:
            return self.error
        if self.verdict.ok:
            return QCoreApplication.translate("Columns", "真券，可核销")
        if i18n.language() == "en":  # the English verdicts are sentence fragments
            text = self.verdict.message_en
            return text[:1].upper() + text[1:]
        return self.verdict.message_zh


class RedeemModel(RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "券号"), QT_TRANSLATE_NOOP("Columns", "持有人"),
               QT_TRANSLATE_NOOP("Columns", "面值"), QT_TRANSLATE_NOOP("Columns", "有效期至"),
               QT_TRANSLATE_NOOP("Columns", "核验结果"))
    NUMERIC = frozenset({2})
    STRETCH = frozenset({4})  # the verdict

    def cell(self, row: ScannedVoucher, column: int) -> str:
        v = row.verdict
        values = (v.serial or "—", v.holder, str(v.points) if v.points else "",
                  v.expiry_date, row.status())
        return values[column]

    def colour(self, row: ScannedVoucher, column: int) -> QColor | None:
        if column != 4:
            return None
        if row.result is not None or row.redeemable:
            return GOOD
        if row.verdict.reason in ("redeemed", "voided", "expired_resolved"):
            return WARN
        return BAD

    def append(self, row: ScannedVoucher) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first)
        self._rows.append(row)
        self.endInsertRows()

    def remove(self, number: int) -> None:
        if 0 <= number < len(self._rows):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            self.endRemoveRows()

    def changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))

    def find(self, token: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.token == token), -1)

    def total_redeemable(self) -> int:
        return sum(r.verdict.points for r in self._rows if r.redeemable)

    def total_redeemed(self) -> int:
        return sum(r.result.points for r in self._rows if r.result is not None)
