"""Demo data mints genuine vouchers from invented history, so it loads only into an
empty station (which it then marks as a demo station) or one already marked so."""

from __future__ import annotations

import pytest

from app.models import AuditRecord, Resident
from app.services import demo, residents
from app.services.errors import DemoNeedsEmptyStation
from app.services.residents import ResidentInput


def test_demo_is_refused_on_a_station_with_real_residents(ctx, resident, counts):
    """One real resident is enough: the refusal says what is there and what to do."""
    before = counts()
    with pytest.raises(DemoNeedsEmptyStation) as err:
        demo.generate(ctx, residents=20)
    assert "--data-dir" in err.value.message("zh") and "1 位居民" in err.value.message("zh")
    assert counts() == before


def test_an_empty_station_becomes_a_demo_station(ctx):
    """Loading demo data into a freshly set-up station marks it, so it can be loaded again
    (a trainer adds more) even after residents were registered in it."""
    demo.generate(ctx, residents=20)
    assert AuditRecord.select().where(AuditRecord.action == "station.demo").count() == 1
    residents.register(ctx, ResidentInput(name="练习员"))
    demo.generate(ctx, residents=10, seed=2)
    assert Resident.select().count() == 31
    assert AuditRecord.select().where(AuditRecord.action == "station.demo").count() == 1


def test_a_refused_demo_leaves_no_mark(ctx, resident):
    with pytest.raises(DemoNeedsEmptyStation):
        demo.generate(ctx, residents=5)
    assert not AuditRecord.select().where(AuditRecord.action == "station.demo").exists()
