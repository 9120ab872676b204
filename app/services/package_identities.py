"""Whether the station's packages for the centre carry residents' names, ID numbers and
phones (off unless an admin turned it on; every change is audited)."""

from __future__ import annotations

from dataclasses import dataclass

from app.models import Station, write_transaction
from app.services import audit
from app.services.changes import Changes
from app.services.context import Context
from app.services.errors import NotInitialised
from app.services.permissions import require


@dataclass(frozen=True)
class Sharing:
    identities: bool
    before: bool

    @property
    def changes(self) -> Changes:
        return Changes(settings=True)


def sharing() -> bool:
    return bool(Station.select(Station.share_identities).scalar())


def set_sharing(ctx: Context, on: bool) -> Sharing:
    """Turn identity sharing on or off; returns the setting before and after."""
    require(ctx, "package.identities")
    with write_transaction():
        station = Station.select().first()
        if station is None:
            raise NotInitialised()
        before = bool(station.share_identities)
        if before != on:
            Station.update(share_identities=on).where(Station.id == station.id).execute()
        audit.record(ctx, "package.identities", station.code, {"before": before, "after": on})
    return Sharing(on, before)
