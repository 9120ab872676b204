"""The records of a station package for volunteering, the store, merchants and their
statements, the moral fund and honours (see ``package_kinds`` for the shape and rules).

Which rows a package sends again: append-only tables (store sales and movements, fund
entries) by id past the previous package's mark. The changeable tables that stay small
(activities, teams and their members, merchants, statements, commendations: hundreds to
a few thousand rows a station) are sent whole in every package, so a change is never
missed whatever the desk's clock said. Attendance, the large changeable one, is sent for
every activity not closed before the previous package, and for new participants.
"""

from __future__ import annotations

from collections.abc import Iterator

import peewee as pw

from app.models import (
    Activity,
    ActivityKind,
    ActivityTeam,
    Commendation,
    DeedType,
    FundEntry,
    Merchant,
    Nomination,
    Participant,
    Project,
    Statement,
    StockMovement,
    StoreItem,
    StoreSale,
    StoreSaleLine,
    StoreSaleVoucher,
    Team,
    TeamMember,
    Voucher,
)
from app.services.package_kinds import Scope, _day, record

MARKED_MORE: tuple[tuple[type[pw.Model], pw.Field], ...] = (
    (StoreSale, StoreSale.id), (StockMovement, StockMovement.id),
    (FundEntry, FundEntry.id), (Participant, Participant.id))


def _uids(model: type[pw.Model]) -> dict[int, str]:
    return dict(model.select(model.id, model.uid).tuples())


def activities(scope: Scope) -> Iterator[dict]:
    """``activity``: every activity; ``ref`` is its project, else its first organising
    team; the day is the activity's date."""
    kinds = dict(ActivityKind.select(ActivityKind.id, ActivityKind.code).tuples())
    types = dict(DeedType.select(DeedType.id, DeedType.code).tuples())
    projects, teams = _uids(Project), _uids(Team)
    organisers: dict[int, list[str]] = {}
    for activity, team in (ActivityTeam.select(ActivityTeam.activity, ActivityTeam.team)
                           .order_by(ActivityTeam.id).tuples()):
        organisers.setdefault(activity, []).append(teams[team])
    for a in Activity.select().order_by(Activity.id).dicts().iterator():
        by = organisers.get(a["id"], [])
        project = projects.get(a["project"])
        yield record("activity", a["uid"], a["date"], None, None, kinds[a["kind"]],
                     project or (by[0] if by else None),
                     {"title": a["title"], "kind": kinds[a["kind"]], "project": project,
                      "teams": by, "date": a["date"], "start": a["start"], "end": a["end"],
                      "place": a["place"], "capacity": a["capacity"],
                      "deed_type": types.get(a["deed_type"]), "max_tenths": a["max_tenths"],
                      "state": a["state"], "created_at": a["created_at"],
                      "closed_at": a["closed_at"]})


def attendance(scope: Scope) -> Iterator[dict]:
    """``attendance``: one resident at one activity. A participant has no uid of its
    own; the activity's uid and the resident's pseudonym name it (one row per pair)."""
    query = (Participant.select(Participant, Activity.uid.alias("activity_uid"),
                                Activity.date.alias("activity_date"))
             .join(Activity, on=Participant.activity == Activity.id))
    since = scope.changed_since()
    if since is not None:
        query = query.where(Activity.closed_at.is_null() | (Activity.closed_at >= since)
                            | scope.new(Participant, Participant.id))
    for p in query.order_by(Participant.id).dicts().iterator():
        who = scope.people[p["resident"]]
        hours = 0 if p["role"] == "audience" else p["hours_tenths"]
        yield record("attendance", f"{p['activity_uid']}/{who}", p["activity_date"], who,
                     hours, p["role"], p["activity_uid"],
                     {"activity": p["activity_uid"], "role": p["role"],
                      "signup": p["signup"], "signed_up_at": p["signed_up_at"],
                      "walk_in": p["walk_in"], "signed_in_at": p["signed_in_at"],
                      "signed_out_at": p["signed_out_at"], "hours_tenths": p["hours_tenths"],
                      "points": p["points"], "deed": p["deed_uid"],
                      "deed_status": p["deed_status"], "award_note": p["award_note"]})


def teams(scope: Scope) -> Iterator[dict]:
    """``team`` and ``team_member``. A team has no founding date: the day is when it
    was entered (``created_at``); a membership's uid is its team's uid and its row, and
    its role (a membership has none of its own) is ``leader`` for the team's leader,
    else ``member``."""
    uids = _uids(Team)
    leaders = dict(Team.select(Team.id, Team.leader).tuples())
    members = dict(TeamMember.select(TeamMember.team, pw.fn.COUNT(TeamMember.id))
                   .where(TeamMember.left_on.is_null()).group_by(TeamMember.team).tuples())
    for t in Team.select().order_by(Team.id).dicts().iterator():
        now = members.get(t["id"], 0)
        yield record("team", t["uid"], _day(t["created_at"]), None, now, None, None,
                     {"name": t["name"], "colour": t["colour"], "kind": t["kind"],
                      "parent": uids.get(t["parent"]),
                      "leader": scope.people.get(t["leader"]), "unit": t["unit"],
                      "active": t["active"], "members": now, "created_at": t["created_at"]})
    for m in TeamMember.select().order_by(TeamMember.id).dicts().iterator():
        who, team = scope.people[m["resident"]], uids[m["team"]]
        role = "leader" if leaders.get(m["team"]) == m["resident"] else "member"
        yield record("team_member", f"{team}-M{m['id']}", m["joined_on"], who, None, role,
                     team,
                     {"team": team, "role": role, "joined_on": m["joined_on"],
                      "left_on": m["left_on"], "created_at": m["created_at"]})


def store(scope: Scope) -> Iterator[dict]:
    """``store_sale`` (with its lines and vouchers) and ``store_movement``."""
    items = _uids(StoreItem)
    sales = (StoreSale.select().where(scope.new(StoreSale, StoreSale.id))
             .order_by(StoreSale.id).dicts().iterator())
    lines = _BySale(StoreSaleLine.select(StoreSaleLine.sale, StoreSaleLine.item,
                                          StoreSaleLine.quantity, StoreSaleLine.points_each)
                     .where(scope.new(StoreSale, StoreSaleLine.sale)))
    paid = _BySale(StoreSaleVoucher.select(StoreSaleVoucher.sale, Voucher.serial,
                                            StoreSaleVoucher.points)
                    .join(Voucher).where(scope.new(StoreSale, StoreSaleVoucher.sale)))
    for s in sales:
        yield record("store_sale", s["uid"], _day(s["at"]), scope.people[s["resident"]],
                     s["points"], None, None,
                     {"at": s["at"], "points": s["points"],
                      "from_balance": s["from_balance"], "from_vouchers": s["from_vouchers"],
                      "returned_points": s["returned_points"],
                      "lines": [{"item": items[i], "quantity": q, "points_each": e}
                                for i, q, e in lines.take(s["id"])],
                      "vouchers": [{"serial": v, "points": p}
                                   for v, p in paid.take(s["id"])]})
    sold = _uids(StoreSale)
    for m in (StockMovement.select().where(scope.new(StockMovement, StockMovement.id))
              .order_by(StockMovement.id).dicts().iterator()):
        data = {"item": items[m["item"]], "kind": m["kind"], "quantity": m["quantity"],
                "stock_after": m["stock_after"], "cost_fen": m["cost_fen"],
                "reason": m["reason"], "sale": sold.get(m["sale"]), "at": m["at"]}
        if scope.identities:
            data["donor"] = m["donor"]  # a unit, or a person's name
        yield record("store_movement", m["uid"], _day(m["at"]), None, m["quantity"],
                     m["kind"], items[m["item"]], data)


class _BySale:
    """Rows grouped by sale, read in sale order beside the sales themselves (a merge of
    two ordered cursors, so no year of lines is held)."""

    def __init__(self, query: pw.Select) -> None:
        sale = query.model.sale
        self._rows = query.order_by(sale, query.model.id).tuples().iterator()
        self._next = next(self._rows, None)

    def take(self, sale_id: int) -> list[tuple]:
        taken = []
        while self._next is not None and self._next[0] <= sale_id:
            if self._next[0] == sale_id:
                taken.append(self._next[1:])
            self._next = next(self._rows, None)
        return taken


def merchants(scope: Scope) -> Iterator[dict]:
    """``merchant``; its contact person and phone go only with ``identities``."""
    for m in Merchant.select().order_by(Merchant.id).dicts().iterator():
        data = {"name": m["name"], "active": m["active"], "created_at": m["created_at"],
                "address": m["address"], "offer": m["offer"], "terms": m["terms"],
                "share_percent": m["share_percent"], "agreement_from": m["agreement_from"],
                "agreement_to": m["agreement_to"]}
        if scope.identities:
            data.update(contact=m["contact"], phone=m["phone"])
        yield record("merchant", m["uid"], _day(m["created_at"]), None, None,
                     "active" if m["active"] else "suspended", None, data)


def statements(scope: Scope) -> Iterator[dict]:
    """``statement``: a merchant's statement, whatever its state now."""
    shops, own = _uids(Merchant), _uids(Statement)
    for s in Statement.select().order_by(Statement.id).dicts().iterator():
        shop = shops[s["merchant"]]
        yield record("statement", s["uid"], s["period_to"], None, s["amount_fen"],
                     s["state"], shop,
                     {"number": s["number"], "merchant": shop, "period_from": s["period_from"],
                      "period_to": s["period_to"], "state": s["state"],
                      "vouchers": s["vouchers"], "points": s["points"],
                      "rate_points": s["rate_points"], "rate_yuan": s["rate_yuan"],
                      "amount_fen": s["amount_fen"], "adjusts": own.get(s["adjusts"]),
                      "note": s["note"], "created_at": s["created_at"],
                      "approved_at": s["approved_at"], "paid_on": s["paid_on"],
                      "paid_reference": s["paid_reference"]})


def fund(scope: Scope) -> Iterator[dict]:
    """``fund_entry``; a donor (possibly a person) and the note only with ``identities``."""
    own, moves = _uids(Statement), _uids(StockMovement)
    for f in (FundEntry.select().where(scope.new(FundEntry, FundEntry.id))
              .order_by(FundEntry.id).dicts().iterator()):
        data = {"kind": f["kind"], "amount_fen": f["amount_fen"],
                "balance_after_fen": f["balance_after_fen"], "entry_date": f["entry_date"],
                "source": f["source"], "budget_line": f["budget_line"],
                "statement": own.get(f["statement"]),
                "stock_movement": moves.get(f["stock_movement"]), "at": f["at"]}
        if scope.identities:
            data.update(donor=f["donor"], note=f["note"])
        yield record("fund_entry", f["uid"], f["entry_date"], None, f["amount_fen"],
                     f["kind"], f["source"] or None, data)


def commendations(scope: Scope) -> Iterator[dict]:
    """``commendation``; the citation (which names the person) only with ``identities``."""
    nominations = _uids(Nomination)
    for c in Commendation.select().order_by(Commendation.id).dicts().iterator():
        person = scope.people.get(c["resident"])
        data = {"title": c["title"], "level": c["level"], "awarded_on": c["awarded_on"],
                "resident": person, "partner": scope.people.get(c["partner"]),
                "household": scope.homes.get(c["household"]),
                "nomination": nominations.get(c["nomination"]),
                "created_at": c["created_at"], "withdrawn_at": c["withdrawn_at"]}
        if scope.identities:
            data.update(citation=c["citation"], withdrawn_reason=c["withdrawn_reason"])
        yield record("commendation", c["uid"], c["awarded_on"], person, None, c["level"],
                     c["title"], data)
