"""Where this data directory runs, and what an admin decided when it turned up
somewhere else.

A SQLite data directory copied to another PC or folder would otherwise run as a
second, independent desk with the same history: both redeem the same vouchers and
number new ones alike. The first open records the machine and the database file's
place; an open anywhere else holds every write (``hold_writes``) until an admin says
the desk *moved* here (it carries on) or is a *second desk* (its own number and its
own block of voucher serials). PostgreSQL stations are shared by design: never held.
"""

from __future__ import annotations

import hashlib
import hmac
import socket
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.models import DeskPlacement, write_transaction
from app.models.db import bookkeeping, database, hold_writes, is_sqlite
from app.services import audit
from app.services.context import Clock, Context
from app.services.errors import DeskError
from app.services.permissions import require

MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))
# Keyed, as systemd asks of programs using the machine id: the stored value is useless
# for recognising the machine anywhere else.
_FINGERPRINT_KEY = b"StationDesk desk placement v1"
# Desk 1 keeps the whole six-digit range a single desk always had; desk N numbers
# from N000001, so a serial shows which desk issued it.
BLOCK = 1_000_000
MAX_DESK = 99
DECIDE = "station-desk --as ADMIN desk moved", "station-desk --as ADMIN desk second"


class DeskNotConfirmed(DeskError):
    code = "desk_not_confirmed"
    zh = ("本站数据原在 {was}（电脑 {was_machine}），现在在 {now}（电脑 {now_machine}），"
          "管理员确认前不能写入。搬到了这台电脑：" + DECIDE[0] + "；作为第二个前台："
          + DECIDE[1] + "（也可由管理员登录窗口后选择）。")
    en = ("This station's data was at {was} (machine {was_machine}) and is now at {now} "
          "(machine {now_machine}); nothing can be written until an admin decides. Moved "
          "to this PC: " + DECIDE[0] + "; a second desk: " + DECIDE[1] + ".")
    was: str
    was_machine: str
    now: str
    now_machine: str


class NothingToDecide(DeskError):
    code = "desk_in_place"
    zh = "本数据目录就在登记的位置（{location}），无需确认。"
    en = "This data directory is where it was recorded ({location}); nothing to decide."
    location: str


class DeskNumberRefused(DeskError):
    code = "desk_number_refused"
    field = "desk_no"
    zh = "前台编号须为 2–{maximum} 之间的整数，且不能是本站数据中已有的编号（{taken}）。"
    en = "A desk number is 2–{maximum} and not one this data already has ({taken})."
    maximum: int
    taken: str


class SerialBlockExhausted(DeskError):
    code = "serial_block_exhausted"
    zh = ("{desk} 号前台 {year} 年的兑换券编号（{lo}–{hi}）已用完，不能再发放。"
          "请联系管理员：多个前台请共用 PostgreSQL 数据库（见 README）。")
    en = ("Desk {desk} has used up its voucher serials for {year} ({lo}–{hi}). "
          "Several desks should share one PostgreSQL database (see README).")
    desk: int
    year: int
    lo: int
    hi: int


@dataclass(frozen=True)
class Place:
    machine: str  # machine_fingerprint()
    location: str  # the database file, resolved


@dataclass(frozen=True)
class Mismatch:
    """Where the newest placement says this data belongs, and where it is now."""

    desk_no: int
    was_location: str
    was_machine: str
    now_location: str
    now_machine: str

    def refusal(self) -> DeskNotConfirmed:
        return DeskNotConfirmed(was=self.was_location, was_machine=short(self.was_machine),
                                now=self.now_location, now_machine=short(self.now_machine))


def short(machine: str) -> str:
    """Enough of a fingerprint for people to tell two PCs apart."""
    return machine[:8]


def _machine_id() -> str:
    """This PC's identity: the OS's machine id, else host name and network card."""
    for path in MACHINE_ID_FILES:
        try:
            text = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if text:
            return text
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows desks
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography",
                                0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            pass
    node = uuid.getnode()
    # Without a network card getnode() invents a random number (multicast bit set),
    # which would make the PC a stranger at every start.
    return socket.gethostname() + ("" if node >> 40 & 1 else f"|{node:012x}")


def machine_fingerprint() -> str:
    return hmac.new(_FINGERPRINT_KEY, _machine_id().encode("utf-8"), hashlib.sha256).hexdigest()


def here() -> Place:
    return Place(machine_fingerprint(), str(Path(database.obj.database).resolve()))


def newest() -> DeskPlacement | None:
    return DeskPlacement.select().order_by(DeskPlacement.id.desc()).first()


def check() -> Mismatch | None:
    """None when the open database is where it was last settled (or is shared)."""
    if not is_sqlite():
        return None
    row = newest()
    if row is None:
        return None
    now = here()
    if (row.machine, row.location) == (now.machine, now.location):
        return None
    return Mismatch(row.desk_no, row.location, row.machine, now.location, now.machine)


def settle(clock: Clock, record: bool = True) -> Mismatch | None:
    """On opening a SQLite station: note the first place (with ``record``), or hold
    writes when it is somewhere else."""
    if newest() is None:
        if not record:
            return None
        with write_transaction():
            now = here()
            DeskPlacement.create(desk_no=1, machine=now.machine, location=now.location,
                                 reason="first", at=clock.now())
        return None
    found = check()
    hold_writes(found.refusal if found else None)
    return found


def confirm_moved(ctx: Context) -> int:
    """The admin says this data directory moved here: the same desk carries on."""
    return _decide(ctx, "moved", lambda found, taken: found.desk_no)


def become_second_desk(ctx: Context, desk_no: int | None = None) -> int:
    """The admin says this copy is another desk: its own number (the next free one
    unless given) and its own block of voucher serials."""

    def number(found: Mismatch, taken: set[int]) -> int:
        chosen = max(taken) + 1 if desk_no is None else desk_no
        if not 2 <= chosen <= MAX_DESK or chosen in taken:
            raise DeskNumberRefused(maximum=MAX_DESK, taken="、".join(map(str, sorted(taken))))
        return chosen

    return _decide(ctx, "second_desk", number)


def _decide(ctx: Context, reason: str, pick: Callable[[Mismatch, set[int]], int]) -> int:
    with bookkeeping():  # a clerk's attempt is audited even while writes are held
        actor = require(ctx, "desk.place")
        with write_transaction():
            found = check()
            if found is None:
                raise NothingToDecide(location=here().location)
            taken = {row.desk_no for row in DeskPlacement.select(DeskPlacement.desk_no)}
            desk_no = pick(found, taken)
            DeskPlacement.create(desk_no=desk_no, machine=found.now_machine,
                                 location=found.now_location, reason=reason,
                                 clerk=actor.username, at=ctx.clock.now())
            audit.record(ctx, "desk.moved" if reason == "moved" else "desk.second",
                         str(desk_no), {"was": found.was_location, "now": found.now_location,
                                        "was_machine": short(found.was_machine),
                                        "machine": short(found.now_machine),
                                        "was_desk": found.desk_no})
    hold_writes(None)
    return desk_no


def serial_block() -> tuple[int, int]:
    """The voucher sequence numbers this desk issues from, each year: (lo, hi)."""
    row = newest()
    desk_no = row.desk_no if row else 1
    if desk_no == 1:
        return 1, BLOCK - 1
    return desk_no * BLOCK + 1, desk_no * BLOCK + BLOCK - 1


def ensure_room(year: int, last: int, needed: int) -> None:
    """Refuse issuing ``needed`` serials after ``last`` when they would run past this
    desk's block (into another desk's numbers)."""
    lo, hi = serial_block()
    if last + needed > hi:
        row = newest()
        raise SerialBlockExhausted(desk=row.desk_no if row else 1, year=year, lo=lo, hi=hi)


@dataclass(frozen=True)
class DeskStatus:
    shared: bool  # PostgreSQL: several desks on one database, nothing to track
    confirmed: bool
    desk_no: int
    serial_block: tuple[int, int]
    recorded: dict | None  # the newest placement
    here: dict | None


def status() -> DeskStatus:
    if not is_sqlite():
        return DeskStatus(True, True, 1, serial_block(), None, None)
    row, now = newest(), here()
    recorded = None if row is None else {
        "desk_no": row.desk_no, "location": row.location, "machine": short(row.machine),
        "reason": row.reason, "clerk": row.clerk, "at": str(row.at)}
    return DeskStatus(False, check() is None, row.desk_no if row else 1, serial_block(),
                      recorded, {"location": now.location, "machine": short(now.machine)})
