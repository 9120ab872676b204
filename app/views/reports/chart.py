"""A plain bar chart painted by hand: a few figures of this period (red) beside the
previous period (grey), each pair scaled to its own larger value so figures of very
different sizes (points beside activities) stay readable; the numbers are written on."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

NOW, BEFORE, TEXT = QColor("#B3261E"), QColor("#9E9E9E"), QColor("#333333")


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, float, float]] = []  # label, now, before
        self.legend = ("", "")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(520, 190)

    def show_bars(self, bars: list[tuple[str, float, float]], legend: tuple[str, str]) -> None:
        self.bars, self.legend = bars, legend
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if not self.bars:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = p.fontMetrics()
        line = metrics.height()
        top, bottom = line * 2 + 4, self.height() - line - 6
        slot = self.width() / len(self.bars)
        bar = min(28.0, slot / 3)
        for (colour, text), x in zip(((NOW, self.legend[0]), (BEFORE, self.legend[1])), (8, 90),
                                     strict=True):
            p.fillRect(QRectF(x, 4, 12, 12), colour)
            p.setPen(TEXT)
            p.drawText(QRectF(x + 16, 0, 70, line + 4), Qt.AlignmentFlag.AlignVCenter, text)
        for i, (label, now, before) in enumerate(self.bars):
            scale = max(now, before, 1)
            left = i * slot + slot / 2 - bar
            for j, (value, colour) in enumerate(((now, NOW), (before, BEFORE))):
                height = (bottom - top) * max(value, 0) / scale
                rect = QRectF(left + j * bar, bottom - height, bar - 2, height)
                p.fillRect(rect, colour)
                p.setPen(TEXT)
                p.drawText(QRectF(rect.left() - 10, rect.top() - line, bar + 18, line),
                           Qt.AlignmentFlag.AlignCenter, f"{value:g}")
            p.drawText(QRectF(i * slot, bottom + 2, slot, line + 4),
                       Qt.AlignmentFlag.AlignCenter, label)
        p.end()
