"""Every report figure counted again from the raw rows, by plain SQL reads and Python,
written apart from the report's service: what the ledger and the records say."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from app.models import database

CATS = ("social", "family", "professional", "personal")
LEVELS = ("community", "street", "district", "city", "province", "national")


def _rows(sql: str) -> list[tuple]:
    return list(database.execute_sql(sql).fetchall())


def _day(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


class Recount:
    def __init__(self, start: dt.date, end: dt.date, tag: str | None = None) -> None:
        self.start, self.end = start, end
        residents = _rows("SELECT id, grid, tags FROM resident")
        self.grid = {rid: grid for rid, grid, _ in residents}
        self.who = {rid for rid, _, tags in residents
                    if tag is None or tag in (tags or "").split(",")}
        self.tag = tag
        self.out: dict[str, int | float] = {}

    def inside(self, value: object) -> bool:
        return value is not None and self.start <= _day(value) <= self.end

    def figures(self) -> dict[str, int | float]:
        self.volunteering()
        self.points()
        self.vouchers()
        self.store_and_settlements()
        self.honours()
        return self.out

    def volunteering(self) -> None:
        acts = {aid: (day, state) for aid, day, state in
                _rows("SELECT id, date, state FROM activity")}
        parts = [(aid, rid, role, tenths) for aid, rid, role, at, tenths in _rows(
            "SELECT activity_id, resident_id, role, signed_in_at, hours_tenths FROM participant")
            if at is not None and acts[aid][1] == "closed"]
        here = [p for p in parts if self.inside(acts[p[0]][0]) and p[1] in self.who]
        closed_here = {a for a, (day, state) in acts.items()
                       if state == "closed" and self.inside(day)}
        o = self.out
        o["activities"] = len(closed_here if self.tag is None else {p[0] for p in here})
        for role, key in (("volunteer", "volunteers"), ("audience", "audience")):
            mine = [p for p in here if p[2] == role]
            o[f"{key}.persons"] = len({p[1] for p in mine})
            o[f"{key}.person_times"] = len(mine)
        o["volunteers.hours"] = sum(p[3] or 0 for p in here if p[2] == "volunteer") / 10
        first: dict[int, dt.date] = {}
        for aid, rid, role, _ in parts:
            if role == "volunteer":
                day = _day(acts[aid][0])
                first[rid] = min(first.get(rid, day), day)
        o["volunteers.new"] = sum(1 for rid, day in first.items()
                                  if rid in self.who and self.start <= day <= self.end)
        teams = dict(_rows("SELECT id, name FROM team"))
        by_act = defaultdict(list)
        for aid, tid in _rows("SELECT activity_id, team_id FROM activity_team"):
            by_act[aid].append(teams[tid])
        counted = closed_here if self.tag is None else {p[0] for p in here}
        for aid in counted:
            for name in by_act[aid]:
                o[f"team.{name}.activities"] = o.get(f"team.{name}.activities", 0) + 1
        for aid, _, role, tenths in here:
            for name in by_act[aid] if role == "volunteer" else ():
                o.setdefault(f"team.{name}.activities", 0)
                key = f"team.{name}.volunteers."
                o[key + "person_times"] = o.get(key + "person_times", 0) + 1
                o[key + "hours"] = o.get(key + "hours", 0) + (tenths or 0) / 10
        for key in [k for k in o if k.startswith("team.") and k.endswith(".activities")]:
            o.setdefault(key.replace(".activities", ".volunteers.person_times"), 0)
            o.setdefault(key.replace(".activities", ".volunteers.hours"), 0)
        for grid in {self.grid[p[1]] or "-" for p in here}:
            mine = [p for p in here if (self.grid[p[1]] or "-") == grid]
            volunteers = [p for p in mine if p[2] == "volunteer"]
            o[f"grid.{grid}.volunteers.persons"] = len({p[1] for p in volunteers})
            o[f"grid.{grid}.volunteers.person_times"] = len(volunteers)
            o[f"grid.{grid}.volunteers.hours"] = sum(p[3] or 0 for p in volunteers) / 10
            o[f"grid.{grid}.audience.person_times"] = sum(1 for p in mine if p[2] == "audience")

    def points(self) -> None:
        types = {tid: (code, cat) for tid, code, cat in
                 _rows("SELECT id, code, category FROM deed_type")}
        deed_type = dict(_rows("SELECT id, deed_type_id FROM deed"))
        entries = [e for e in _rows("SELECT resident_id, kind, points, deed_id, business_date "
                                    "FROM ledger_entry") if self.inside(e[4]) and e[0] in self.who]
        o = self.out
        for kind, key, sign in (("award", "awarded", 1), ("deduct", "deducted", -1)):
            mine = [e for e in entries if e[1] == kind]
            o[f"{key}.persons"] = len({e[0] for e in mine})
            o[f"{key}.person_times"] = len(mine)
            o[f"{key}.points"] = sign * sum(e[2] for e in mine)
            for cat in CATS:
                of_cat = [e for e in mine if types[deed_type[e[3]]][1] == cat]
                o[f"{key}.category.{cat}.persons"] = len({e[0] for e in of_cat})
                o[f"{key}.category.{cat}.points"] = sign * sum(e[2] for e in of_cat)
            for e in mine:
                code = types[deed_type[e[3]]][0]
                base = f"{key}.type.{code}."
                o[base + "person_times"] = o.get(base + "person_times", 0) + 1
                o[base + "points"] = o.get(base + "points", 0) + sign * e[2]
            for grid in {self.grid[e[0]] for e in entries if e[1] in ("award", "deduct")}:
                in_grid = [e for e in mine if self.grid[e[0]] == grid]
                o[f"grid.{grid or '-'}.{key}.persons"] = len({e[0] for e in in_grid})
                o[f"grid.{grid or '-'}.{key}.points"] = sign * sum(e[2] for e in in_grid)
        reversals = [e for e in entries if e[1] == "reversal"]
        o["reversals.count"] = len(reversals)
        o["reversals.points"] = sum(e[2] for e in reversals)
        cleared = [e for e in entries if e[1] == "expire"]
        o["cleared.persons"] = len({e[0] for e in cleared})
        o["cleared.points"] = -sum(e[2] for e in cleared)

    def vouchers(self) -> None:
        vouchers = {vid: (rid, points, issued) for vid, rid, points, issued in
                    _rows("SELECT id, resident_id, points, issue_date FROM voucher")
                    if rid in self.who}
        shops = dict(_rows("SELECT id, name FROM merchant"))
        o = self.out
        issued = [v for v in vouchers.values() if self.inside(v[2])]
        o["vouchers.issued.count"] = len(issued)
        o["vouchers.issued.persons"] = len({v[0] for v in issued})
        o["vouchers.issued.points"] = sum(v[1] for v in issued)
        resolved = [(kind, shop, vouchers[vid][1]) for vid, kind, at, shop in _rows(
            "SELECT voucher_id, kind, at, merchant_id FROM voucher_resolution")
            if vid in vouchers and self.inside(at)]
        for key, test in (("redeemed", lambda k, s: k == "redeemed"),
                          ("redeemed.store", lambda k, s: k == "redeemed" and s is None),
                          ("voided", lambda k, s: k == "voided"),
                          ("expired", lambda k, s: k == "expired")):
            mine = [p for k, s, p in resolved if test(k, s)]
            o[f"vouchers.{key}.count"], o[f"vouchers.{key}.points"] = len(mine), sum(mine)
        for kind, shop, points in resolved:
            if kind == "redeemed" and shop is not None:
                base = f"vouchers.redeemed.merchant.{shops[shop]}."
                o[base + "count"] = o.get(base + "count", 0) + 1
                o[base + "points"] = o.get(base + "points", 0) + points

    def store_and_settlements(self) -> None:
        sales = [s for s in _rows("SELECT resident_id, points, from_balance, from_vouchers, "
                                  "returned_points, at FROM store_sale")
                 if self.inside(s[5]) and s[0] in self.who]
        o = self.out
        o["store.sales.count"] = len(sales)
        o["store.sales.persons"] = len({s[0] for s in sales})
        o["store.sales.points"] = sum(s[1] for s in sales)
        o["store.sales.from_balance"] = sum(s[2] - s[4] for s in sales)
        o["store.sales.from_vouchers"] = sum(s[3] for s in sales)
        shops = dict(_rows("SELECT id, name FROM merchant"))
        statements = _rows("SELECT merchant_id, vouchers, points, amount_fen, approved_at, "
                           "paid_on FROM statement")
        approved = [s for s in statements if self.inside(s[4])]
        o["settlement.approved.count"] = len(approved)
        o["settlement.approved.vouchers"] = sum(s[1] for s in approved)
        o["settlement.approved.points"] = sum(s[2] for s in approved)
        o["settlement.approved.amount_fen"] = sum(s[3] for s in approved)
        for s in approved:
            key = f"settlement.merchant.{shops[s[0]]}.amount_fen"
            o[key] = o.get(key, 0) + s[3]
        paid = [s for s in statements if self.inside(s[5])]
        o["settlement.paid.count"] = len(paid)
        o["settlement.paid.amount_fen"] = sum(s[3] for s in paid)

    def honours(self) -> None:
        given = [(title, level) for title, level, day, rid, partner, gone in _rows(
            "SELECT title, level, awarded_on, resident_id, partner_id, withdrawn_at "
            "FROM commendation")
            if gone is None and self.inside(day)
            and (self.tag is None or rid in self.who or partner in self.who)]
        o = self.out
        o["honours.count"] = len(given)
        for level in LEVELS:
            o[f"honours.level.{level}"] = sum(1 for _, lv in given if lv == level)
        for title, _ in given:
            o[f"honours.title.{title}"] = o.get(f"honours.title.{title}", 0) + 1


def both(start: dt.date, end: dt.date, before: tuple[dt.date, dt.date],
         tag: str | None = None) -> tuple[dict, dict]:
    """The figures of the period and of the one before, each holding every key either has
    (a key found in one only is 0 in the other)."""
    now = Recount(start, end, tag).figures()
    earlier = Recount(*before, tag).figures()
    keys = now.keys() | earlier.keys()
    return {k: now.get(k, 0) for k in keys}, {k: earlier.get(k, 0) for k in keys}
