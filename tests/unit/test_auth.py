"""Clerks and sign-in: argon2id hashes, password strength with reasons, a throttle
that survives a restart, and admin-only actions checked in the services."""

from __future__ import annotations

import pytest
from argon2 import Type

from app.models import AuditRecord, Clerk
from app.services import auth, permissions
from app.services.errors import (
    AccountLocked,
    BadCredentials,
    ClerkNotFound,
    DuplicateUsername,
    InvalidInput,
    NotSignedIn,
    PermissionDenied,
    WeakPassword,
)

ADMIN_PASSWORD = "Desk-2026!"  # as the shared ``ctx`` and ``clerk_ctx`` fixtures set them
CLERK_PASSWORD = "Clerk-2026?"


def test_production_hasher_is_argon2id_above_owasp_minimum(real_hasher):
    """The desk hashes passwords with argon2id, t>=2 and at least 19 MiB of memory."""
    params = real_hasher._parameters
    assert params.type is Type.ID
    assert params.time_cost >= 2 and params.memory_cost >= 19 * 1024


def test_stored_hash_is_argon2id_and_verifies_at_full_cost(ctx, monkeypatch, real_hasher):
    """A clerk added with the production parameters is stored as argon2id and signs in."""
    monkeypatch.setattr(auth, "_hasher", real_hasher)
    auth.add_clerk(ctx, "zhao", "赵敏", "clerk", "Strong-Pass-9")
    stored = Clerk.get(Clerk.username == "zhao").password_hash
    assert stored.startswith("$argon2id$") and "Strong-Pass-9" not in stored
    assert f"m={real_hasher.memory_cost}" in stored
    assert auth.sign_in(ctx, "zhao", "Strong-Pass-9").role == "clerk"


@pytest.mark.parametrize("password, username, reason", [
    ("Ab1!", "li", "at least 8"),
    ("password1", "li", "common"),
    ("12345678", "li", "common"),
    ("zhangwei-2026", "zhangwei", "user name"),
    ("abcdefghij", "li", "mix letters"),
    ("aaaa1111", "li", "mix letters"),
])
def test_weak_passwords_refused_with_reason(password, username, reason):
    """A guessable password is refused, and the message says what to change."""
    with pytest.raises(WeakPassword) as err:
        auth.check_password_strength(password, username)
    assert reason in err.value.message("en")
    assert err.value.field == "password"


def test_weak_password_creates_no_clerk(ctx, counts):
    """Adding a clerk with a weak password writes nothing."""
    before = counts()
    with pytest.raises(WeakPassword):
        auth.add_clerk(ctx, "wang", "王刚", "clerk", "wang12345")
    assert counts() == before


def test_add_clerk_validation(ctx, clerk_ctx):
    """User names are unique and well-formed; roles are clerk or admin."""
    with pytest.raises(DuplicateUsername):
        auth.add_clerk(ctx, "li", "李敏", "clerk", CLERK_PASSWORD)
    with pytest.raises(InvalidInput):
        auth.add_clerk(ctx, "李", "李", "clerk", CLERK_PASSWORD)
    with pytest.raises(InvalidInput):
        auth.add_clerk(ctx, "boss", "老板", "owner", CLERK_PASSWORD)


def test_wrong_password_and_unknown_user_look_the_same(ctx):
    """A wrong password and an unknown user both get BadCredentials, both audited; what
    was typed as an unknown user name (perhaps a password) is kept only as a fingerprint."""
    with pytest.raises(BadCredentials):
        auth.sign_in(ctx, "admin", "Wrong-2026!")
    with pytest.raises(BadCredentials):
        auth.sign_in(ctx, "Desk-2026!", "Wrong-2026!")
    failed = [r.target for r in AuditRecord.select().where(AuditRecord.action == "signin.failed")]
    assert failed[0] == "admin" and failed[1].startswith("unknown:")
    assert not AuditRecord.select().where(AuditRecord.target.contains("Desk-2026")).exists()
    assert Clerk.get(Clerk.username == "admin").failed_attempts == 1


def test_five_failures_lock_the_account_for_a_while(ctx, clock):
    """After 5 failures even the right password waits out the delay; then the count resets."""
    for _ in range(4):
        with pytest.raises(BadCredentials):
            auth.sign_in(ctx, "admin", "Wrong-2026!")
    assert auth.sign_in(ctx, "admin", ADMIN_PASSWORD).username == "admin"
    for _ in range(5):
        with pytest.raises(BadCredentials):
            auth.sign_in(ctx, "admin", "Wrong-2026!")
    with pytest.raises(AccountLocked) as err:
        auth.sign_in(ctx, "admin", ADMIN_PASSWORD)
    assert "09:30:30" in str(err.value)
    clock.advance(seconds=31)
    assert auth.sign_in(ctx, "admin", ADMIN_PASSWORD).username == "admin"
    assert Clerk.get(Clerk.username == "admin").failed_attempts == 0


def test_throttle_survives_a_restart(ctx, reopen):
    """The failure count lives in the database: restarting the desk does not reset it."""
    for _ in range(3):
        with pytest.raises(BadCredentials):
            auth.sign_in(ctx, "admin", "Wrong-2026!")
    reopen()
    assert Clerk.get(Clerk.username == "admin").failed_attempts == 3
    for _ in range(2):
        with pytest.raises(BadCredentials):
            auth.sign_in(ctx, "admin", "Wrong-2026!")
    reopen()
    with pytest.raises(AccountLocked):
        auth.sign_in(ctx, "admin", ADMIN_PASSWORD)


def test_delay_grows_and_a_hard_lock_needs_an_admin(ctx, clerk_ctx, clock):
    """The delay doubles per failure; after 20 only an admin's password reset unlocks."""
    assert [auth._lock_delay(n).total_seconds() for n in (4, 5, 6, 7)] == [0, 30, 60, 120]
    assert auth._lock_delay(30) == auth.MAX_DELAY
    for _ in range(auth.HARD_LOCK_ATTEMPTS):
        clock.advance(minutes=16)
        with pytest.raises(BadCredentials):
            auth.sign_in(ctx, "li", "Wrong-2026!")
    clock.advance(days=1)
    with pytest.raises(AccountLocked):
        auth.sign_in(ctx, "li", CLERK_PASSWORD)
    auth.reset_password(ctx, "li", "Fresh-Start-7")
    assert auth.sign_in(ctx, "li", "Fresh-Start-7").username == "li"


def test_disabled_clerk_cannot_sign_in(ctx, clerk_ctx):
    """A disabled account is refused like a wrong password; admins cannot disable themselves."""
    auth.set_active(ctx, "li", False)
    with pytest.raises(BadCredentials):
        auth.sign_in(ctx, "li", CLERK_PASSWORD)
    with pytest.raises(InvalidInput):
        auth.set_active(ctx, "admin", False)
    auth.set_active(ctx, "li", True)
    assert auth.sign_in(ctx, "li", CLERK_PASSWORD).display_name == "李敏"
    with pytest.raises(ClerkNotFound):
        auth.set_active(ctx, "ghost", True)


def test_clerk_list_shows_locks(ctx, clerk_ctx):
    """The clerk list shows each account's role and whether it is locked now."""
    for _ in range(5):
        with pytest.raises(BadCredentials):
            auth.sign_in(ctx, "li", "Wrong-2026!")
    rows = {r.username: r for r in auth.list_clerks(ctx)}
    assert rows["li"].locked and not rows["admin"].locked
    assert (rows["admin"].role, rows["li"].role) == ("admin", "clerk")


@pytest.mark.parametrize("action", sorted(permissions.ACTIONS))
def test_every_action_checks_the_role(ctx, clerk_ctx, action):
    """Admin actions are refused to a clerk (and audited); clerk actions are allowed."""
    role, _ = permissions.ACTIONS[action]
    assert permissions.require(ctx, action).is_admin
    before = AuditRecord.select().count()
    if role == permissions.ADMIN:
        with pytest.raises(PermissionDenied) as err:
            permissions.require(clerk_ctx, action)
        assert err.value.data["action"] == action
        last = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
        assert (last.action, last.target) == ("permission.denied", action)
        assert AuditRecord.select().count() == before + 1
    else:
        assert permissions.require(clerk_ctx, action).username == "li"
        assert AuditRecord.select().count() == before


def test_nobody_signed_in_is_refused(ctx):
    """Without a signed-in clerk every action is refused."""
    with pytest.raises(NotSignedIn):
        permissions.require(ctx.as_actor(None), "resident.register")


def test_admin_only_clerk_management(clerk_ctx):
    """A clerk can neither add clerks nor reset passwords."""
    with pytest.raises(PermissionDenied):
        auth.add_clerk(clerk_ctx, "sun", "孙丽", "admin", "Sneaky-Admin-1")
    with pytest.raises(PermissionDenied):
        auth.reset_password(clerk_ctx, "admin", "Taken-Over-1")
    assert not Clerk.select().where(Clerk.username == "sun").exists()
