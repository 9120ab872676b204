"""Who is acting, and what time it is: handed to every service call that writes.

The clock is injected so tests (and a desk whose PC clock jumps) get predictable
times; ordering never depends on it (the ledger is ordered by sequence).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path


class Clock:
    """The desk's wall clock (local time, no time zone: the desk is in one place)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def today(self) -> dt.date:
        return self.now().date()


class FixedClock(Clock):
    """A clock that shows a set time until it is moved: for tests and demo data."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

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
