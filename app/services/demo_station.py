"""What makes a station a demo station: the flag on its station row (with the audit
record that marked it), and the demo clerk its invented history is credited to.

The demo clerk (演示办事员) is an account nobody can sign in to: disabled, with a
password hash that no password matches, under a user name that no one can create (it
breaks the user-name rules), so the history belongs to no real person.
"""

from __future__ import annotations

from app.models import Clerk, LedgerEntry, Resident, Station, Voucher
from app.services import audit
from app.services.context import Context
from app.services.errors import DemoNeedsEmptyStation, InvalidInput

DEMO_MARK = "station.demo"
CLERK_USERNAME = "~demo"  # "~" is outside the user-name rules: no real account has it
CLERK_NAME = "演示办事员"
_NO_PASSWORD = "!"  # not an argon2 hash: sign-in refuses it like a wrong password


def mark_or_refuse(ctx: Context, station: Station) -> None:
    """Go on with a demo station or an empty one (marking it); refuse a live station.
    Call inside the write transaction that loads the demo data."""
    if station.demo:
        return
    people, entries = Resident.select().count(), LedgerEntry.select().count()
    if people or entries or Voucher.select().exists():
        raise DemoNeedsEmptyStation(residents=people, entries=entries)
    Station.update(demo=True).where(Station.id == station.id).execute()
    audit.record(ctx, DEMO_MARK, station.code)


def clerk(ctx: Context) -> Clerk:
    """The demo clerk, created on first use inside the caller's transaction."""
    found = Clerk.get_or_none(Clerk.username == CLERK_USERNAME)
    if found is not None:
        return found
    made = Clerk.create(username=CLERK_USERNAME, display_name=CLERK_NAME, role="clerk",
                        password_hash=_NO_PASSWORD, active=False, created_at=ctx.clock.now())
    audit.record(ctx, "clerk.create", CLERK_USERNAME, {"role": "clerk", "demo": True})
    return made


def refuse_demo_clerk(username: str) -> None:
    """An admin cannot give the demo clerk a password or enable it."""
    if username == CLERK_USERNAME:
        raise InvalidInput(what=f"{CLERK_NAME}只记录演示数据，不能启用或登录。",
                           what_en="The demo clerk only holds demo data; it cannot sign in.")
