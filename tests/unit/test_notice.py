"""The public notice (公示): a reviewed deed counts only after its notice period, and only
if no objection to it was upheld; posting happens once, dated the day it counts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from app.models import Deed, LedgerEntry
from app.models.notice import Objection
from app.printing.notice_board import notice_pdf
from app.services import deeds, integrity, ledger, notice, notice_board, residents, station
from app.services.errors import PermissionDenied, ReasonRequired
from app.services.errors.notice import (
    NoticeDaysInvalid,
    NoticeEnded,
    NoticeEntryNotFound,
    NotOnNotice,
    ObjectionResolved,
)


def _on_notice(ctx, resident, code: str = "HEROIC_ACT") -> deeds.DeedResult:
    recorded = deeds.record_deed(ctx, resident.id, code)
    return deeds.review_deed(ctx, recorded.deed_uid, True, "事迹属实")


def _entries(deed_uid: str) -> list[LedgerEntry]:
    return list(LedgerEntry.select().join(Deed).where(Deed.uid == deed_uid))


def _status(deed_uid: str) -> str:
    return Deed.get(Deed.uid == deed_uid).status


def test_an_approved_deed_waits_out_its_notice_and_then_counts_once(ctx, clock, resident):
    approved = _on_notice(ctx, resident)
    assert approved.status == "notice" and approved.notice_until == "2026-11-26"
    assert ledger.balance(resident.id) == 0 and _entries(approved.deed_uid) == []
    clock.advance(days=3)  # the last day of the notice: still on it
    assert notice.post_due(ctx).posted == [] and ledger.balance(resident.id) == 0
    clock.advance(days=1)
    done = notice.post_due(ctx)
    assert [p["deed_uid"] for p in done.posted] == [approved.deed_uid]
    assert done.changes.ledger and resident.id in done.changes.residents
    (entry,) = _entries(approved.deed_uid)
    assert (entry.kind, entry.points, entry.business_date) == ("award", 5, dt.date(2026, 11, 27))
    assert ledger.balance(resident.id) == 5 and _status(approved.deed_uid) == "approved"
    assert notice.post_due(ctx).posted == []  # again: nothing more
    assert len(_entries(approved.deed_uid)) == 1 and ledger.balance(resident.id) == 5
    assert integrity.run_check(ctx.keys_dir).ok


def test_no_notice_period_counts_on_approval_as_before(ctx, resident):
    station.update_settings(ctx, notice_days=0)
    approved = _on_notice(ctx, resident)
    assert approved.status == "approved" and approved.notice_until is None
    assert ledger.balance(resident.id) == 5
    assert _entries(approved.deed_uid)[0].business_date == ctx.clock.today()
    with pytest.raises(NotOnNotice):
        notice.record_objection(ctx, approved.deed_uid, "不属实")


def test_an_upheld_objection_rejects_the_deed_for_good(ctx, clerk_ctx, clock, resident):
    approved = _on_notice(ctx, resident)
    number = Deed.get(Deed.uid == approved.deed_uid).id
    raised = notice.record_objection(clerk_ctx, str(number), "当天不在现场", "邻居王某")
    assert (raised.state, raised.raised_by, raised.deed_uid) == ("open", "邻居王某",
                                                                 approved.deed_uid)
    second = notice.record_objection(clerk_ctx, approved.deed_uid, "同上")
    (entry,) = [e for e in notice_board.entries(clock.today()) if e.number == number]
    assert entry.state == "objected" and len(entry.open_objections) == 2
    clock.advance(days=5)
    assert notice.post_due(ctx).posted == []  # held by the open objections
    upheld = notice.resolve_objection(ctx, str(raised.number), True, "核实：事迹不实")
    assert upheld.state == "upheld" and upheld.deed_status == "rejected"
    assert Objection.get_by_id(second.number).state == "upheld"  # closed with it
    clock.advance(days=30)
    assert notice.post_due(ctx).posted == [] and ledger.balance(resident.id) == 0
    assert _entries(approved.deed_uid) == [] and _status(approved.deed_uid) == "rejected"
    with pytest.raises(ObjectionResolved):
        notice.resolve_objection(ctx, str(second.number), False, "再处理")
    assert integrity.run_check(ctx.keys_dir).ok


def test_a_dismissed_objection_lets_the_deed_count_when_due(ctx, clerk_ctx, clock, resident):
    approved = _on_notice(ctx, resident)
    raised = notice.record_objection(clerk_ctx, approved.deed_uid, "分值偏高")
    dismissed = notice.resolve_objection(ctx, raised.uid, False, "按目录分值，无误")
    assert dismissed.state == "dismissed" and dismissed.deed_status == "notice"
    assert ledger.balance(resident.id) == 0  # the period is not over yet
    clock.advance(days=4)
    assert len(notice.post_due(ctx).posted) == 1 and ledger.balance(resident.id) == 5


def test_dismissing_after_the_period_counts_at_once(ctx, clerk_ctx, clock, resident):
    approved = _on_notice(ctx, resident)
    raised = notice.record_objection(clerk_ctx, approved.deed_uid, "分值偏高")
    clock.advance(days=10)
    dismissed = notice.resolve_objection(ctx, raised.uid, False, "无误")
    assert dismissed.deed_status == "approved" and dismissed.changes.ledger
    (entry,) = _entries(approved.deed_uid)
    assert entry.business_date == clock.today() and entry.clerk_id == ctx.actor.clerk_id
    assert ledger.balance(resident.id) == 5


def test_an_objection_after_the_period_or_off_notice_is_refused(ctx, clerk_ctx, clock,
                                                               resident, counts):
    pending = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    approved = _on_notice(ctx, resident)
    before = counts()
    with pytest.raises(NotOnNotice) as off:
        notice.record_objection(clerk_ctx, pending.deed_uid, "不属实")
    assert "不在公示中（待审核）" in off.value.message()
    assert "not on notice (pending)" in off.value.message("en")
    clock.advance(days=4)
    with pytest.raises(NoticeEnded) as late:
        notice.record_objection(clerk_ctx, approved.deed_uid, "不属实")
    assert "公示期已于 2026-11-26 结束" in late.value.message()
    assert "ended on 2026-11-26" in late.value.message("en")
    with pytest.raises(NoticeEntryNotFound):
        notice.record_objection(clerk_ctx, "999999", "不属实")
    with pytest.raises(ReasonRequired):
        notice.record_objection(clerk_ctx, approved.deed_uid, "  ")
    assert counts() == before


def test_only_an_admin_resolves_and_with_a_note(ctx, clerk_ctx, resident):
    approved = _on_notice(ctx, resident)
    raised = notice.record_objection(clerk_ctx, approved.deed_uid, "不属实")
    with pytest.raises(PermissionDenied):
        notice.resolve_objection(clerk_ctx, raised.uid, True, "成立")
    with pytest.raises(ReasonRequired):
        notice.resolve_objection(ctx, raised.uid, True, "")
    assert Objection.get_by_id(raised.number).state == "open"


def test_a_deduction_on_notice_is_posted_as_a_deduction(ctx, clock, resident):
    approved = _on_notice(ctx, resident, "GAMBLING")
    clock.advance(days=4)
    notice.post_due(ctx)
    (entry,) = _entries(approved.deed_uid)
    assert (entry.kind, entry.points) == ("deduct", -10) and ledger.balance(resident.id) == -10


def test_the_notice_days_are_a_setting_from_0_to_30(ctx, clock, resident):
    assert station.current().notice_days == 3
    station.update_settings(ctx, notice_days=7)
    assert station.current().notice_days == 7
    assert _on_notice(ctx, resident).notice_until == "2026-11-30"
    for bad in (-1, 31, "3", 2.5, True):
        with pytest.raises(NoticeDaysInvalid):
            station.update_settings(ctx, notice_days=bad)
    assert station.current().notice_days == 7


def test_a_review_after_a_clearing_dates_the_points_after_it(ctx, clock, resident):
    """A deed dated before a year-end clearing and approved after it must not slip in
    before the cut-off, where no clearing would ever take it."""
    station.update_settings(ctx, notice_days=0)
    clock.at = dt.datetime(2026, 12, 30, 9, 0)
    recorded = deeds.record_deed(ctx, resident.id, "HEROIC_ACT")
    ledger.adjust(ctx, resident.id, 10, "期初")  # something for the clearing to take
    clock.at = dt.datetime(2027, 1, 2, 9, 0)
    ledger.expire_balances(ctx, dt.date(2026, 12, 31))
    deeds.review_deed(ctx, recorded.deed_uid, True)
    assert _entries(recorded.deed_uid)[0].business_date == dt.date(2027, 1, 2)


def test_the_board_lists_the_deeds_on_notice_and_the_months_scores(ctx, clerk_ctx, clock,
                                                                    resident):
    other = residents.register(ctx, residents.ResidentInput(name="李四海", grid="第二网格"))
    deeds.record_deed(ctx, other.id, "BLOOD_DONATION")  # +5 at once
    deeds.record_deed(ctx, resident.id, "LITTERING")  # -2 at once
    on = _on_notice(ctx, resident)
    objected = _on_notice(ctx, other, "FILIAL_PIETY")
    notice.record_objection(clerk_ctx, objected.deed_uid, "不属实")
    deeds.record_deed(ctx, other.id, "HEROIC_ACT")  # still pending: not on the board
    board = notice_board.board(clock.today())
    assert [e.deed_uid for e in board.entries] == [on.deed_uid, objected.deed_uid]
    assert [e.state for e in board.entries] == ["notice", "objected"]
    assert (board.period_from, board.period_until) == ("2026-11-23", "2026-11-26")
    assert [(s.name, s.points) for s in board.scores] == [("李四海", 5), ("张明月", -2)]
    printed = "".join(p.extract_text() for p in PdfReader(io.BytesIO(notice_pdf(board))).pages)
    assert printed.count("有异议，待处理") == 1  # the objected entry says why it waits
    clock.advance(days=4)
    notice.post_due(ctx)
    scores = notice_board.month_scores(clock.today())
    assert [(s.name, s.points) for s in scores] == [("李四海", 5), ("张明月", 3)]


def test_the_demo_puts_deeds_on_notice_one_objected_to_once(ctx, clock):
    from app.services import demo

    demo.generate(ctx, residents=20)
    entries = notice_board.entries(clock.today())
    states = sorted(e.state for e in entries)
    assert states.count("notice") == 2 and states.count("objected") == 1
    assert "pending" in states
    (objected,) = [e for e in entries if e.state == "objected"]
    assert objected.open_objections[0].reason.startswith("有居民反映")
    assert integrity.run_check(ctx.keys_dir).ok
    demo.generate(ctx, residents=5)  # more demo residents: the notice is not made twice
    assert len(notice_board.entries(clock.today())) == len(entries)


def test_the_check_finds_a_deed_whose_state_and_entries_disagree(ctx, clerk_ctx, resident):
    counted = deeds.record_deed(ctx, resident.id, "BLOOD_DONATION")
    on = _on_notice(ctx, resident)
    notice.record_objection(clerk_ctx, on.deed_uid, "不实")
    assert integrity.run_check(ctx.keys_dir).ok
    # Edited in the file: a counted deed sent back on notice, an objection left open on
    # a rejected deed. Each is named.
    Deed.update(status="notice").where(Deed.uid == counted.deed_uid).execute()
    Deed.update(status="rejected").where(Deed.uid == on.deed_uid).execute()
    problems = integrity.run_check(ctx.keys_dir).problems
    assert any("1 条积分登记的状态与流水不符" in p for p in problems)
    assert any("1 条公示中的积分登记没有公示截止日" in p for p in problems)
    assert any("1 条公示异议与积分登记的状态不符" in p for p in problems)
