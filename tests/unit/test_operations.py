"""Request ids: a request id belongs to the clerk who first used it, and a replay says
it is one, however late it comes (a retry after a crash still applies exactly once)."""

from __future__ import annotations

import dataclasses
import sqlite3

import peewee
import pytest

from app.models import LedgerEntry, OperationRecord, database
from app.models.migrations import LATEST, SchemaVersion, current_version, migrate
from app.services import checkins, deeds, ledger
from app.services.errors import DatabaseBusy, RequestOfAnotherClerk, StorageFull
from app.services.operations import translate_storage_errors


def test_a_request_id_is_bound_to_its_clerk(ctx, clerk_ctx, resident, counts):
    """Another clerk presenting the same request id with the same deed is refused (it is
    not their operation) and nothing changes; the first clerk's replay still works."""
    deeds.record_deed(clerk_ctx, resident.id, "LOST_AND_FOUND", request_id="req-1")
    assert OperationRecord.get(OperationRecord.request_id == "req-1").clerk_id == \
        clerk_ctx.actor.clerk_id
    before = counts()
    with pytest.raises(RequestOfAnotherClerk) as err:
        deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-1")
    assert "另一位经办人" in err.value.message("zh")
    assert counts() == before
    assert deeds.record_deed(clerk_ctx, resident.id, "LOST_AND_FOUND",
                             request_id="req-1").replayed


def test_a_replay_says_so(ctx, resident, counts):
    """The first answer is not a replay; the repeat returns the same result, marked."""
    first = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-2")
    assert first.replayed is False
    before = counts()
    again = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-2")
    assert again.replayed is True
    assert dataclasses.replace(again, replayed=False) == first
    assert counts() == before


def test_a_replay_after_a_minute_is_still_applied_once_and_marked(ctx, resident, clock, counts):
    """A retry minutes later (the desk restarted after a crash) returns the first result,
    marked as a replay, and does not credit the resident again."""
    first = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-3")
    clock.advance(minutes=30)
    before = counts()
    again = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="req-3")
    assert again.replayed and again.balance == first.balance == ledger.balance(resident.id)
    assert counts() == before


def test_group_deeds_and_check_ins_say_when_they_replay(ctx, resident):
    first = deeds.record_group_deed(ctx, [resident.id], "DONATION", request_id="g-1")
    again = deeds.record_group_deed(ctx, [resident.id], "DONATION", request_id="g-1")
    assert [d.replayed for d in first + again] == [False, True]
    assert checkins.check_in(ctx, resident.id, "consult", request_id="c-1").replayed is False
    assert checkins.check_in(ctx, resident.id, "consult", request_id="c-1").replayed is True


def test_version_3_gains_the_clerk_column_and_old_requests_still_replay(ctx, resident):
    """A database from before the clerk column migrates with its records intact; a request
    recorded then (no clerk known) replays for its retry instead of applying twice."""
    deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="old-1")
    database.execute_sql('ALTER TABLE "operation_record" DROP COLUMN "clerk_id"')
    SchemaVersion.update(version=3).execute()
    assert migrate() == LATEST and current_version() == LATEST
    assert "clerk_id" in {c.name for c in database.get_columns("operation_record")}
    assert OperationRecord.get(OperationRecord.request_id == "old-1").clerk_id is None
    again = deeds.record_deed(ctx, resident.id, "LOST_AND_FOUND", request_id="old-1")
    assert again.replayed and LedgerEntry.select().count() == 1


@pytest.mark.parametrize("raised, expected", [
    (sqlite3.OperationalError("database or disk is full"), StorageFull),
    (peewee.OperationalError("disk is full"), StorageFull),
    (sqlite3.OperationalError("database is locked"), DatabaseBusy),
    (peewee.OperationalError("could not obtain lock: database busy"), DatabaseBusy),
])
def test_a_full_disk_or_a_locked_database_becomes_a_refusal(raised, expected):
    with pytest.raises(expected) as caught, translate_storage_errors():
        raise raised
    assert caught.value.__cause__ is raised


@pytest.mark.parametrize("raised", [sqlite3.OperationalError("no such table: resident"),
                                    ValueError("database is locked")])
def test_other_failures_pass_through_storage_translation_unchanged(raised):
    with pytest.raises(type(raised)) as caught, translate_storage_errors():
        raise raised
    assert caught.value is raised


def test_storage_translation_lets_a_quiet_block_finish():
    with translate_storage_errors():
        done = True
    assert done
