"""Demo honour roll: commendations for persons, pairs and a household with one withdrawn,
nominations in every state, made through the services (every invariant holds), once; a
small station gets what its few residents allow."""

from __future__ import annotations

from app.models import AuditRecord
from app.models.honour import Commendation, Nomination
from app.services import demo, demo_honours, integrity


def test_demo_honours_in_every_state(ctx):
    demo.generate(ctx, residents=40)
    rows = list(Commendation.select())
    assert len(rows) == len(demo_honours.COMMENDATIONS) + 2  # one withdrawn, one accepted
    assert [r.title for r in rows if r.withdrawn_at] == ["最美家庭"]
    assert any(r.partner_id for r in rows) and any(r.household_id for r in rows)
    assert {n.state for n in Nomination.select()} == {"pending", "accepted", "declined"}
    accepted = Nomination.get(Nomination.state == "accepted")
    assert Commendation.select().where(Commendation.nomination == accepted.id).count() == 1
    assert AuditRecord.select().where(AuditRecord.action == "honour.record").count() == len(rows)
    assert integrity.run_check(ctx.keys_dir).ok
    demo.generate(ctx, residents=5)  # more demo residents: the honours are not made twice
    assert Commendation.select().count() == len(rows)


def test_a_small_demo_station_gets_what_it_can(ctx):
    demo.generate(ctx, residents=3)
    assert Commendation.select().where(Commendation.withdrawn_at.is_null()).count() >= 3
    assert Nomination.select().count() >= 1
    assert integrity.run_check(ctx.keys_dir).ok
