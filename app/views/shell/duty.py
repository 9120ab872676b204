"""What every page of the window shares: the station's context, the clerk on duty,
the background runner, and the one signal that says what changed.

Pages never call each other. Every write from the window goes through
``Desk.perform``: the service's result says what it changed (``result.changes``), and
the desk announces that once as ``changed(changes, initiator)``; each page decides from
it whether what it shows is stale (see ``app.views.common.page``).

Background work goes through ``app.views.common.background.Runner``: one for the
clerk's work, and one for backups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.runtime.config import Config
from app.services.changes import Changes
from app.services.context import Actor, Context
from app.views.common.background import Done, Failed, Progress, Runner


class Desk(QObject):
    clerk_changed = Signal(object)  # Actor, or None when the desk is locked
    changed = Signal(object, object)  # Changes, and the widget whose write made them
    feedback_posted = Signal(str, bool)  # message, success: mirrored in the status bar
    _announced = Signal(object, object)  # from the worker: changes, initiator

    def __init__(self, base: Context, runner: Runner | None = None,
                 parent: QObject | None = None, config: Config | None = None) -> None:
        super().__init__(parent)
        self.base = base.as_actor(None)
        self.actor: Actor | None = None
        self.runner = runner or Runner(parent=self)
        # Backups get a worker of their own: copying a large station takes minutes, and
        # the clerk's next deed must not queue behind it (a backup only reads).
        self.backup_runner = Runner(runner.synchronous if runner else False, self)
        self.config = config  # None: no station files here (backups unavailable)
        # Delivered on the GUI thread, before the write's own ``done`` callback.
        self._announced.connect(self._on_self_announced)

    @property
    def ctx(self) -> Context:
        """The context of the clerk on duty (services refuse when nobody is)."""
        return self.base.as_actor(self.actor)

    @property
    def is_admin(self) -> bool:
        return bool(self.actor and self.actor.is_admin)

    def today(self) -> dt.date:
        return self.base.clock.today()

    def set_actor(self, actor: Actor | None) -> None:
        self.actor = actor
        self.clerk_changed.emit(actor)

    def run(self, owner: QObject | None, work: Callable[..., Any], done: Done, failed: Failed,
            progress: str | None = None, *, cancellable: bool = False,
            handle: Progress | None = None) -> Progress | None:
        """The clerk's work in the background (see ``Runner.run``)."""
        return self.runner.run(owner, work, done, failed, progress, cancellable, handle)

    def perform(self, owner: QObject, work: Callable[[], Any], done: Done, failed: Failed,
                progress: str | None = None) -> None:
        """Run a write: ``work`` returns a service result carrying ``changes``, which the
        desk announces as ``changed(changes, owner)`` before ``done`` sees the result.

        The changes are announced from the worker as soon as the write commits, so they
        reach every page even when ``owner`` was closed meanwhile (its ``done`` is then
        dropped, as with ``run``)."""
        def write() -> Any:
            result = work()
            changes: Changes = result.changes
            if changes:
                self._announced.emit(changes, owner)
            return result

        self.run(owner, write, done, failed, progress)

    def _on_self_announced(self, changes: Changes, initiator: object) -> None:
        self.changed.emit(changes, initiator)

    def post(self, message: str, ok: bool = True) -> None:
        self.feedback_posted.emit(message, ok)

    def finish(self, msecs: int = 120_000) -> None:
        """Wait for background work (printing included), then close each worker's own
        database connection: the station is about to close (or be replaced by a
        restore), and no connection may outlive the file it was opened on."""
        for runner in (self.runner, self.backup_runner):
            runner.finish(msecs)
