"""The base of the tabs beside the list of activities, in a module of its own so that
``tabs`` can list the tab classes without an import ring (each tab imports this)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from app.views.common.widgets import Feedback
from app.views.shell.duty import Desk


class VolunteeringTab(QWidget):
    """A tab: ``title`` is its source text, translated in the ``ActivitiesPage`` context;
    ``refresh`` reads again what it shows. It reports through the page's feedback line."""

    title: ClassVar[str]

    def __init__(self, desk: Desk, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.feedback = feedback

    def refresh(self) -> None:
        """Read what the tab shows again."""
