"""List items with a short trailing text that never wraps: a deed type's name may run
onto a second line, its points ("+2 分/小时") stay whole at the right of the first.

The model gives the name as its display text and the trailing text under
``TRAILING_ROLE``; the list re-lays its items when it is resized (``Adjust``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

TRAILING_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)


class TrailingTextDelegate(QStyledItemDelegate):
    """Draws the display text wrapped on the left and ``TRAILING_ROLE`` whole on the right."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        view.setItemDelegate(self)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setUniformItemSizes(False)

    def _margin(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.averageCharWidth()

    def layout(self, option: QStyleOptionViewItem, index: Index) -> tuple[QRect, QRect]:
        """Where the text and the trailing text go inside ``option.rect``."""
        metrics, margin = option.fontMetrics, self._margin(option)
        inner = option.rect.adjusted(margin // 2, 2, -margin // 2, -2)
        trailing = str(index.data(TRAILING_ROLE) or "")
        width = metrics.horizontalAdvance(trailing) + (margin if trailing else 0)
        text_rect = QRect(inner.left(), inner.top(), max(inner.width() - width, margin),
                          inner.height())
        trailing_rect = QRect(inner.right() - width + 1, inner.top(), width,
                              metrics.height())
        return text_rect, trailing_rect

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, self.view.viewport().width(), 0)
        text_rect, _ = self.layout(opt, index)
        bounds = opt.fontMetrics.boundingRect(QRect(0, 0, text_rect.width(), 10_000), _WRAP,
                                              opt.text)
        # No wider than the text needs: the list gives every item its full width anyway,
        # and a hint as wide as the viewport would outgrow it once a scroll bar shows.
        return QSize(min(bounds.width(), text_rect.width()),
                     max(bounds.height(), opt.fontMetrics.height()) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect, trailing_rect = self.layout(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = (opt.palette.color(QPalette.ColorRole.HighlightedText) if selected
                  else opt.palette.color(QPalette.ColorRole.Text))
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if brush is not None and not selected:
            colour = brush.color() if hasattr(brush, "color") else brush
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(colour)
        painter.drawText(text_rect, _WRAP, text)
        painter.drawText(trailing_rect, _RIGHT, str(index.data(TRAILING_ROLE) or ""))
        painter.restore()
