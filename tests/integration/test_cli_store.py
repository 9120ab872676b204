"""`station-desk store …` from a script: items, stock received and counted, the low-stock
list, and a sale paid by store vouchers with its receipt, the station checking clean."""

from __future__ import annotations

import pytest
from cli_helpers import new_station, ok_json, run
from printing_checks import pdf_text, render


@pytest.fixture
def station(tmp_path):
    new_station(tmp_path)
    ok_json(tmp_path, "--as", "admin", "resident", "add", "--name", "王芳")
    # 10 points to spend (2 a time)
    ok_json(tmp_path, "--as", "admin", "deed", "record", "1", "DONATION", "--quantity", "5")
    return tmp_path


def test_items_stock_and_a_sale_by_vouchers(station, tmp_path):
    ok_json(station, "--as", "admin", "store", "item", "add", "香皂", "--points", "3",
            "--stock", "5", "--donor", "爱心超市", "--low", "2")
    ok_json(station, "--as", "admin", "store", "item", "add", "义剪", "--points", "4",
            "--kind", "service")
    moved = ok_json(station, "--as", "admin", "store", "receive", "义剪", "10", "--cost", "0")
    assert moved["stock"] == 10
    counted = ok_json(station, "--as", "admin", "store", "stocktake", "香皂", "4",
                      "--reason", "破损一块")
    assert counted["quantity"] == -1
    issued = ok_json(station, "--as", "admin", "voucher", "issue", "1", "10", "--store",
                     "--denominations", "5,5")
    tokens = [v["token"] for v in issued["vouchers"]]
    receipt = tmp_path / "receipt.pdf"
    sale = ok_json(station, "--as", "admin", "store", "sell", "1", "--item", "xiangzao:2",
                   "--voucher", tokens[0], "--voucher", tokens[1], "--receipt", str(receipt))
    assert (sale["points_charged"], sale["returned_points"]) == (6, 4)
    assert [v["points"] for v in sale["vouchers"]] == [5, 5]
    assert sale["items"][0]["item"] == "香皂" and sale["balance"] == 4
    text = pdf_text(receipt.read_bytes())[0]
    for words in ("积分超市兑换小票", "香皂", "王芳", "退回积分", "4 分", issued["vouchers"][0]
                  ["serial"]):
        assert words in text
    assert render(receipt.read_bytes(), 100, tmp_path)
    low = ok_json(station, "--as", "admin", "store", "list", "--low")
    assert [i["name"] for i in low["items"]] == ["香皂"]
    again = run(station, "--as", "admin", "store", "sell", "1", "--item", "香皂",
                "--voucher", tokens[0])
    assert again.returncode != 0 and "兑换券" in again.stderr and "Traceback" not in again.stderr
    from_balance = ok_json(station, "--as", "admin", "store", "sell", "1", "--item", "义剪")
    assert (from_balance["from_balance"], from_balance["balance"]) == (4, 0)
    broke = run(station, "--as", "admin", "store", "sell", "1", "--item", "义剪")
    assert broke.returncode != 0 and "积分不足" in broke.stderr
    check = run(station, "check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_an_item_s_history_newest_first_retired_or_not(station):
    ok_json(station, "--as", "admin", "store", "item", "add", "香皂", "--points", "3",
            "--stock", "5", "--donor", "爱心超市")
    ok_json(station, "--as", "admin", "store", "receive", "香皂", "10", "--cost", "12.5")
    ok_json(station, "--as", "admin", "store", "sell", "1", "--item", "香皂:2")
    ok_json(station, "--as", "admin", "store", "stocktake", "香皂", "12", "--reason", "破损")
    ok_json(station, "--as", "admin", "store", "item", "retire", "香皂")
    history = ok_json(station, "--as", "admin", "store", "history", "香皂")
    assert history["item"] == "香皂"
    assert [(m["kind"], m["quantity"], m["stock_after"]) for m in history["movements"]] == [
        ("stocktake", -1, 12), ("sale", -2, 13), ("receive", 10, 15), ("receive", 5, 5)]
    assert history["movements"][2]["cost_fen"] == 1250
    text = run(station, "--as", "admin", "store", "history", "香皂", "--limit", "2").stdout
    assert "盘点  -1  结存 12" in text and "原因：破损" in text and "入库" not in text
    unknown = run(station, "--as", "admin", "store", "history", "电视")
    assert unknown.returncode == 2 and "电视" in unknown.stderr
