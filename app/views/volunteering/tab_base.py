"""The base of a tab of the 志愿活动 page. It lives apart from the list of tabs
(``tabs``) so that a tab's module can subclass it while ``tabs`` imports that module."""

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
