"""Clerks: accounts, argon2id passwords, and sign-in with a throttle that survives a
restart (the failure count lives in the database)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import peewee as pw

from app.models import AuditRecord, Clerk, write_transaction
from app.models.db import bookkeeping
from app.services import audit, demo_station, text
from app.services.changes import Changes
from app.services.context import Actor, Context
from app.services.errors import (
    AccountLocked,
    BadCredentials,
    ClerkNotFound,
    DuplicateUsername,
    InvalidInput,
    StationSecretMismatch,
    WeakPassword,
)
from app.services.permissions import require

if TYPE_CHECKING:
    from argon2 import PasswordHasher

# argon2id, t=3, m=64 MiB, p=4: above OWASP's minimum. Made at the first password, so
# the desk's sign-in window shows before argon2 is loaded.
_hasher: PasswordHasher | None = None

FREE_ATTEMPTS = 5  # failures before sign-ins slow down
HARD_LOCK_ATTEMPTS = 20  # failures before only an admin can unlock
MAX_DELAY = dt.timedelta(minutes=15)
_USERNAME = re.compile(r"[A-Za-z0-9_.-]{2,32}")
_COMMON = {"12345678", "123456789", "1234567890", "password", "password1", "qwertyui",
           "11111111", "88888888", "00000000", "abcd1234", "a1234567", "admin123", "admin1234"}


def check_password_strength(password: str, username: str = "") -> None:
    """Refuse a password a visitor could guess; the reason tells the clerk what to change."""
    if len(password) < 8:
        raise WeakPassword(reason_zh="至少需要 8 个字符", reason_en="use at least 8 characters")
    if password.lower() in _COMMON or (username and username.lower() in password.lower()):
        raise WeakPassword(reason_zh="太常见或包含用户名", reason_en="too common or contains the "
                           "user name")
    classes = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z\d]"))
    if classes < 2 or len(set(password)) < 4:
        raise WeakPassword(reason_zh="请混合使用字母和数字（或符号）",
                           reason_en="mix letters with digits or symbols")


def _passwords() -> PasswordHasher:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


def _actor(clerk: Clerk) -> Actor:
    return Actor(clerk.id, clerk.username, clerk.display_name, clerk.role)


def create_clerk_unchecked(ctx: Context, username: str, display_name: str, role: str,
                           password: str) -> Clerk:
    """Create an account inside the caller's transaction (first-run set-up uses this)."""
    if not _USERNAME.fullmatch(username or ""):
        raise InvalidInput(what="用户名须为 2–32 位字母、数字或 _ . -。",
                           what_en="A user name is 2–32 letters, digits or _ . -.")
    if role not in ("clerk", "admin"):
        raise InvalidInput(what="角色只能是 clerk 或 admin。", what_en="Role is clerk or admin.")
    check_password_strength(password, username)
    display_name = text.clean(display_name, text.CLERK_NAME, field="display_name")
    if Clerk.select().where(Clerk.username == username).exists():
        raise DuplicateUsername(username=username)
    clerk = Clerk.create(username=username, display_name=display_name or username,
                         role=role, password_hash=_passwords().hash(password),
                         created_at=ctx.clock.now())
    audit.record(ctx, "clerk.create", username, {"role": role})
    return clerk


@dataclass(frozen=True)
class ClerkSaved:
    """An account as an admin left it: added, its password reset, enabled or disabled."""

    username: str
    display_name: str
    role: str
    active: bool

    @property
    def changes(self) -> Changes:
        return Changes(clerks=True)


def _saved(clerk: Clerk) -> ClerkSaved:
    return ClerkSaved(clerk.username, clerk.display_name, clerk.role, clerk.active)


def add_clerk(ctx: Context, username: str, display_name: str, role: str,
              password: str) -> ClerkSaved:
    require(ctx, "clerk.manage")
    with write_transaction():
        return _saved(create_clerk_unchecked(ctx, username, display_name, role, password))


def _get(username: str) -> Clerk:
    demo_station.refuse_demo_clerk(username)
    clerk = Clerk.get_or_none(Clerk.username == username)
    if clerk is None:
        raise ClerkNotFound(username=username)
    return clerk


def reset_password(ctx: Context, username: str, new_password: str) -> ClerkSaved:
    require(ctx, "clerk.manage")
    check_password_strength(new_password, username)
    with write_transaction():
        clerk = _get(username)
        clerk.password_hash = _passwords().hash(new_password)
        clerk.failed_attempts = 0
        clerk.locked_until = None
        clerk.save()
        audit.record(ctx, "clerk.reset_password", username)
        return _saved(clerk)


def set_active(ctx: Context, username: str, active: bool) -> ClerkSaved:
    require(ctx, "clerk.manage")
    with write_transaction():
        clerk = _get(username)
        if not active and ctx.actor and clerk.id == ctx.actor.clerk_id:
            raise InvalidInput(what="不能停用自己的账号。", what_en="You cannot disable yourself.")
        clerk.active = active
        clerk.save()
        audit.record(ctx, "clerk.enable" if active else "clerk.disable", username)
        return _saved(clerk)


@dataclass(frozen=True)
class ClerkRow:
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool


def list_clerks(ctx: Context) -> list[ClerkRow]:
    now = ctx.clock.now()
    return [ClerkRow(c.username, c.display_name, c.role, c.active,
                     bool(c.locked_until and c.locked_until > now))
            for c in Clerk.select().order_by(Clerk.username)]


def _lock_delay(failures: int) -> dt.timedelta:
    if failures < FREE_ATTEMPTS:
        return dt.timedelta(0)
    return min(dt.timedelta(seconds=30 * 2 ** (failures - FREE_ATTEMPTS)), MAX_DELAY)


def _failures_of_unknown(typed: str) -> tuple[int, dt.datetime | None]:
    """How often a name that is not an account failed, and when it would be free again:
    the same throttle as a real account, so that a lock does not tell who exists."""
    count, last = (AuditRecord.select(pw.fn.COUNT(AuditRecord.seq), pw.fn.MAX(AuditRecord.at))
                   .where(AuditRecord.action == "signin.failed",
                          AuditRecord.target == f"unknown:{typed}").tuples().get())
    if not count:
        return 0, None
    at = last if isinstance(last, dt.datetime) else dt.datetime.fromisoformat(str(last))
    delay = _lock_delay(count)
    return count, (at + delay if delay else None)


def _lock_refusal(failures: int, locked_until: dt.datetime | None, now: dt.datetime
                  ) -> Exception | None:
    if failures >= HARD_LOCK_ATTEMPTS:
        return AccountLocked(until="管理员解锁")
    if locked_until and locked_until > now:
        return AccountLocked(until=locked_until.strftime("%H:%M:%S"))
    return None


def sign_in(ctx: Context, username: str, password: str) -> Actor:
    """Check a clerk's password; repeated failures slow down and then lock the account.

    An unknown (or disabled) name is throttled and locked exactly like an account, and
    every refusal costs one password hash, so neither the answer nor its timing tells
    whether a user name exists.
    """
    now = ctx.clock.now()
    refusal: Exception | None = None
    # Bookkeeping: a station whose writes are held still lets an admin sign in to decide.
    with bookkeeping(), write_transaction():
        clerk = Clerk.get_or_none(Clerk.username == username)
        known = clerk is not None and clerk.active
        # What was typed may be a password in the wrong box: keep only a fingerprint.
        typed = hashlib.sha256(username.encode("utf-8")).hexdigest()[:12]
        if known:
            refusal = _lock_refusal(clerk.failed_attempts, clerk.locked_until, now)
        else:
            refusal = _lock_refusal(*_failures_of_unknown(typed), now)
        if refusal is not None or not known:
            _passwords().hash(password)  # the cost of checking a password, as below
        if refusal is None and not known:
            audit.record(ctx, "signin.failed", f"unknown:{typed}",
                         {"reason": "unknown_or_disabled"})
            refusal = BadCredentials()
        elif refusal is None:
            from argon2.exceptions import InvalidHashError, VerificationError

            try:
                _passwords().verify(clerk.password_hash, password)
            except (VerificationError, InvalidHashError):
                clerk.failed_attempts += 1
                delay = _lock_delay(clerk.failed_attempts)
                clerk.locked_until = now + delay if delay else None
                clerk.save()
                audit.record(ctx, "signin.failed", username, {"attempts": clerk.failed_attempts})
                refusal = BadCredentials()
            else:
                if _passwords().check_needs_rehash(clerk.password_hash):
                    clerk.password_hash = _passwords().hash(password)
                clerk.failed_attempts = 0
                clerk.locked_until = None
                clerk.save()
                audit.record(ctx.as_actor(_actor(clerk)), "signin", username)
    # Raised after the commit, so the failure count and its audit record are kept.
    if refusal is not None:
        raise refusal
    assert clerk is not None
    return _actor(clerk)


def recover_with_secret(ctx: Context, username: str, secret: bytes, new_password: str,
                        source: str = "") -> Actor:
    """Unlock an account and give it a new password, for whoever holds the station secret
    (``keys/station.kek``): the way back when the only admin is locked for good.

    The secret counts only if it opens the station's current signing key, and only while
    no admin can sign in (every admin locked for good or disabled): otherwise an admin
    resets the password, and the secret file on the desk PC is no way around them. A
    refused attempt is audited like a granted one.
    """
    from app.services import keys

    check_password_strength(new_password, username)
    opens = keys.opens(keys.active_key().private_key_encrypted, secret.strip())
    with write_transaction():
        able = (Clerk.select().where(Clerk.role == "admin", Clerk.active == True,  # noqa: E712
                                     Clerk.failed_attempts < HARD_LOCK_ATTEMPTS).exists())
        if not opens or able:
            audit.record(ctx, "clerk.recover.refused", username,
                         {"source": source, "an_admin_can_sign_in": able})
        else:
            clerk = _get(username)
            clerk.password_hash = _passwords().hash(new_password)
            clerk.failed_attempts = 0
            clerk.locked_until = None
            clerk.save()
            audit.record(ctx, "clerk.recover", username, {"source": source})
    if not opens:
        raise StationSecretMismatch(reason="打不开本站签名密钥",
                                    reason_en="it does not open the signing key")
    if able:
        raise InvalidInput(what="还有管理员可以登录：请由该管理员在“经办人”里重置密码。"
                                "用密钥恢复只用于所有管理员都已被锁定或停用时。",
                           what_en="An admin can still sign in: let them reset the password. "
                                   "Recovery with the station secret is only for when no "
                                   "admin can.")
    return _actor(clerk)
