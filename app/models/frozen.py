"""Database-level refusal to change an approved merchant statement: an approved statement
never changes (a correction is a new, adjusting statement), so neither may its items.

The services refuse first, with a clear message; these triggers hold when something else
writes to the file (a script, a restored copy, a bug)."""

from __future__ import annotations

from app.models.db import database, is_sqlite

# Only the move approved → paid (state, paid_on, paid_reference) changes an approved row.
_CONTENT = ("uid", "number", "merchant_id", "period_from", "period_to", "vouchers", "points",
            "rate_points", "rate_yuan", "amount_fen", "adjusts_id", "note", "created_by_id",
            "created_at", "approved_by_id", "approved_at")

# trigger name -> its table (SQLite names; PostgreSQL uses one trigger per table).
SQLITE_GUARDS = {"statement_frozen_update": "statement", "statement_frozen_delete": "statement",
                 "statement_item_frozen_insert": "statement_item",
                 "statement_item_frozen_update": "statement_item",
                 "statement_item_frozen_delete": "statement_item"}
POSTGRES_GUARDS = {"statement_frozen": "statement", "statement_item_frozen": "statement_item"}
MESSAGE = "statement is approved and never changes"


def guard_names(sqlite: bool) -> dict[str, str]:
    return dict(SQLITE_GUARDS if sqlite else POSTGRES_GUARDS)


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in columns)


def _install_sqlite() -> None:
    def trigger(name: str, when: str, table: str, condition: str) -> None:
        database.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{name}" BEFORE {when} ON "{table}" '
            f"WHEN {condition} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")

    trigger("statement_frozen_update", "UPDATE", "statement",
            f"OLD.state = 'paid' OR (OLD.state = 'approved' AND (NEW.state <> 'paid' OR "
            f"{_changed(_CONTENT)}))")
    trigger("statement_frozen_delete", "DELETE", "statement", "OLD.state <> 'draft'")
    for op, row in (("insert", "NEW"), ("update", "OLD"), ("delete", "OLD")):
        trigger(f"statement_item_frozen_{op}", op.upper(), "statement_item",
                f"(SELECT state FROM statement WHERE id = {row}.statement_id) <> 'draft'")


def _install_postgres() -> None:
    # No "%" in this SQL: psycopg2 formats every statement peewee sends.
    changed = " OR ".join(f'NEW."{c}" IS DISTINCT FROM OLD."{c}"' for c in _CONTENT)
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION station_desk_statement_frozen() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        "  IF OLD.state <> 'draft' THEN RAISE EXCEPTION USING MESSAGE = "
        f"'{MESSAGE}'; END IF; RETURN OLD; END IF; "
        f"IF OLD.state = 'paid' OR (OLD.state = 'approved' AND (NEW.state <> 'paid' OR {changed})) "
        f"THEN RAISE EXCEPTION USING MESSAGE = '{MESSAGE}'; END IF; RETURN NEW; END $$")
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION station_desk_statement_item_frozen() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ DECLARE owner integer; BEGIN "
        "IF TG_OP = 'INSERT' THEN owner := NEW.statement_id; ELSE owner := OLD.statement_id; "
        "END IF; "
        "IF (SELECT state FROM statement WHERE id = owner) <> 'draft' THEN "
        f"RAISE EXCEPTION USING MESSAGE = '{MESSAGE}'; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$")
    for name, table in POSTGRES_GUARDS.items():
        database.execute_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
        ops = "UPDATE OR DELETE" if table == "statement" else "INSERT OR UPDATE OR DELETE"
        database.execute_sql(f'CREATE TRIGGER "{name}" BEFORE {ops} ON "{table}" '
                             f"FOR EACH ROW EXECUTE FUNCTION station_desk_{name}()")


def install() -> None:
    """The statement guards, once the statement tables exist (step 11 creates them)."""
    if not database.table_exists("statement"):
        return
    _install_sqlite() if is_sqlite() else _install_postgres()
