"""The edits that once passed ``check`` and ``audit verify``, made again with plain
sqlite3 on the station's file while the desk is closed: each is now found and named."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from tests.integration.cli_helpers import ok_json, run


@pytest.fixture
def station(tmp_path):
    ok_json(tmp_path, "init", "--station-code", "XH01", "--station-name", "新华站",
            "--admin", "admin")
    return tmp_path


def test_plain_sqlite_edits_are_found_by_check_and_audit_verify(station):
    ok_json(station, "--as", "admin", "resident", "add", "--name", "王芳")
    for kind in ("ENV_CLEANUP", "TREE_PLANTING"):
        ok_json(station, "--as", "admin", "deed", "record", "1", kind, "--quantity", "4")
    token = ok_json(station, "--as", "admin", "voucher", "issue", "1", "10")["vouchers"][0]
    ok_json(station, "--as", "admin", "voucher", "redeem", token["token"])
    assert run(station, "check").returncode == 0

    with sqlite3.connect(station / "station.db") as conn:
        for trigger in ("ledger_entry_no_update", "voucher_resolution_no_delete",
                        "audit_record_no_update"):
            conn.execute(f'DROP TRIGGER "{trigger}"')
        conn.execute("INSERT INTO ledger_entry (uid, resident_id, kind, points, balance_after, "
                     "request_id, reason, business_date, created_at) SELECT 'XH01-Lx', 1, "
                     "'adjust', 5000, balance + 5000, 'x', '', '2026-01-01', "
                     "'2026-01-01 00:00:00' FROM resident WHERE id = 1")
        conn.execute("UPDATE resident SET balance = balance + 5000 WHERE id = 1")
        conn.execute("DELETE FROM voucher_resolution")
        prev = "0" * 64
        rows = conn.execute("SELECT seq, at, clerk_id, action, target, detail "
                            "FROM audit_record ORDER BY seq").fetchall()
        for seq, at, clerk_id, action, target, detail in rows:
            body = json.dumps([prev, at.replace(" ", "T"), clerk_id, action, target, detail],
                              ensure_ascii=False)
            digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
            conn.execute("UPDATE audit_record SET prev_hash = ?, hash = ?, clerk_name = 'x' "
                         "WHERE seq = ?", (prev, digest, seq))
            prev = digest
    (station / "audit.anchor").unlink(missing_ok=True)  # the attacker removes that too

    checked = run(station, "--json", "check")
    assert checked.returncode == 1
    found = "；".join(json.loads(checked.stdout)["problems"])
    seq = sqlite3.connect(station / "station.db").execute(
        "SELECT seq FROM ledger_entry WHERE uid = 'XH01-Lx'").fetchone()[0]
    assert f"积分流水 #{seq} 的校验码不符" in found
    assert token["serial"] in found and "核销/作废记录被删除" in found
    assert "审计日志 #1" in found and "防改触发器被删除" in found
    # Every other command stops at the start: what `check` found is kept until a restore
    # or a whole check that passes, older rows (audit record #1, the redemption) included.
    for command in (("audit", "verify"), ("--as", "admin", "balance", "1")):
        refused = run(station, *command)
        assert refused.returncode == 2 and "整体检查发现问题" in refused.stderr
        assert f"积分流水 #{seq}" in refused.stderr and token["serial"] in refused.stderr


def test_a_schema_rolled_back_to_before_seals_is_not_sealed_again(station):
    """Dropping the seal columns and setting the schema version back would have the next
    start seal whatever was forged meanwhile: the station knows it was sealed already."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "王芳")
    with sqlite3.connect(station / "station.db") as conn:
        for trigger in ("ledger_entry_no_update", "ledger_entry_no_delete"):
            conn.execute(f'DROP TRIGGER "{trigger}"')
        for table in ("ledger_entry", "voucher", "voucher_resolution", "audit_record",
                      "operation_record"):
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "mac"')
        conn.execute("INSERT INTO ledger_entry (uid, resident_id, kind, points, balance_after, "
                     "request_id, reason, business_date, created_at) VALUES ('XH01-Lx', 1, "
                     "'adjust', 5000, 5000, 'x', '', '2026-01-01', '2026-01-01 00:00:00')")
        conn.execute("UPDATE resident SET balance = 5000 WHERE id = 1")
        conn.execute("UPDATE schema_version SET version = 2")
    refused = run(station, "--as", "admin", "balance", "1")
    assert refused.returncode == 2 and "改回了没有校验码的旧版本" in refused.stderr
    checked = run(station, "check")
    assert checked.returncode != 0


def test_the_start_verifies_what_is_new_and_check_verifies_everything(station):
    """`check` reports its progress on stderr and moves the verified checkpoint; an older
    row edited afterwards (guards put back) is not read again at start, so commands still
    answer, and `check` names it."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "王芳")
    ok_json(station, "--as", "admin", "deed", "record", "1", "ENV_CLEANUP", "--quantity", "4")
    checked = run(station, "--json", "check")
    assert checked.returncode == 0
    steps = [line for line in checked.stderr.splitlines() if line.startswith("检查中")]
    assert steps and steps[-1] == f"检查中 {len(steps)}/{len(steps)}"
    assert {"problems", "residents", "entries", "vouchers", "audit_records", "message"} <= set(
        json.loads(checked.stdout))
    with sqlite3.connect(station / "station.db") as conn:
        guard = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                             "'ledger_entry_no_update'").fetchone()[0]
        conn.execute('DROP TRIGGER "ledger_entry_no_update"')
        conn.execute("UPDATE ledger_entry SET reason = '改过' WHERE seq = 1")
        conn.execute(guard)
    assert run(station, "--as", "admin", "balance", "1").returncode == 0
    again = run(station, "--json", "check")
    assert again.returncode == 1 and "积分流水 #1 的校验码不符" in again.stdout
