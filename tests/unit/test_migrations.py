"""Schema migrations: a fresh database starts at the newest version; a database at the
previous version is brought forward with its data intact."""

from __future__ import annotations

import peewee as pw
import pytest

from app.models import LedgerEntry, Resident, database
from app.models.db import is_sqlite
from app.models.migrations import (
    LATEST,
    SchemaVersion,
    current_version,
    migrate,
    missing_guards,
)
from app.services import deeds, integrity, seal, vouchers

NEW_INDEXES = ("resident_search_term_term_rank_resident_id", "ledger_entry_kind_business_date")


def index_names(table: str) -> set[str]:
    return {i.name for i in database.get_indexes(table)}


def test_fresh_database_is_at_the_latest_version(db):
    """A new station's schema is created at the newest version, with every index."""
    assert current_version() == LATEST >= 2
    assert NEW_INDEXES[0] in index_names("resident_search_term")
    assert NEW_INDEXES[1] in index_names("ledger_entry")


def _back_to_version_13() -> None:
    """Undo step 14: no district tables, no pseudonym secret or identity sharing."""
    from app.models import DISTRICT_MODELS

    database.drop_tables(DISTRICT_MODELS)
    for column in ("package_secret", "share_identities"):
        database.execute_sql(f'ALTER TABLE "station" DROP COLUMN "{column}"')
    SchemaVersion.update(version=13).execute()


def _back_to_version_12() -> None:
    """Undo steps 14 and 13: no tag list, honour roll or objections; no notice or roster
    columns."""
    from app.models import RECORDS_MODELS

    _back_to_version_13()
    database.drop_tables(RECORDS_MODELS)
    for table, column in (("resident", "relation"), ("resident", "note"),
                          ("station", "notice_days"), ("deed", "notice_until")):
        database.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    SchemaVersion.update(version=12).execute()


def _back_to_version_11() -> None:
    """Undo steps 13 and 12: no donor or store purchase on a fund entry; statements
    guarded by the services alone."""
    from app.models import FundEntry
    from app.models.frozen import guard_names

    _back_to_version_12()
    for name, table in guard_names(is_sqlite()).items():
        on = "" if is_sqlite() else f' ON "{table}"'
        database.execute_sql(f'DROP TRIGGER "{name}"{on}')
    if not is_sqlite():
        for column in ("donor", "stock_movement_id"):
            database.execute_sql(f'ALTER TABLE "fund_entry" DROP COLUMN "{column}"')
    else:  # SQLite drops no column under a foreign key: the table is made again without
        new, _ = FundEntry._schema._create_table(safe=False).query()
        for step_12 in (', "donor" VARCHAR(255) NOT NULL DEFAULT \'\'',
                        ', "stock_movement_id" INTEGER',
                        ', FOREIGN KEY ("stock_movement_id") REFERENCES "stock_movement" ("id")'):
            assert step_12 in new
            new = new.replace(step_12, "")
        kept = ", ".join(f'"{c.name}"' for c in database.get_columns("fund_entry")
                         if c.name not in ("donor", "stock_movement_id"))
        database.execute_sql('ALTER TABLE "fund_entry" RENAME TO "fund_entry_12"')
        for index in database.get_indexes("fund_entry_12"):
            database.execute_sql(f'DROP INDEX "{index.name}"')
        database.execute_sql(new)
        database.execute_sql(f'INSERT INTO "fund_entry" ({kept}) '
                             f'SELECT {kept} FROM "fund_entry_12"')
        database.execute_sql('DROP TABLE "fund_entry_12"')
        for index in FundEntry._schema._create_indexes(safe=False):
            if "stock_movement" not in index.query()[0]:
                database.execute_sql(index.query()[0])
    SchemaVersion.update(version=11).execute()


def _back_to_version_10() -> None:
    """Undo steps 13 to 11: no store, statements, fund or close-outs; merchants are names."""
    from app.models import ECONOMY_MODELS

    _back_to_version_12()
    database.drop_tables(ECONOMY_MODELS)
    for column in ("contact", "phone", "address", "offer", "terms", "share_percent",
                   "agreement_from", "agreement_to"):
        database.execute_sql(f'ALTER TABLE "merchant" DROP COLUMN "{column}"')
    SchemaVersion.update(version=10).execute()


def _back_to_version_9() -> None:
    """Undo steps 11 and 10: no requests, rooms or certificate register."""
    from app.models import STATION_LIFE_MODELS

    _back_to_version_10()
    database.drop_tables(STATION_LIFE_MODELS)
    SchemaVersion.update(version=9).execute()


def _back_to_version_8() -> None:
    """Undo steps 10 and 9: no volunteer tables."""
    from app.models import VOLUNTEER_MODELS

    _back_to_version_9()
    database.drop_tables(VOLUNTEER_MODELS)
    SchemaVersion.update(version=8).execute()


def _back_to_version_7() -> None:
    """Undo steps 9 and 8: no volunteer tables, no demo flag on the station row."""
    _back_to_version_8()
    database.execute_sql('ALTER TABLE "station" DROP COLUMN "demo"')
    SchemaVersion.update(version=7).execute()


def _back_to_version_6() -> None:
    """Undo steps 9 to 7: no volunteer tables, no demo flag; the deed indexes on type,
    recorder and reviewer are back."""
    _back_to_version_7()
    for column in ("deed_type_id", "recorded_by_id", "reviewed_by_id"):
        database.execute_sql(f'CREATE INDEX "deed_{column}" ON "deed" ("{column}")')
    SchemaVersion.update(version=6).execute()


def _back_to_version_5() -> None:
    """Undo steps 9 to 6: no volunteer tables, no demo flag, no verified checkpoint, no
    serial index, the three unread indexes."""
    _back_to_version_6()
    database.execute_sql('DROP TABLE "verified_checkpoint"')
    database.execute_sql('DROP INDEX "ledger_entry_voucher_serial"')
    for column in ("request_id", "clerk_id", "deed_id"):
        database.execute_sql(f'CREATE INDEX "ledger_entry_{column}" ON "ledger_entry" ("{column}")')
    SchemaVersion.update(version=5).execute()


def _back_to_version_2() -> None:
    """Undo steps 6, 5, 4 and 3: no checkpoint, no desk placements, no request clerks, no
    seals, no nonces, no serial floors."""
    _back_to_version_5()
    database.execute_sql('DROP TABLE "desk_placement"')
    database.execute_sql('ALTER TABLE "operation_record" DROP COLUMN "clerk_id"')
    for table in ("ledger_entry", "voucher", "voucher_resolution", "audit_record",
                  "operation_record"):
        database.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "mac"')
    database.execute_sql('ALTER TABLE "voucher" DROP COLUMN "nonce"')
    database.execute_sql('DROP TABLE "serial_floor"')
    SchemaVersion.update(version=2).execute()


def test_version_2_migrates_and_its_rows_are_sealed_once(ctx, resident, give):
    """A version 2 station gains seals: its existing rows are sealed right after the
    migration (with the station secret), and the whole check passes."""
    give(resident.id, 30)
    vouchers.issue(ctx, resident.id, 20)
    _back_to_version_2()
    assert migrate() == LATEST
    assert not integrity.run_check(ctx.keys_dir).ok  # unsealed rows are findings
    assert seal.seal_existing(ctx.keys_dir) > 0
    assert integrity.run_check(ctx.keys_dir).ok
    assert not missing_guards()


def test_version_1_migrates_to_2_with_data_intact(ctx, resident):
    """Turn the station back into a version 1 database, then migrate it forward."""
    deeds.record_deed(ctx, resident.id, "DONATION")
    _back_to_version_2()
    for name in NEW_INDEXES:
        database.execute_sql(f'DROP INDEX "{name}"')
    database.execute_sql('CREATE INDEX "resident_search_term_term" '
                         'ON "resident_search_term" ("term")')
    SchemaVersion.update(version=1).execute()
    assert migrate() == LATEST and current_version() == LATEST
    assert NEW_INDEXES[0] in index_names("resident_search_term")
    assert "resident_search_term_term" not in index_names("resident_search_term")
    assert Resident.get_by_id(resident.id).balance == 2
    assert LedgerEntry.select().count() == 1
    seal.seal_existing(ctx.keys_dir)
    assert integrity.run_check(ctx.keys_dir).ok


def test_a_database_without_desk_placements_migrates_and_keeps_them_append_only(ctx, resident):
    """Step 5 adds the placement table (append-only) to a version 4 database."""
    from app.models import DeskPlacement
    from app.models.migrations import DESK_PLACEMENTS_STEP

    deeds.record_deed(ctx, resident.id, "DONATION")
    _back_to_version_5()
    database.drop_tables([DeskPlacement])
    SchemaVersion.update(version=DESK_PLACEMENTS_STEP - 1).execute()
    assert not database.table_exists("desk_placement")
    assert migrate() == LATEST and current_version() == LATEST
    row = DeskPlacement.create(desk_no=1, machine="m" * 64, location="/here", reason="first",
                               clerk="", at=ctx.clock.now())
    refused = pw.IntegrityError if is_sqlite() else pw.InternalError  # see test_ledger
    with pytest.raises(refused), database.atomic():
        DeskPlacement.update(desk_no=2).where(DeskPlacement.id == row.id).execute()
    assert Resident.get_by_id(resident.id).balance == 2
    assert integrity.run_check(ctx.keys_dir).ok


def test_version_6_drops_the_deed_indexes_nothing_reads(ctx, resident):
    """Step 7 removes the deed indexes on type, recorder and reviewer; deeds keep being
    recorded, capped and reviewed, and the whole check passes."""
    from app.models.migrations import UNREAD_DEED_INDEXES

    deeds.record_deed(ctx, resident.id, "DONATION")
    _back_to_version_6()
    assert set(UNREAD_DEED_INDEXES) <= index_names("deed")
    assert migrate() == LATEST and current_version() == LATEST
    assert not set(UNREAD_DEED_INDEXES) & index_names("deed")
    assert "deed_resident_id_deed_type_id_deed_date" in index_names("deed")
    deeds.record_deed(ctx, resident.id, "DONATION")
    assert deeds.cap_state(resident.id, "DONATION", ctx.clock.today()).used == 2
    assert Resident.get_by_id(resident.id).balance == 4
    assert integrity.run_check(ctx.keys_dir).ok


def test_a_station_marked_demo_in_its_audit_log_gets_the_demo_flag(ctx):
    """Step 8 reads the older marker (an audit record) into the station's demo flag; a
    station without it stays real."""
    from app.models.station import station_code
    from app.services import audit, station

    _back_to_version_7()
    assert migrate() == LATEST and not station.current().demo
    _back_to_version_7()
    audit.record(ctx, "station.demo", station_code())
    assert migrate() == LATEST and station.current().demo


def _schema() -> dict[str, object]:
    """Every table's columns (name, type, not null, default, key), indexes (name, unique,
    columns) and the append-only triggers, independent of column order."""
    out: dict[str, object] = {}
    for table in sorted(database.get_tables()):
        columns = {(c.name, c.data_type.upper(), c.null, c.default, c.primary_key)
                   for c in database.get_columns(table)}
        indexes = {(i.name, i.unique, tuple(i.columns)) for i in database.get_indexes(table)}
        out[table] = (columns, indexes)
    out["guards missing"] = missing_guards()
    return out


def test_a_migrated_database_equals_a_fresh_one(db):
    """Version 1 brought forward step by step has exactly the schema a new station gets
    from the models: no column type, index or guard differs."""
    fresh = _schema()
    _back_to_version_2()
    for name in NEW_INDEXES:
        database.execute_sql(f'DROP INDEX "{name}"')
    database.execute_sql('CREATE INDEX "resident_search_term_term" '
                         'ON "resident_search_term" ("term")')
    database.execute_sql('CREATE INDEX "resident_search_term_resident_id" '
                         'ON "resident_search_term" ("resident_id")')
    SchemaVersion.update(version=1).execute()
    assert _schema() != fresh
    migrate()
    assert _schema() == fresh


def test_a_database_without_volunteering_gains_its_tables(ctx, resident):
    """Step 9 adds the volunteer tables to a version 8 database, its data intact; an
    activity can then be planned."""
    import datetime as dt

    from app.models import VOLUNTEER_MODELS
    from app.services import activities

    deeds.record_deed(ctx, resident.id, "DONATION")
    _back_to_version_8()
    assert not database.table_exists(VOLUNTEER_MODELS[0]._meta.table_name)
    assert migrate() == LATEST and current_version() == LATEST
    made = activities.add_activity(ctx, activities.ActivityPlan(
        title="义诊", date=dt.date(2026, 11, 23), start=dt.time(8, 0), end=dt.time(9, 0),
        deed_type="SKILLED_SERVICE", kind="clinic"))
    assert made.kind == "义诊义剪"
    assert Resident.get_by_id(resident.id).balance == 2


def test_a_version_9_database_gains_requests_rooms_and_a_guarded_register(ctx, resident):
    """Step 10 adds the request, room and certificate tables to a version 9 database, its
    data intact; the certificate register refuses changes like the ledger."""
    import datetime as dt

    from app.models import STATION_LIFE_MODELS, Clerk, VolunteerCertificate

    deeds.record_deed(ctx, resident.id, "DONATION")
    _back_to_version_9()
    assert not any(database.table_exists(m._meta.table_name) for m in STATION_LIFE_MODELS)
    assert migrate() == LATEST and current_version() == LATEST
    assert not missing_guards()
    row = VolunteerCertificate.create(
        number="2026-0001", resident=resident.id, hours_tenths=30, activities=1,
        issued_by=Clerk.select().first(), issued_at=dt.datetime(2026, 11, 30, 9, 0))
    with pytest.raises(pw.DatabaseError), database.atomic():
        VolunteerCertificate.update(hours_tenths=300).where(
            VolunteerCertificate.id == row.id).execute()
    assert Resident.get_by_id(resident.id).balance == 2


def test_a_version_10_database_gains_the_points_economy(ctx, resident, merchant, give):
    """Step 11 adds the store, statements, fund and close-out tables and the merchants'
    details to a version 10 database, its merchants, vouchers and ledger intact (a voucher
    for a merchant holds the merchant's row: the columns are added in place, not by
    rebuilding the table); the new books are append-only and a store item's stock cannot
    go below zero."""
    import datetime as dt

    from app.models import ECONOMY_MODELS, Clerk, FundEntry, Merchant, StoreItem

    deeds.record_deed(ctx, resident.id, "DONATION")
    give(resident.id, 10)
    vouchers.issue(ctx, resident.id, 10, scope="merchant", merchant=merchant)
    names = [m.name for m in Merchant.select().order_by(Merchant.id)]
    _back_to_version_10()
    assert "phone" not in {c.name for c in database.get_columns("merchant")}
    assert migrate() == LATEST and current_version() == LATEST
    assert not missing_guards() and all(database.table_exists(m._meta.table_name)
                                        for m in ECONOMY_MODELS)
    assert [(m.name, m.phone) for m in Merchant.select().order_by(Merchant.id)] == \
        [(n, "") for n in names]
    now = dt.datetime(2026, 11, 30, 9, 0)
    item = StoreItem.create(uid="i1", name="香皂", points=10, stock=1, created_at=now)
    with pytest.raises(pw.IntegrityError), database.atomic():
        StoreItem.update(stock=StoreItem.stock - 2).where(StoreItem.id == item.id).execute()
    entry = FundEntry.create(uid="f1", kind="contribution", amount_fen=100_000,
                             balance_after_fen=100_000, entry_date=now.date(),
                             clerk=Clerk.select().first(), request_id="r1", at=now)
    with pytest.raises(pw.DatabaseError), database.atomic():
        FundEntry.update(amount_fen=1).where(FundEntry.id == entry.id).execute()
    assert Resident.get_by_id(resident.id).balance == 2


def test_a_version_11_database_gains_fund_donors_and_frozen_statements(ctx, resident, give,
                                                                       merchant):
    """Step 12 adds a fund entry's donor and links each store-purchase payment to its stock
    movement (named in the payment's uid), and freezes approved statements in the
    database; the fund's book stays append-only."""
    from app.models import FundEntry, Statement
    from app.services import fund, redemption, settlement, store_items, store_stock

    store_items.add_item(ctx, store_items.ItemInput(name="香皂", points=10))
    store_stock.receive(ctx, "香皂", 5, cost_yuan="12.50")
    fund.contribute(ctx, "100", "幸福里社区党委")
    paid = fund.record_store_purchases(ctx).rows
    give(resident.id, 20)
    for v in vouchers.issue(ctx, resident.id, 20, scope="merchant",
                            merchant=merchant).vouchers:
        redemption.redeem(ctx, v.token, merchant)
    made = settlement.draft(ctx, merchant, *settlement.month("2026-11"))
    settlement.approve(ctx, made.number)
    _back_to_version_11()
    assert "donor" not in {c.name for c in database.get_columns("fund_entry")}
    assert migrate() == LATEST and not missing_guards()
    entries = list(FundEntry.select().order_by(FundEntry.id))
    assert [e.donor for e in entries] == ["", ""]
    assert [e.stock_movement_id is not None for e in entries] == [False, True]
    assert entries[1].id == paid[0].id and entries[1].amount_fen == -1250
    with pytest.raises(pw.DatabaseError), database.atomic():
        Statement.update(amount_fen=1).where(Statement.number == made.number).execute()
    with pytest.raises(pw.DatabaseError), database.atomic():
        FundEntry.update(donor="x").execute()


def test_a_version_12_database_gains_tags_honours_and_notice(ctx, resident):
    """Step 13 seeds the station's tag list (every code residents carry is on it), adds
    the honour roll and objection tables, each deed's notice end, the station's notice
    period of three days, and the roster's relation and remark, residents intact."""
    from app.models import RECORDS_MODELS, Deed, Station, Tag
    from app.models.tag import SEED

    deeds.record_deed(ctx, resident.id, "DONATION")
    Resident.update(tags="elderly_alone,veteran").where(Resident.id == resident.id).execute()
    _back_to_version_12()
    assert not database.table_exists("tag")
    assert migrate() == LATEST and all(database.table_exists(m._meta.table_name)
                                       for m in RECORDS_MODELS)
    assert [t.code for t in Tag.select().order_by(Tag.sort_order)] == [c for c, _, _ in SEED]
    assert {"elderly_alone", "veteran"} <= {t.code for t in Tag.select()}
    assert Station.get().notice_days == 3
    kept = Resident.get_by_id(resident.id)
    assert (kept.relation, kept.note, kept.balance) == ("", "", 2)
    assert [d.notice_until for d in Deed.select()] == [None]


def test_a_version_13_database_gains_the_district_tables(ctx, resident):
    """Step 14 adds the package and centre tables, a random pseudonym secret for the
    station (a different one in each database) and identity sharing switched off."""
    from app.models import DISTRICT_MODELS, Station

    deeds.record_deed(ctx, resident.id, "DONATION")
    _back_to_version_13()
    assert not database.table_exists("package_export")
    assert migrate() == LATEST and all(database.table_exists(m._meta.table_name)
                                       for m in DISTRICT_MODELS)
    station = Station.get()
    assert len(station.package_secret) == 64 and station.share_identities is False
    assert Resident.get_by_id(resident.id).balance == 2
