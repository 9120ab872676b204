"""A demo station says so: its flag, its history credited to a demo clerk nobody signs in
as, and vouchers signed as demo that no real station redeems."""

from __future__ import annotations

import dataclasses

import pytest

from app.models import Clerk, Deed, LedgerEntry, Station, Voucher, VoucherResolution
from app.services import (
    auth,
    demo,
    demo_station,
    integrity,
    keys,
    redemption,
    station,
    tokens,
    vouchers,
)
from app.services.errors import BadCredentials, InvalidInput
from app.services.residents import ResidentInput, register


def test_demo_data_flags_the_station_and_a_set_up_station_is_real(ctx):
    assert not station.current().demo and not station.is_demo()
    demo.generate(ctx, residents=10)
    assert station.current().demo and station.is_demo()


def test_demo_history_is_the_demo_clerks_and_not_the_admins(ctx):
    """Every entry, deed and voucher of the invented history names the demo clerk."""
    demo.generate(ctx, residents=20)
    helper = Clerk.get(Clerk.username == demo_station.CLERK_USERNAME)
    assert helper.display_name == "演示办事员" and helper.id != ctx.actor.clerk_id
    assert LedgerEntry.select().count() > 0
    for model, column in ((LedgerEntry, LedgerEntry.clerk), (Deed, Deed.recorded_by),
                          (Voucher, Voucher.clerk), (VoucherResolution, VoucherResolution.clerk)):
        clerks = {c for (c,) in model.select(column).tuples()}
        assert clerks == {helper.id}, model
    assert integrity.run_check(ctx.keys_dir).ok  # the demo clerk's role is on record

def test_nobody_signs_in_as_the_demo_clerk(ctx):
    demo.generate(ctx, residents=5)
    for password in ("", "!", demo_station.CLERK_USERNAME):
        with pytest.raises(BadCredentials):
            auth.sign_in(ctx, demo_station.CLERK_USERNAME, password)
    with pytest.raises(InvalidInput):
        auth.reset_password(ctx, demo_station.CLERK_USERNAME, "Neues-Passwort-1")
    with pytest.raises(InvalidInput):
        auth.set_active(ctx, demo_station.CLERK_USERNAME, True)
    assert not Clerk.get(Clerk.username == demo_station.CLERK_USERNAME).active


def _issued_at_the_desk(ctx, give) -> str:
    person = register(ctx, ResidentInput(name="练习员"))
    give(person.id, 20)
    return vouchers.issue(ctx, person.id, 20).vouchers[0].token


def test_a_demo_station_signs_its_vouchers_as_demo_and_redeems_them(ctx, give):
    demo.generate(ctx, residents=5)
    token = _issued_at_the_desk(ctx, give)
    assert token.startswith(tokens.DEMO_PREFIX) and tokens.is_demo(token)
    assert len(token) == tokens.TOKEN_LENGTH
    assert redemption.verify(ctx, token).ok
    history = Voucher.select(Voucher.token).tuples()
    assert all(tokens.is_demo(t) for (t,) in history)


def test_a_real_station_refuses_a_demo_voucher_first(ctx, give):
    """Even signed by this station's own key, a demo token is refused by its prefix, and
    passing it off as real (the prefix swapped) breaks the signature."""
    token = _issued_at_the_desk(ctx, give)
    payload, _, _ = tokens.parse(token)
    assert not payload.demo and not tokens.is_demo(token)
    signer = keys.private_key(ctx, keys.active_key())
    fake = tokens.sign(dataclasses.replace(payload, demo=True), signer)
    verdict = redemption.verify(ctx, fake)
    assert not verdict.ok and verdict.reason == "demo_voucher"
    assert "演示" in verdict.message_zh and "demo" in verdict.message_en
    swapped = tokens.PREFIX + fake[len(tokens.DEMO_PREFIX):]
    assert redemption.verify(ctx, swapped).reason == "bad_signature"


def test_a_demo_station_refuses_a_real_voucher(ctx, give):
    token = _issued_at_the_desk(ctx, give)
    Station.update(demo=True).execute()  # a flag set by hand: demo data needs an empty one
    assert redemption.verify(ctx, token).reason == "not_demo"
