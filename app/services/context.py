"""Who is acting, and what time it is: handed to every service call that writes.

The clock is injected so tests (and a desk whose PC clock jumps) get predictable
times; ordering never depends on it (the ledger is ordered by sequence).
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

JUMP_SECONDS = 120


class Clock:
    """The desk's wall clock (local time, no time zone: the desk is in one place).

    It also notices when the PC's clock is set forward or back while the program runs,
    by comparing the wall clock with the monotonic one (which nobody can set).
    """

    def __init__(self) -> None:
        self._wall = time.time()
        self._mono = time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def today(self) -> dt.date:
        return self.now().date()

    def take_jump(self) -> float:
        """Seconds the wall clock moved apart from real elapsed time since the last call
        (0 if under two minutes); the next call measures from now."""
        wall, mono = time.time(), time.monotonic()
        drift = (wall - self._wall) - (mono - self._mono)
        if abs(drift) < JUMP_SECONDS:
            return 0.0
        self._wall, self._mono = wall, mono
        return drift


class FixedClock(Clock):
    """A clock that shows a set time until it is moved: for tests and demo data."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def take_jump(self) -> float:
        return 0.0

    def advance(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


@dataclass(frozen=True)
class Actor:
    clerk_id: int
    username: str
    display_name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Context:
    """What a service needs besides its arguments."""

    data_dir: Path
    clock: Clock = field(default_factory=Clock)
    actor: Actor | None = None

    def as_actor(self, actor: Actor | None) -> Context:
        return replace(self, actor=actor)

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"


def new_request_id() -> str:
    return uuid.uuid4().hex
