"""Demo data ends with the demo clerk's last days closed: saved close-outs to open and
reprint, each agreeing with its records, and every invariant holds afterwards."""

from __future__ import annotations

import datetime as dt
import json

from app.models import Clerk, Closeout
from app.services import closeout, demo, demo_station, integrity
from app.services.closeout_figures import Window, compute


def test_demo_closes_the_last_days(ctx, clock):
    made = demo.generate(ctx, residents=300, seed=3)
    assert made["closeouts"] == 3
    saved = closeout.listing(ctx)
    days = [clock.today() - dt.timedelta(days=n) for n in (1, 2, 3)]
    assert [c.business_date for c in saved] == [str(d) for d in days]
    assert {c.clerk for c in saved} == {demo_station.CLERK_USERNAME}
    clerk = Clerk.get(Clerk.username == demo_station.CLERK_USERNAME)
    for row in Closeout.select():
        view = closeout.get(ctx, row.id)
        assert view.differences == 0
        assert sum(f["records"]["count"] for f in view.figures) > 0
        # What each read from its floors is what reading every table whole gives.
        whole = Window(clerk.id, dt.datetime.fromisoformat(view.from_at),
                       dt.datetime.fromisoformat(view.to_at))
        assert compute(whole) == json.loads(row.figures)["figures"]
    assert integrity.run_check(ctx.keys_dir, quick=True).ok
    assert demo.generate(ctx, residents=10, seed=4)["closeouts"] == 0
