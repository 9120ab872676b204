"""Two desks working on the same data at the same moment: separate processes on the
same database, released together by a barrier. A voucher is resolved once, spending
never exceeds the balance, and no two vouchers share a serial."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest

from app.models import Voucher, VoucherResolution, database
from app.services import ledger, redemption, residents, tokens, vouchers
from app.services.context import Actor
from app.services.residents import ResidentInput

NOW = dt.datetime(2026, 11, 23, 9, 30)
ROUNDS = 3
Step = tuple[str, object]  # ("redeem", token) | ("void", serial) | ("issue", (resident, points))


def desk(location: str, data_dir: str, actor: Actor, steps: list[Step], barrier,
         results) -> None:
    """One desk process: open the database; before each step wait for the other desk."""
    from app.models import open_database
    from app.services.context import Context, FixedClock
    from app.services.errors import InsufficientPoints, VoucherAlreadyResolved

    open_database(location)
    ctx = Context(Path(data_dir), FixedClock(NOW), actor)
    for action, arg in steps:
        barrier.wait(timeout=60)
        try:
            if action == "redeem":
                results.put((action, redemption.redeem(ctx, arg).serial, ""))
            elif action == "void":
                results.put((action, redemption.void(ctx, arg, "同时作废").serial, ""))
            else:
                done = vouchers.issue(ctx, *arg)
                results.put((action, ",".join(v.serial for v in done.vouchers), ""))
        except VoucherAlreadyResolved as exc:
            results.put(("already", exc.data["serial"], str(exc)))
        except InsufficientPoints as exc:
            results.put(("insufficient", "", str(exc)))
        except Exception as exc:  # reported to the test, which fails on it
            results.put(("error", action, repr(exc)))


def race(location: str, data_dir: Path, desks: list[tuple[Actor, list[Step]]]
         ) -> list[tuple[str, str, str]]:
    """Run one process per desk, taking their steps in lock-step; return every outcome."""
    database.close()  # the test's own connection stays out of the race
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(len(desks)), spawn.Queue()
    workers = [spawn.Process(target=desk, args=(location, str(data_dir), actor, steps, barrier,
                                                results))
               for actor, steps in desks]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=120) for _, steps in desks for _ in steps]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert [o for o in outcomes if o[0] == "error"] == []
    return outcomes


@pytest.fixture
def issued(ctx, resident) -> list[str]:
    """Three 5-point vouchers of one resident."""
    ledger.adjust(ctx, resident.id, 5 * ROUNDS, "测试入账")
    return [v.token for v in vouchers.issue(ctx, resident.id, 5 * ROUNDS, [5] * ROUNDS).vouchers]


def serial_of(token: str) -> str:
    return tokens.parse(token)[0].serial


def test_same_voucher_redeemed_once_by_two_processes(ctx, clerk_ctx, issued, db_location):
    """Two desks redeeming together: one success and one 'already redeemed' per voucher."""
    steps = [("redeem", t) for t in issued]
    outcomes = race(db_location, ctx.data_dir, [(ctx.actor, steps), (clerk_ctx.actor, steps)])
    for token in issued:
        assert sorted(o[0] for o in outcomes if o[1] == serial_of(token)) == ["already",
                                                                              "redeem"]
    assert all("核销" in o[2] for o in outcomes if o[0] == "already")
    assert VoucherResolution.select().count() == ROUNDS
    assert {r.kind for r in VoucherResolution.select()} == {"redeemed"}


def test_void_racing_a_redemption_resolves_once(ctx, clerk_ctx, resident, issued, db_location):
    """A void and a redemption racing: one wins; a refund is paid only if the void won."""
    outcomes = race(db_location, ctx.data_dir, [
        (ctx.actor, [("void", serial_of(t)) for t in issued]),
        (clerk_ctx.actor, [("redeem", t) for t in issued]),
    ])
    voided = 0
    for token in issued:
        kinds = sorted(o[0] for o in outcomes if o[1] == serial_of(token))
        assert kinds in (["already", "redeem"], ["already", "void"]), kinds
        voided += kinds == ["already", "void"]
    assert VoucherResolution.select().count() == ROUNDS
    assert ledger.balance(resident.id) == 5 * voided


def test_racing_issues_never_overspend(ctx, clerk_ctx, resident, db_location):
    """Two desks issuing 20 of a 30-point balance at once: one succeeds, one is refused."""
    ledger.adjust(ctx, resident.id, 30, "测试入账")
    steps: list[Step] = [("issue", (resident.id, 20))]
    outcomes = race(db_location, ctx.data_dir, [(ctx.actor, steps), (clerk_ctx.actor, steps)])
    assert sorted(o[0] for o in outcomes) == ["insufficient", "issue"]
    assert ledger.balance(resident.id) == 10
    assert Voucher.select().count() == 1


def test_racing_issues_get_distinct_serials(ctx, clerk_ctx, resident, db_location):
    """Two desks issuing for different residents at once never share a serial."""
    other = residents.register(ctx, ResidentInput(name="李四"))
    for rid in (resident.id, other.id):
        ledger.adjust(ctx, rid, 100, "测试入账")
    outcomes = race(db_location, ctx.data_dir, [
        (ctx.actor, [("issue", (resident.id, 36))] * 2),
        (clerk_ctx.actor, [("issue", (other.id, 36))] * 2),
    ])
    serials = [s for o in outcomes for s in o[1].split(",")]
    assert len(serials) == len(set(serials)) == 4 * 4  # four issues of 20 + 10 + 5 + 1
    assert sorted(serials) == [f"XH01-2026-{n:06d}" for n in range(1, 17)]
    assert [ledger.balance(r) for r in (resident.id, other.id)] == [28, 28]
