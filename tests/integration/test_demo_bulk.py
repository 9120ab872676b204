"""A large demo load rebuilds the indexes it set aside, and keeps every invariant."""

from __future__ import annotations

from app.models import database
from app.models.db import is_sqlite
from app.services import demo, integrity, search


def all_indexes() -> set[str]:
    return {i.name for model in demo.BULK_TABLES
            for i in database.get_indexes(model._meta.table_name)}


def test_bulk_load_keeps_indexes_and_invariants(ctx):
    """20,000 residents (the bulk path on SQLite): same indexes after, check passes,
    search works."""
    before = all_indexes()
    made = demo.generate(ctx, residents=20_000, seed=11, activity=0.2)
    assert made["residents"] == 20_000
    assert all_indexes() == before
    assert integrity.run_check(ctx.keys_dir, quick=True).ok
    assert search.search("z", limit=5).hits
    if is_sqlite():
        plan = database.execute_sql(
            "EXPLAIN QUERY PLAN SELECT resident_id FROM resident_search_term WHERE term > 'z' "
            "AND term < 'zz' ORDER BY term, rank, resident_id").fetchall()
        assert "USING COVERING INDEX" in str(plan) or "USING INDEX" in str(plan)
