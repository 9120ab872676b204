"""A model-based test of the ledger: random awards, deductions, voucher issues,
redemptions and voids, adjustments, year-end expiry, retried requests and restarts,
checked after every step against a plain in-memory model of balances and vouchers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import peewee as pw
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.models import (
    LedgerEntry,
    Resident,
    Voucher,
    VoucherResolution,
    database,
    open_database,
)
from app.models.migrations import migrate
from app.services import auth, deeds, integrity, ledger, redemption, residents, station, vouchers
from app.services.context import Context, FixedClock
from app.services.errors import (
    BelowMinimum,
    InsufficientPoints,
    InvalidInput,
    RequestConflict,
    VoucherAlreadyResolved,
)
from app.services.residents import ResidentInput

PG_URL = os.environ.get("STATION_DESK_TEST_PG", "")
START = dt.datetime(2026, 3, 2, 9, 0)  # vouchers are valid to 31 December: none expires
LAST_DAY = dt.date(2026, 12, 28)
PASSWORD = "Model-Desk-2026"
OPENING = 120
DEDUCTIONS = ["LITTERING", "CORRIDOR_CLUTTER", "UNCIVIL_DOG"]  # -2 each, no cap, no review
who = st.integers(0, 2)


def set_up_station(data_dir: Path, location: str, clock: FixedClock
                   ) -> tuple[Context, list[int]]:
    """A new station with three residents holding ``OPENING`` points, on an empty database."""
    open_database(location)
    if PG_URL:
        database.execute_sql("DROP SCHEMA public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
    migrate()
    base = Context(data_dir, clock)
    station.init_station(base, "XH01", "模型站", "admin", PASSWORD, "王站长")
    ctx = base.as_actor(auth.sign_in(base, "admin", PASSWORD))
    rids = [residents.register(ctx, ResidentInput(name=n)).id for n in ("张三", "李四", "王五")]
    for rid in rids:  # points to spend from the first step on
        ledger.adjust(ctx, rid, OPENING, "期初余额")
    return ctx, rids


@dataclass(frozen=True)
class Template:
    """A set-up SQLite station copied for every example: setting one up each time
    (schema, catalogue, keys) would cost more than the example itself."""

    data_dir: Path
    ctx: Context
    rids: list[int]

    @classmethod
    def build(cls, data_dir: Path) -> Template:
        data_dir.mkdir()
        ctx, rids = set_up_station(data_dir, str(data_dir / "station.db"), FixedClock(START))
        database.close()  # the last connection checkpoints the WAL into the file
        return cls(data_dir, ctx, rids)

    def copy_to(self, data_dir: Path, clock: FixedClock) -> tuple[Context, list[int]]:
        for name in ("station.db", "station.db-wal"):
            if (self.data_dir / name).exists():
                shutil.copy(self.data_dir / name, data_dir / name)
        shutil.copytree(self.ctx.keys_dir, data_dir / "keys")
        open_database(data_dir / "station.db")
        return Context(data_dir, clock, self.ctx.actor), self.rids


class LedgerMachine(RuleBasedStateMachine):
    """The desk under random use. The model: each resident's entries as (business date,
    points), and each voucher's state."""

    vouchers_made = Bundle("vouchers")
    template: Template | None = None  # set by the test on SQLite

    def __init__(self) -> None:
        super().__init__()
        self.clock = FixedClock(START)
        self.data_dir = Path(tempfile.mkdtemp(prefix="ledger-model-"))
        self.location = PG_URL or str(self.data_dir / "station.db")
        if self.template is not None:
            self.ctx, self.rids = self.template.copy_to(self.data_dir, self.clock)
        else:
            self.ctx, self.rids = set_up_station(self.data_dir, self.location, self.clock)
        self.moves = {rid: [(START.date(), OPENING)] for rid in self.rids}
        self.state: dict[str, str] = {}  # serial -> issued | redeemed | voided
        self.vouchers: dict[str, tuple[int, int, str]] = {}  # serial -> owner, points, token
        self.last: tuple | None = None  # (function, kwargs, result) of the last write
        self.cleared: dt.date | None = None  # the newest clearing's cutoff
        self.calls = 0

    def teardown(self) -> None:
        database.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def balance(self, rid: int) -> int:
        return sum(points for _, points in self.moves[rid])

    def move(self, rid: int, points: int, day: dt.date | None = None) -> None:
        self.moves[rid].append((day or self.clock.today(), points))

    def write(self, service, **kwargs):
        """Call a service with a new request id, remembering it for a retry."""
        self.calls += 1
        kwargs["request_id"] = f"req-{self.calls}"
        result = service(self.ctx, **kwargs)
        self.last = (service, kwargs, result)
        return result

    @rule(r=who, quantity=st.integers(1, 20))
    def award(self, r, quantity):
        rid = self.rids[r]
        result = self.write(deeds.record_deed, resident_id=rid, type_code="LOST_AND_FOUND",
                            quantity=quantity, deed_date=self.clock.today())
        self.move(rid, 2 * quantity)
        assert result.balance == self.balance(rid)

    @rule(r=who, code=st.sampled_from(DEDUCTIONS), quantity=st.integers(1, 5))
    def deduct(self, r, code, quantity):
        rid = self.rids[r]
        result = self.write(deeds.record_deed, resident_id=rid, type_code=code,
                            quantity=quantity, deed_date=self.clock.today())
        self.move(rid, -2 * quantity)
        assert result.balance == self.balance(rid)

    @rule(target=vouchers_made, r=who, ask=st.sampled_from(["all", "half", "5", "more", "4"]))
    def issue(self, r, ask):
        """Spend all, half or 5 of the balance; or one more than it, or too little."""
        rid = self.rids[r]
        have = self.balance(rid)
        points = max({"all": have, "half": have // 2, "5": 5, "more": have + 1, "4": 4}[ask], 1)
        if points < 5 or points > self.balance(rid):
            with pytest.raises(BelowMinimum if points < 5 else InsufficientPoints):
                self.write(vouchers.issue, resident_id=rid, points=points)
            return multiple()
        result = self.write(vouchers.issue, resident_id=rid, points=points)
        self.move(rid, -points)
        assert result.balance == self.balance(rid)
        for v in result.vouchers:
            self.state[v.serial] = "issued"
            self.vouchers[v.serial] = (rid, v.points, v.token)
        return multiple(*(v.serial for v in result.vouchers))

    @rule(serial=vouchers_made)
    def redeem(self, serial):
        token = self.vouchers[serial][2]
        if self.state[serial] != "issued":
            with pytest.raises(VoucherAlreadyResolved):
                self.write(redemption.redeem, token=token)
            return
        assert self.write(redemption.redeem, token=token).serial == serial
        self.state[serial] = "redeemed"

    @rule(serial=vouchers_made)
    def void(self, serial):
        if self.state[serial] != "issued":
            with pytest.raises(VoucherAlreadyResolved):
                self.write(redemption.void, serial=serial, reason="作废")
            return
        owner, points, _ = self.vouchers[serial]
        assert self.write(redemption.void, serial=serial, reason="作废").points == points
        self.state[serial] = "voided"
        self.move(owner, points)

    @rule(r=who, points=st.integers(-30, 30).filter(bool))
    def adjust(self, r, points):
        rid = self.rids[r]
        self.move(rid, points)
        assert self.write(ledger.adjust, resident_id=rid, points=points,
                          reason="调整").balance == self.balance(rid)

    @rule(days_back=st.integers(1, 5))
    def expire(self, days_back):
        """Year-end clearing up to a cutoff: what was earned by then and is unspent. Cut-offs
        only move forward; a later clearing never takes a point dated after its cutoff."""
        cutoff = self.clock.today() - dt.timedelta(days=days_back)
        if self.cleared is not None and cutoff <= self.cleared:
            entries = LedgerEntry.select().count()
            with pytest.raises(InvalidInput):
                self.write(ledger.expire_balances, cutoff=cutoff)
            assert LedgerEntry.select().count() == entries
            return
        expiring = {}
        for rid in self.rids:
            earned = sum(points for day, points in self.moves[rid] if day <= cutoff)
            if min(earned, self.balance(rid)) > 0:
                expiring[rid] = min(earned, self.balance(rid))
        result = self.write(ledger.expire_balances, cutoff=cutoff)
        if self.cleared is None:
            assert result.as_dict() == {"residents": len(expiring),
                                        "points": sum(expiring.values())}
        for rid in self.rids:
            taken = self.balance(rid) - ledger.balance(rid)
            assert 0 <= taken <= expiring.get(rid, 0)
            if taken:
                self.move(rid, -taken, cutoff)
        if result.residents:
            self.cleared = cutoff
        assert ledger.last_clearing() == self.cleared

    @precondition(lambda self: self.last is not None)
    @rule()
    def retry(self):
        """The same request again (double click, retry after a crash): nothing changes."""
        service, kwargs, result = self.last
        entries = LedgerEntry.select().count()
        again = service(self.ctx, **kwargs)
        if hasattr(again, "replayed"):  # results that say they are a replay must say so
            assert again.replayed
            again = dataclasses.replace(again, replayed=False)
        assert again == result
        assert LedgerEntry.select().count() == entries

    @precondition(lambda self: self.last is not None)
    @rule(points=st.integers(1, 9))
    def reuse_request_id(self, points):
        """A request id reused for another operation is refused and changes nothing."""
        _, kwargs, _ = self.last
        with pytest.raises(RequestConflict):
            ledger.adjust(self.ctx, self.rids[0], 1000 + points, "冲突",
                          request_id=kwargs["request_id"])

    @precondition(lambda self: self.clock.today() < LAST_DAY)
    @rule(days=st.integers(1, 3))
    def later(self, days):
        self.clock.advance(days=days)

    @rule()
    def reopen(self):
        database.close()
        open_database(self.location)

    @invariant()
    def agrees_with_the_model(self):
        expected = {rid: self.balance(rid) for rid in self.rids}
        cached = dict(Resident.select(Resident.id, Resident.balance).tuples())
        sums = dict(LedgerEntry.select(LedgerEntry.resident, pw.fn.SUM(LedgerEntry.points))
                    .group_by(LedgerEntry.resident).tuples())
        assert cached == expected
        assert {rid: int(sums.get(rid) or 0) for rid in self.rids} == expected
        resolved = dict(VoucherResolution.select(Voucher.serial, VoucherResolution.kind)
                        .join(Voucher).tuples())
        # Each voucher resolved at most once, and exactly as the model says.
        assert resolved == {s: state for s, state in self.state.items() if state != "issued"}
        assert Voucher.select().count() == len(self.state)
        overspent = LedgerEntry.select().where(LedgerEntry.kind == "issue",
                                               LedgerEntry.balance_after < 0).count()
        assert overspent == 0  # spending never took a balance below zero
        report = integrity.run_check(self.ctx.keys_dir)
        assert report.ok, report.problems


def test_ledger_agrees_with_a_simple_model(db, tmp_path, monkeypatch):
    """Random sequences of desk operations keep every ledger invariant and the model."""
    database.close()
    if not PG_URL:
        monkeypatch.setattr(LedgerMachine, "template", Template.build(tmp_path / "template"))
    run_state_machine_as_test(LedgerMachine, settings=settings(
        max_examples=50, stateful_step_count=30, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow]))
