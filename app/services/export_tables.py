"""The tables the exports write besides the residents: the ledger, activities and
vouchers, each read a page at a time by key (``keyset``), within a date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import peewee as pw

from app.models import (
    Activity,
    ActivityKind,
    ActivityTeam,
    Clerk,
    Deed,
    DeedType,
    LedgerEntry,
    Merchant,
    Participant,
    Project,
    Resident,
    Team,
    Voucher,
    VoucherResolution,
)
from app.services.activities import STATES as ACTIVITY_STATES
from app.services.ledger import KIND_ZH
from app.services.xlsx_out import Column

PAGE = 2000


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name
    columns: Sequence[Column]
    total: int
    rows: Iterator[tuple]


def keyset(query: Callable[[object], pw.ModelSelect], key: int = 0) -> Iterator[tuple]:
    """Every row of ``query(last)`` (rows after the key ``last``, ordered by it), read a
    page at a time: no server-side cursor is needed, and memory stays bounded."""
    last: object = None
    while True:
        page = list(query(last).limit(PAGE).tuples())
        yield from page
        if len(page) < PAGE:
            return
        last = page[-1][key]


def as_date(value: object) -> dt.date | None:
    """SQLite hands dates back as text, PostgreSQL as dates: a date either way."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def as_datetime(value: object) -> dt.datetime | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _within(field: pw.Field, start: dt.date | None, end: dt.date | None) -> pw.Expression:
    where = pw.SQL("1 = 1")
    if start:
        where &= field >= start
    if end:
        where &= field <= end
    return where


def _after(query: pw.ModelSelect, key: pw.Field, last: object) -> pw.ModelSelect:
    return query.where(key > last) if last is not None else query


LEDGER_COLUMNS = (
    Column("流水号", 10, "number"), Column("业务日期", 12, "date"),
    Column("记账时间", 18, "datetime"), Column("居民编号", 10), Column("姓名", 12),
    Column("类别", 10), Column("积分", 8, "number"), Column("变动后余额", 12, "number"),
    Column("积分项目", 24), Column("兑换券号", 20), Column("经办人", 12), Column("原因", 30))


def ledger(start: dt.date | None, end: dt.date | None) -> Table:
    where = _within(LedgerEntry.business_date, start, end)

    def page(last: object) -> pw.ModelSelect:
        return _after(LedgerEntry.select(
            LedgerEntry.seq, LedgerEntry.business_date, LedgerEntry.created_at,
            Resident.resident_no, Resident.name, LedgerEntry.kind, LedgerEntry.points,
            LedgerEntry.balance_after, DeedType.name_zh, LedgerEntry.voucher_serial,
            Clerk.display_name, LedgerEntry.reason)
            .join(Resident, on=LedgerEntry.resident == Resident.id)
            .switch(LedgerEntry).join(Deed, pw.JOIN.LEFT_OUTER,
                                      on=LedgerEntry.deed == Deed.id)
            .join(DeedType, pw.JOIN.LEFT_OUTER, on=Deed.deed_type == DeedType.id)
            .switch(LedgerEntry).join(Clerk, pw.JOIN.LEFT_OUTER,
                                      on=LedgerEntry.clerk == Clerk.id)
            .where(where).order_by(LedgerEntry.seq), LedgerEntry.seq, last)

    def rows() -> Iterator[tuple]:
        for (seq, day, at, number, name, kind, points, after, deed, serial, clerk,
             reason) in keyset(page):
            yield (seq, as_date(day), as_datetime(at), number, name, KIND_ZH.get(kind, kind),
                   points, after, deed or "", serial or "", clerk or "", reason)
    return Table("积分流水", LEDGER_COLUMNS,
                 LedgerEntry.select().where(where).count(), rows())


ACTIVITY_COLUMNS = (
    Column("日期", 12, "date"), Column("开始", 8), Column("结束", 8), Column("活动名称", 30),
    Column("活动类型", 14), Column("项目", 16), Column("地点", 20), Column("组织队伍", 24),
    Column("状态", 8), Column("志愿者人数", 10, "number"), Column("观众人数", 10, "number"),
    Column("志愿服务时长（小时）", 18, "number"))


def activities(start: dt.date | None, end: dt.date | None) -> Table:
    where = _within(Activity.date, start, end)

    def page(last: object) -> pw.ModelSelect:
        return _after(Activity.select(
            Activity.id, Activity.date, Activity.start, Activity.end, Activity.title,
            ActivityKind.name_zh, Project.name, Activity.place, Activity.state)
            .join(ActivityKind).switch(Activity).join(Project, pw.JOIN.LEFT_OUTER)
            .where(where).order_by(Activity.id), Activity.id, last)

    def rows() -> Iterator[tuple]:
        batch: list[tuple] = []
        for row in keyset(page):
            batch.append(row)
            if len(batch) == PAGE:
                yield from _activity_rows(batch)
                batch = []
        yield from _activity_rows(batch)
    return Table("志愿活动", ACTIVITY_COLUMNS, Activity.select().where(where).count(), rows())


def _activity_rows(batch: list[tuple]) -> Iterator[tuple]:
    """One page of activities, with their teams and head counts in two queries."""
    ids = [row[0] for row in batch]
    if not ids:
        return
    teams: dict[int, list[str]] = {}
    for activity, name in (ActivityTeam.select(ActivityTeam.activity, Team.name).join(Team)
                           .where(ActivityTeam.activity.in_(ids)).order_by(Team.name).tuples()):
        teams.setdefault(activity, []).append(name)
    counts: dict[tuple[int, str], tuple[int, int]] = {}
    for activity, role, people, tenths in (Participant.select(
            Participant.activity, Participant.role, pw.fn.COUNT(Participant.id),
            pw.fn.SUM(Participant.hours_tenths)).where(Participant.activity.in_(ids))
            .group_by(Participant.activity, Participant.role).tuples()):
        counts[(activity, role)] = (people, tenths or 0)
    for aid, day, begin, finish, title, kind, project, place, state in batch:
        volunteers, tenths = counts.get((aid, "volunteer"), (0, 0))
        yield (as_date(day), str(begin)[:5], str(finish)[:5], title, kind, project or "",
               place, "、".join(teams.get(aid, [])), ACTIVITY_STATES.get(state, state),
               volunteers, counts.get((aid, "audience"), (0, 0))[0], tenths / 10)


VOUCHER_COLUMNS = (
    Column("券号", 20), Column("居民编号", 10), Column("姓名", 12),
    Column("面值（分）", 10, "number"),
    Column("发放日期", 12, "date"), Column("有效期至", 12, "date"), Column("使用范围", 16),
    Column("指定商户", 16), Column("状态", 8), Column("处理时间", 18, "datetime"),
    Column("核销地点", 16), Column("发放经办人", 12))
SCOPES = {"any": "通用", "store": "本站积分超市", "merchant": "指定商户"}
RESOLUTIONS = {None: "未使用", "redeemed": "已核销", "voided": "已作废", "expired": "已过期"}


def vouchers(start: dt.date | None, end: dt.date | None) -> Table:
    where = _within(Voucher.issue_date, start, end)
    used_at = Merchant.alias()

    def page(last: object) -> pw.ModelSelect:
        return _after(Voucher.select(
            Voucher.id, Voucher.serial, Resident.resident_no, Resident.name, Voucher.points,
            Voucher.issue_date, Voucher.expiry_date, Voucher.scope, Merchant.name,
            VoucherResolution.kind, VoucherResolution.at, used_at.name, Clerk.display_name)
            .join(Resident, on=Voucher.resident == Resident.id)
            .switch(Voucher).join(Merchant, pw.JOIN.LEFT_OUTER,
                                  on=Voucher.merchant == Merchant.id)
            .switch(Voucher).join(VoucherResolution, pw.JOIN.LEFT_OUTER,
                                  on=VoucherResolution.voucher == Voucher.id)
            .join(used_at, pw.JOIN.LEFT_OUTER, on=VoucherResolution.merchant == used_at.id)
            .switch(Voucher).join(Clerk, on=Voucher.clerk == Clerk.id)
            .where(where).order_by(Voucher.id), Voucher.id, last)

    def rows() -> Iterator[tuple]:
        for (_, serial, number, name, points, issued, expiry, scope, merchant, resolution,
             at, where_used, clerk) in keyset(page):
            yield (serial, number, name, points, as_date(issued), as_date(expiry),
                   SCOPES.get(scope, scope), merchant or "", RESOLUTIONS.get(resolution,
                                                                          resolution),
                   as_datetime(at), where_used or ("本站" if resolution == "redeemed" else ""),
                   clerk)
    return Table("兑换券", VOUCHER_COLUMNS, Voucher.select().where(where).count(), rows())


TABLES = {"ledger": ledger, "activities": activities, "vouchers": vouchers}
