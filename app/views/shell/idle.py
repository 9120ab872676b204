"""Noticing that nobody is at the desk: no keyboard, mouse or touch input for a while
locks the window (a resident's data must not stay on an unattended screen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod}


class IdleWatcher(QObject):
    """Emits ``idle_timed_out`` after ``minutes`` without keyboard, mouse or touch input."""

    idle_timed_out = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """0 switches the automatic lock off."""
        self._timer.stop()
        self._timer.setInterval(max(minutes, 0) * 60_000)
        if minutes > 0:
            self._timer.start()

    def set_interval_ms(self, msecs: int) -> None:
        self._timer.setInterval(msecs)
        self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        if self._timer.interval() > 0:
            self._timer.start()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False

    def _on_timer_timeout(self) -> None:
        self.idle_timed_out.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
