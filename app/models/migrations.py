"""Schema versions: a fresh database is created at the newest version; an older one
is brought forward one numbered step at a time, each step in its own transaction.

A step is a function taking a ``playhouse.migrate.SchemaMigrator`` so that the same
step runs on SQLite and PostgreSQL. The SQLite file is copied aside before any step
runs (see ``app.services.backup.backup_before_migration``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import peewee as pw

from app.models import ALL_MODELS, APPEND_ONLY, SerialFloor, frozen
from app.models.base import BaseModel
from app.models.db import database, is_sqlite
from app.models.tag import seed as seed_tags

if TYPE_CHECKING:
    # Loaded only when a step runs: it pulls in peewee's PostgreSQL and CockroachDB
    # extensions, and with them any PostgreSQL driver installed (see app.POSTGRES_DRIVERS).
    from playhouse.migrate import SchemaMigrator

Step = Callable[["SchemaMigrator"], None]


def migrate_ops(*operations: Any) -> None:
    from playhouse.migrate import migrate as run

    run(*operations)


class SchemaVersion(BaseModel):
    version = pw.IntegerField()


def _lookup_indexes(m: SchemaMigrator) -> None:
    """2: searches read (term, rank, resident) in order; every deed asks for the newest
    clearing by (kind, business_date); two single-column indexes were redundant."""
    migrate_ops(
        m.add_index("resident_search_term", ("term", "rank", "resident_id")),
        m.add_index("ledger_entry", ("kind", "business_date")),
    )
    for name in ("resident_search_term_term", "resident_search_term_resident_id"):
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')


def _seals_and_nonces(m: SchemaMigrator) -> None:
    """3: keyed seals on the value-carrying tables, the voucher nonce, and serial floors.
    Rows written before this step are sealed once, right after it, by
    ``app.services.seal.seal_existing`` (it needs the station secret, which migrations do
    not see)."""
    migrate_ops(*(m.add_column(table, "mac", pw.CharField(null=True))
                  for table in ("ledger_entry", "voucher", "voucher_resolution", "audit_record",
                                "operation_record")),
                m.add_column("voucher", "nonce", pw.CharField(null=True)))
    database.create_tables([SerialFloor])
    install_guards()


SEALED_SINCE = 3


def _request_clerk(m: SchemaMigrator) -> None:
    """4: a request id is bound to the clerk who made it (``OperationRecord.clerk_id``);
    older records keep no clerk."""
    migrate_ops(m.add_column("operation_record", "clerk_id", pw.IntegerField(null=True)))


def _desk_placements(m: SchemaMigrator) -> None:
    """5: where the data directory runs, so that a copy opened elsewhere is noticed."""
    from app.models.placement import DeskPlacement

    database.create_tables([DeskPlacement])
    install_guards()


DESK_PLACEMENTS_STEP = 5


def _checkpoint_and_indexes(m: SchemaMigrator) -> None:
    """6: the verified checkpoint the start-up check continues from; the issued-voucher
    sums read entries by serial; three indexes nothing reads are dropped (each cost every
    deed its page writes)."""
    from app.models.checkpoint import VerifiedCheckpoint

    database.create_tables([VerifiedCheckpoint])
    database.execute_sql('CREATE INDEX IF NOT EXISTS "ledger_entry_voucher_serial" '
                         'ON "ledger_entry" ("voucher_serial")')
    for name in ("ledger_entry_request_id", "ledger_entry_clerk_id", "ledger_entry_deed_id"):
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')


CHECKPOINT_STEP = 6

UNREAD_DEED_INDEXES = ("deed_deed_type_id", "deed_recorded_by_id", "deed_reviewed_by_id")


def _unread_deed_indexes(m: SchemaMigrator) -> None:
    """7: deeds are looked up by status, uid and (resident, type, date), never by type,
    recorder or reviewer alone: three indexes every deed paid for and nothing read."""
    for name in UNREAD_DEED_INDEXES:
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')


def _demo_flag(m: SchemaMigrator) -> None:
    """8: whether the station holds demo data, on the station row (read by every title
    and printout); stations marked so only in the audit log get the flag."""
    # Safe to run again, as steps 5 and 6 are (a database put back to an older version).
    if "demo" not in {c.name for c in database.get_columns("station")}:
        migrate_ops(m.add_column("station", "demo", pw.BooleanField(default=False)))
    database.execute_sql("UPDATE station SET demo = TRUE WHERE EXISTS (SELECT 1 FROM "
                         "audit_record WHERE action = 'station.demo')")


DEMO_FLAG_STEP = 8


def _volunteering(m: SchemaMigrator) -> None:
    """9: volunteer teams, projects, activities and their participants."""
    from app.models import VOLUNTEER_MODELS

    database.create_tables(VOLUNTEER_MODELS)


VOLUNTEERING_STEP = 9


def _requests_rooms_certificates(m: SchemaMigrator) -> None:
    """10: residents' requests, rooms and their bookings, the certificate register (an
    append-only table, guarded like the ledger)."""
    from app.models import STATION_LIFE_MODELS

    database.create_tables(STATION_LIFE_MODELS)
    install_guards()


STATION_LIFE_STEP = 10

MERCHANT_TEXT = ("contact", "phone", "address", "offer", "terms")
MERCHANT_OPTIONAL = {"share_percent": pw.IntegerField(null=True),
                     "agreement_from": pw.DateField(null=True),
                     "agreement_to": pw.DateField(null=True)}


def _points_economy(m: SchemaMigrator) -> None:
    """11: the points store, merchants' details and statements, the moral fund and the
    daily close-outs; the new books are append-only, guarded like the ledger.

    The merchants' text columns are added in place with the database's own default: a
    NOT NULL column added through peewee rebuilds the table on SQLite, and dropping the
    old merchant table fails its vouchers' foreign keys."""
    from app.models import ECONOMY_MODELS

    have = {c.name for c in database.get_columns("merchant")}
    for name in MERCHANT_TEXT:
        if name not in have:
            database.execute_sql(f'ALTER TABLE "merchant" ADD COLUMN "{name}" '
                                 "VARCHAR(255) NOT NULL DEFAULT ''")
    migrate_ops(*(m.add_column("merchant", name, field)
                  for name, field in MERCHANT_OPTIONAL.items() if name not in have))
    database.create_tables(ECONOMY_MODELS)
    install_guards()


ECONOMY_STEP = 11


def _add_filled(table: str, column: str, kind: str = "VARCHAR(255)",
                default: str = "''") -> None:
    """A NOT NULL column added in place, filled by the database (see step 11); ``kind`` as
    peewee declares the model's field, so a migrated schema equals a fresh one."""
    if column not in {c.name for c in database.get_columns(table)}:
        database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind} NOT NULL '
                             f"DEFAULT {default}")


def _fund_donor_and_frozen_statements(m: SchemaMigrator) -> None:
    """12: a fund entry's donor and the store purchase it paid (linked from the payment's
    uid, which names the stock movement); approved statements refused a change by the
    database as well as by the services."""
    _add_filled("fund_entry", "donor")
    if "stock_movement_id" not in {c.name for c in database.get_columns("fund_entry")}:
        from app.models import FundEntry

        migrate_ops(m.add_column("fund_entry", "stock_movement_id",
                                 FundEntry.stock_movement))
    drop_guards()  # the fund's book is append-only; the link is filled in once, here
    database.execute_sql(
        "UPDATE fund_entry SET stock_movement_id = (SELECT s.id FROM stock_movement s "
        "WHERE fund_entry.uid = (SELECT code FROM station) || '-F-' || s.uid) "
        "WHERE kind = 'payment' AND stock_movement_id IS NULL")
    install_guards()


FUND_STEP = 12


def _tags_honours_notice(m: SchemaMigrator) -> None:
    """13: the station's own tag list (seeded), the honour roll, objections to deeds on
    notice, each deed's notice end, the station's notice period, and the roster's
    relation to the household head and remark on each resident."""
    from app.models import RECORDS_MODELS, Deed, Station

    database.create_tables(RECORDS_MODELS)
    if Station.select().exists():  # a station not yet set up gets them when it is
        seed_tags(dt.datetime.now())
    _add_filled("resident", "relation")
    _add_filled("resident", "note", "TEXT")
    _add_filled("station", "notice_days", "INTEGER", "3")
    if "notice_until" not in {c.name for c in database.get_columns("deed")}:
        migrate_ops(m.add_column("deed", "notice_until", Deed.notice_until))


RECORDS_STEP = 13


def _district(m: SchemaMigrator) -> None:
    """14: district packages (what a station sent and got back) and a centre's tables; the
    station's secret for residents' pseudonyms (a random one each) and whether the centre
    may receive names, ID numbers and phones."""
    from app.models import DISTRICT_MODELS

    database.create_tables(DISTRICT_MODELS)
    if "package_secret" not in {c.name for c in database.get_columns("station")}:
        _add_filled("station", "package_secret")
        database.execute_sql(f"UPDATE station SET package_secret = {database.param}",
                             (secrets.token_hex(32),))
    _add_filled("station", "share_identities", "INTEGER" if is_sqlite() else "BOOLEAN",
                "FALSE")


DISTRICT_STEP = 14

# Step N brings a database from version N-1 to N. Version 1 is the first release,
# created from the models; later steps are appended here and never edited.
STEPS: dict[int, Step] = {2: _lookup_indexes, 3: _seals_and_nonces, 4: _request_clerk,
                          DESK_PLACEMENTS_STEP: _desk_placements,
                          CHECKPOINT_STEP: _checkpoint_and_indexes, 7: _unread_deed_indexes,
                          DEMO_FLAG_STEP: _demo_flag, VOLUNTEERING_STEP: _volunteering,
                          STATION_LIFE_STEP: _requests_rooms_certificates,
                          ECONOMY_STEP: _points_economy,
                          FUND_STEP: _fund_donor_and_frozen_statements,
                          RECORDS_STEP: _tags_honours_notice, DISTRICT_STEP: _district}
LATEST = 1 + len(STEPS)


class NewerSchemaError(RuntimeError):
    """The database was written by a newer StationDesk than this one."""


def current_version() -> int | None:
    if not database.table_exists(SchemaVersion._meta.table_name):
        return None
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    return row.version if row else None


def needs_migration() -> bool:
    version = current_version()
    return version is not None and version < LATEST


def migrate(steps: dict[int, Step] | None = None, latest: int | None = None) -> int:
    """Create or upgrade the schema; return the version the database is now at."""
    steps = STEPS if steps is None else steps
    latest = LATEST if latest is None else latest
    version = current_version()
    if version is None:
        with database.atomic():
            database.create_tables([SchemaVersion, *ALL_MODELS])
            install_guards()
            SchemaVersion.create(version=latest)
        return latest
    if version > latest:
        raise NewerSchemaError(
            f"数据库版本 {version} 比本程序支持的版本 {latest} 新，请升级 StationDesk。"
        )
    if version == latest:
        return latest
    from playhouse.migrate import SchemaMigrator

    migrator = SchemaMigrator.from_database(database.obj)
    for number in range(version + 1, latest + 1):
        with database.atomic():
            if number in steps:  # numbers are reserved for steps merged in separately
                steps[number](migrator)
            SchemaVersion.update(version=number).execute()
    return latest


def guard_names(sqlite: bool) -> dict[str, str]:
    """trigger name -> its table, for every append-only table and approved statements."""
    names = frozen.guard_names(sqlite)
    for model in APPEND_ONLY:
        table = model._meta.table_name
        ops = ("update", "delete") if sqlite else ("append_only",)
        names.update({f"{table}_{'no_' if sqlite else ''}{op}": table for op in ops})
    return names


def missing_guards() -> list[str]:
    """The append-only triggers that are not in the database (someone dropped them)."""
    if is_sqlite():
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    present = {row[0] for row in database.execute_sql(sql).fetchall()}
    return sorted(set(guard_names(is_sqlite())) - present)


def drop_guards() -> None:
    """Lift the append-only guards; only ever inside a transaction that reinstalls them."""
    for name, table in guard_names(is_sqlite()).items():
        on = "" if is_sqlite() else f' ON "{table}"'
        database.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"{on}')


def install_guards() -> None:
    """Database-level refusal of UPDATE and DELETE on the append-only tables (those that
    exist: an earlier step runs before a later one has created its table), and of any
    change to an approved statement."""
    frozen.install()
    for model in APPEND_ONLY:
        table = model._meta.table_name
        if not database.table_exists(table):
            continue
        if is_sqlite():
            for op in ("UPDATE", "DELETE"):
                database.execute_sql(
                    f'CREATE TRIGGER IF NOT EXISTS "{table}_no_{op.lower()}" '
                    f'BEFORE {op} ON "{table}" '
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        else:
            # No "%" in this SQL: psycopg2 formats every statement peewee sends (it passes
            # an empty parameter tuple), so RAISE's "%" placeholder failed the migration.
            database.execute_sql(
                "CREATE OR REPLACE FUNCTION station_desk_append_only() RETURNS trigger "
                "LANGUAGE plpgsql AS $$ BEGIN "
                "RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' is append-only'; END $$"
            )
            database.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}"')
            database.execute_sql(
                f'CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" '
                "FOR EACH ROW EXECUTE FUNCTION station_desk_append_only()"
            )
