"""Turning failures into words a clerk can act on.

``message_for`` is the one place a refusal becomes text: a ``DeskError`` speaks the
interface language; anything unexpected is logged with a reference number and shown
as a generic message, so no traceback ever reaches the screen.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.views.common import i18n, titles

log = logging.getLogger(__name__)



def log_unexpected(exc: BaseException) -> str:
    """Write the full traceback to the log; return the reference a clerk can quote."""
    from app.runtime import logs

    return logs.report_unexpected(exc)


def generic_message(reference: str) -> str:
    return QCoreApplication.translate(
        "Errors", "出现了意外错误，操作可能没有完成。请记下参考号 {ref} 并告诉管理员。").format(
        ref=reference)


def message_for(exc: BaseException) -> str:
    """What to tell the clerk about ``exc``, in the interface language."""
    from app.services.errors import DeskError  # loaded by the first refusal, not the start

    if isinstance(exc, DeskError):
        return exc.message(i18n.language())
    return generic_message(log_unexpected(exc))


def field_of(exc: BaseException) -> str | None:
    from app.services.errors import DeskError

    return exc.field if isinstance(exc, DeskError) else None


def _excepthook(kind: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    text = message_for(exc)
    if QApplication.instance() is not None and not _showing:
        _show_once(text)


_showing = False


def _show_once(text: str) -> None:
    # An error raised while the box is open must not stack another box on top of it.
    global _showing
    _showing = True
    try:
        QMessageBox.warning(QApplication.activeWindow(), titles.window_title(), text)
    finally:
        _showing = False


def install_excepthook() -> None:
    """Unexpected errors in slots are logged with a reference and shown politely."""
    sys.excepthook = _excepthook
