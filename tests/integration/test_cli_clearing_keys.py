"""`points expire` / `points unexpire` and `keys rotate` / `keys revoke` from the command
line, as an admin's script runs them."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path

import pytest
from test_cli import ok_json, run


@pytest.fixture
def station(tmp_path) -> Path:
    ok_json(tmp_path, "init", "--station-code", "XH01", "--station-name", "新华社区",
            "--admin", "admin")
    return tmp_path


def refused(data_dir, *args: str) -> dict:
    done = run(data_dir, "--json", *args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    return json.loads(done.stdout)


def days_ago(n: int) -> str:
    return str(dt.date.today() - dt.timedelta(days=n))


def balance(data_dir, resident: str = "1") -> int:
    return ok_json(data_dir, "--as", "admin", "balance", resident)["balance"]


def test_a_clearing_is_reversed_and_an_earlier_one_refused(station):
    """`points unexpire` undoes the newest clearing with a reason; an earlier cut-off than
    a standing clearing is refused, naming it."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "周八")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--date", days_ago(3))
    first = ok_json(station, "--as", "admin", "points", "expire", "--cutoff", days_ago(2))
    assert (first["residents"], first["points"]) == (1, 2) and balance(station) == 0
    earlier = refused(station, "--as", "admin", "points", "expire", "--cutoff", days_ago(3))
    assert days_ago(2) in earlier["message"]

    undone = ok_json(station, "--as", "admin", "points", "unexpire", "--cutoff", days_ago(2),
                     "--reason", "截止日选错")
    assert (undone["residents"], undone["points"]) == (1, 2) and balance(station) == 2
    again = refused(station, "--as", "admin", "points", "unexpire", "--cutoff", days_ago(2),
                    "--reason", "再撤一次")
    assert "已撤销" in again["message"]
    refused(station, "--as", "admin", "points", "unexpire", "--cutoff", days_ago(2))
    assert ok_json(station, "check")["problems"] == []


def _replace_kek(data_dir) -> bytes:
    path = data_dir / "keys" / "station.kek"
    original = path.read_bytes()
    path.write_text(secrets.token_hex(32))
    return original


def test_a_replaced_key_secret_is_refused_before_rotate_or_revoke(station):
    """With another secret file in keys/, neither command writes anything: the start-up
    check already finds that no seal verifies under it (the service refuses too, see
    tests/unit/test_keys.py)."""
    before = ok_json(station, "keys", "export")["keys"]
    original = _replace_kek(station)
    for args in (("keys", "rotate"), ("keys", "revoke", "1", "--reason", "泄露")):
        answer = refused(station, "--as", "admin", *args)
        assert answer["error"] == "damaged_database" and "校验码不符" in answer["message"]
    (station / "keys" / "station.kek").write_bytes(original)
    assert ok_json(station, "keys", "export")["keys"] == before


def test_revoke_states_and_refunds_stranded_vouchers(station):
    """Without --refund the outstanding vouchers are counted; with it they are voided and
    their points go back, in the same operation."""
    ok_json(station, "--as", "admin", "resident", "add", "--name", "周八")
    ok_json(station, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "10")
    ok_json(station, "--as", "admin", "voucher", "issue", "1", "10", "--denominations", "5,5")
    ok_json(station, "--as", "admin", "keys", "rotate")
    ok_json(station, "--as", "admin", "voucher", "issue", "1", "6", "--denominations", "6")
    said = run(station, "--as", "admin", "keys", "revoke", "1", "--reason", "旧电脑报废")
    assert said.returncode == 0 and "2 张未使用的兑换券（共 10 分）" in said.stdout
    assert balance(station) == 4

    refunded = ok_json(station, "--as", "admin", "keys", "revoke", "2", "--reason", "密钥泄露",
                       "--refund")
    assert {k: refunded[k] for k in ("key_id", "stranded", "stranded_points", "refunded")} == {
        "key_id": 2, "stranded": 1, "stranded_points": 6, "refunded": 1}
    assert balance(station) == 10
    assert ok_json(station, "check")["problems"] == []
