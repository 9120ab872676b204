"""What a check found: the problems, the facts it counted, and the checkpoint it may
advance to when it passes."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services import checkpoint


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    facts: dict[str, int] = field(default_factory=dict)
    # What the check saw when it began: the checkpoint it may advance to on success.
    verified: checkpoint.Checkpoint | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled
