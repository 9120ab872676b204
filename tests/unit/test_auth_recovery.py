"""Locks that do not betray who exists, and a way back for a station whose only admin
is locked for good: the station secret (keys/station.kek) proves the right to reset."""

from __future__ import annotations

import pytest

from app.models import AuditRecord, Clerk
from app.services import auth, keys
from app.services.errors import (
    AccountLocked,
    BadCredentials,
    ClerkNotFound,
    InvalidInput,
    StationSecretMismatch,
    WeakPassword,
)

ADMIN_PASSWORD = "Desk-2026!"
NEW_PASSWORD = "Fresh-Start-7"


def _answers(ctx, clock, username: str, password: str, attempts: int) -> list[str]:
    """What the desk answers to ``attempts`` sign-ins, each a minute apart."""
    said = []
    for _ in range(attempts):
        clock.advance(minutes=1)
        try:
            auth.sign_in(ctx, username, password)
        except (BadCredentials, AccountLocked) as exc:
            said.append(f"{type(exc).__name__}: {exc.message('zh')}")
    return said


def _base(ctx):
    return ctx.as_actor(None)


def test_a_locked_account_answers_like_an_unknown_name(ctx, clock):
    """Hammering a real account and a made-up name gives the very same answers, lock
    messages included, so the lock does not reveal that the account exists."""
    base = _base(ctx)
    real = _answers(base, clock, "admin", "Wrong-2026!", 8)
    clock.advance(days=1, minutes=-8)  # the same times of day, a day later
    made_up = _answers(base, clock, "nobody-here", "Wrong-2026!", 8)
    assert any(a.startswith("AccountLocked") for a in real)
    assert real == made_up


def test_hard_lock_answers_like_an_unknown_name(ctx, clock):
    """After 20 failures the real account and a made-up name both say 'locked'."""
    base = _base(ctx)
    for name in ("admin", "ghost"):
        for _ in range(auth.HARD_LOCK_ATTEMPTS):
            clock.advance(minutes=16)
            with pytest.raises(BadCredentials):
                auth.sign_in(base, name, "Wrong-2026!")
    clock.advance(days=1)
    answers = []
    for name, password in (("admin", ADMIN_PASSWORD), ("ghost", ADMIN_PASSWORD)):
        with pytest.raises(AccountLocked) as err:
            auth.sign_in(base, name, password)
        answers.append(err.value.message("zh"))
    assert answers[0] == answers[1]


def test_a_locked_sign_in_costs_a_password_hash(ctx, clock, monkeypatch):
    """The locked answer is not faster than the unknown-name answer: both pay one argon2
    computation (the timing class of a wrong password)."""
    base = _base(ctx)
    for _ in range(5):
        with pytest.raises(BadCredentials):
            auth.sign_in(base, "admin", "Wrong-2026!")
    calls = []
    real = auth._hasher

    class Counting:
        def __getattr__(self, name):
            if name in ("hash", "verify"):
                calls.append(name)
            return getattr(real, name)

    monkeypatch.setattr(auth, "_hasher", Counting())
    with pytest.raises(AccountLocked):
        auth.sign_in(base, "admin", ADMIN_PASSWORD)
    assert calls in (["hash"], ["verify"])


def _lock_for_good(base, clock, name="admin"):
    for _ in range(auth.HARD_LOCK_ATTEMPTS):
        clock.advance(minutes=16)
        with pytest.raises(BadCredentials):
            auth.sign_in(base, name, "Wrong-2026!")
    with pytest.raises(AccountLocked):
        auth.sign_in(base, name, ADMIN_PASSWORD)


def test_the_station_secret_unlocks_the_only_admin(ctx, clock):
    """Locked for good, the only admin is recovered with the station secret and a new
    password; the recovery is audited and the old password no longer works."""
    base = _base(ctx)
    _lock_for_good(base, clock)
    secret = (ctx.keys_dir / keys.KEK_FILE).read_bytes()
    actor = auth.recover_with_secret(base, "admin", secret, NEW_PASSWORD)
    assert actor.role == "admin"
    assert auth.sign_in(base, "admin", NEW_PASSWORD).username == "admin"
    with pytest.raises(BadCredentials):
        auth.sign_in(base, "admin", ADMIN_PASSWORD)
    record = AuditRecord.get(AuditRecord.action == "clerk.recover")
    assert record.target == "admin"


def test_a_wrong_secret_recovers_nothing_and_is_audited(ctx, clock, tmp_path):
    """A secret that does not open this station's signing key is refused; the lock stays."""
    base = _base(ctx)
    _lock_for_good(base, clock)
    with pytest.raises(StationSecretMismatch):
        auth.recover_with_secret(base, "admin", b"0" * 64, NEW_PASSWORD)
    assert Clerk.get(Clerk.username == "admin").failed_attempts >= auth.HARD_LOCK_ATTEMPTS
    assert AuditRecord.select().where(AuditRecord.action == "clerk.recover.refused").exists()
    with pytest.raises(AccountLocked):
        auth.sign_in(base, "admin", NEW_PASSWORD)


def test_recovery_checks_the_name_and_the_new_password(ctx, clock):
    secret = (ctx.keys_dir / keys.KEK_FILE).read_bytes()
    with pytest.raises(WeakPassword):
        auth.recover_with_secret(_base(ctx), "admin", secret, "12345678")
    _lock_for_good(_base(ctx), clock)
    with pytest.raises(ClerkNotFound):
        auth.recover_with_secret(_base(ctx), "nobody", secret, NEW_PASSWORD)


def test_no_recovery_while_an_admin_can_sign_in(ctx, clock):
    """The secret file sits on the desk PC: while an admin can still sign in, it is no
    way around them, for a clerk or anyone else at the PC."""
    auth.add_clerk(ctx, "li", "李敏", "clerk", "Clerk-2026?")
    secret = (ctx.keys_dir / keys.KEK_FILE).read_bytes()
    for name in ("admin", "li"):
        with pytest.raises(InvalidInput, match="还有管理员可以登录"):
            auth.recover_with_secret(_base(ctx), name, secret, NEW_PASSWORD)
    assert auth.sign_in(_base(ctx), "admin", ADMIN_PASSWORD).username == "admin"
    refused = AuditRecord.select().where(AuditRecord.action == "clerk.recover.refused")
    assert refused.count() == 2
