"""Importing a messy roster: every normalisation and refusal, households and tags, the dry
run that writes nothing, the re-import that adds nothing, and a failure that leaves nothing."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.models import AuditRecord, Household, OperationRecord, Resident, ResidentSearchTerm
from app.services import residents, roster_import, roster_report, roster_write, search
from app.services.errors.roster import RosterBadMapping, RosterLocked, RosterUnreadable
from tests import roster_files as rf


@pytest.fixture
def messy(tmp_path):
    return rf.messy_xlsx(tmp_path / "名册.xlsx")


def by_row(result):
    return {r.row: r for r in result.rows}


def test_every_row_of_the_messy_roster_gets_its_status(ctx, resident, messy):
    result = roster_import.run(ctx, roster_import.load(messy))
    rows = by_row(result)
    for index, (_cells, status) in enumerate(rf.MESSY):
        assert rows[rf.data_row(index)].status == status, rows[rf.data_row(index)]
    totals = rows[rf.data_row(len(rf.MESSY))]
    assert (totals.status, totals.reason) == ("skipped", "合计行")
    counted = {s: sum(r.status == s for r in result.rows) for s in rf.EXPECTED}
    assert counted == rf.EXPECTED
    assert (result.imported, result.refused, result.skipped, result.existing) == (6, 8, 2, 1)
    assert Resident.select().count() == 1 + 6


def test_numbers_are_normalised(ctx, messy):
    roster_import.run(ctx, roster_import.load(messy))
    people = {r.name: r for r in Resident.select()}
    assert people["张三"].phone == "13800138000"
    assert people["李四"].id_number == rf.LI and people["李四"].phone == "13900139000"
    assert people["王五"].id_number == rf.WANG and people["王五"].phone == "13700137000"
    converted = rf.ZHAO_15[:6] + "19" + rf.ZHAO_15[6:]
    assert people["赵六"].id_number.startswith(converted) and len(people["赵六"].id_number) == 18
    assert people["赵六"].phone == "13600136000"
    assert people["卫五"].id_number is None and people["卫五"].id_type == "none"
    assert (people["张三"].compound, people["张三"].building, people["张三"].room) == (
        "幸福里", "3", "501")
    assert people["张三"].gender == "M" and people["张三"].birth_date.isoformat() == "1960-05-01"


def test_each_refusal_says_why(ctx, resident, messy):
    rows = by_row(roster_import.run(ctx, roster_import.load(messy), dry_run=True))

    def reason(index: int) -> str:
        return rows[rf.data_row(index)].reason

    assert "设置为“文本”格式" in reason(4) and "6.5E+17" in rows[rf.data_row(4)].reason
    assert "Format the column as Text" in rows[rf.data_row(5)].reason_en
    assert "末尾为 000" in reason(6)
    assert "校验位" in reason(7)
    assert reason(8) == "与第 4 行重复"
    assert reason(9) == "没有姓名"
    assert "在今天之后" in reason(10)
    assert "手机号" in reason(11)
    assert reason(13) == "本站已有此身份证号的居民"
    assert all(r.reason_en and r.reason for r in rows.values() if r.status != "imported")


def test_households_tags_and_notes(ctx, messy):
    result = roster_import.run(ctx, roster_import.load(messy))
    zhang = Resident.get(Resident.name == "张三")
    li = Resident.get(Resident.name == "李四")
    assert zhang.household_id == li.household_id is not None
    assert Household.get_by_id(zhang.household_id).name == "张三户"
    assert (zhang.relation, li.relation) == ("户主", "配偶")
    assert Household.select().count() == result.households == 1
    assert Resident.get(Resident.name == "王五").household_id is None
    assert zhang.tags == "party_member,volunteer" and zhang.note == "低保边缘户"
    assert li.tags == "elderly_alone"
    jiang = Resident.get(Resident.name == "蒋六")
    assert jiang.tags == "party_member"
    note = by_row(result)[rf.data_row(15)].reason
    assert "外星人" in note and "未导入" in note


def test_imported_residents_are_found_as_the_desk_types(ctx, messy):
    roster_import.run(ctx, roster_import.load(messy))
    for query in ("张三", "zhangsan", "zs", "13800138000", rf.WANG[-4:], "卫五"):
        assert [h.name for h in search.search(query).hits if h.name in ("张三", "王五", "卫五")
                ], query


def test_a_dry_run_writes_nothing_and_reports_the_same(ctx, resident, messy, counts):
    before = counts()
    dry = roster_import.run(ctx, roster_import.load(messy), dry_run=True)
    # Only the note that someone looked: it says who is registered already.
    assert counts() == {**before, "audit_record": before["audit_record"] + 1}
    assert AuditRecord.select().order_by(AuditRecord.seq.desc()).first().action == (
        "resident.import.dry_run")
    real = roster_import.run(ctx, roster_import.load(messy))
    assert [(r.row, r.status, r.reason) for r in dry.rows] == [
        (r.row, r.status, r.reason) for r in real.rows]
    assert dry.households == real.households == 1


def test_importing_again_adds_nothing(ctx, messy, counts):
    first = roster_import.run(ctx, roster_import.load(messy))
    before = {k: v for k, v in counts().items() if k not in ("operation_record", "audit_record")}
    again = roster_import.run(ctx, roster_import.load(messy))
    after = {k: v for k, v in counts().items() if k not in ("operation_record", "audit_record")}
    assert after == before
    assert again.imported == 0 and again.existing == first.imported == 7
    assert {r.status for r in again.rows} <= {"existing", "refused", "skipped"}


def test_one_operation_one_audit_record_and_a_replay_changes_nothing(ctx, messy):
    roster = roster_import.load(messy)
    first = roster_import.run(ctx, roster, request_id="import-1")
    assert OperationRecord.select().where(OperationRecord.kind == "resident.import").count() == 1
    audit = AuditRecord.get(AuditRecord.action == "resident.import")
    assert audit.target == "名册.xlsx"
    again = roster_import.run(ctx, roster, request_id="import-1")
    assert again.replayed and again.imported == first.imported == 7
    assert Resident.select().count() == 7


def test_a_failure_mid_way_leaves_nothing(ctx, messy, counts, monkeypatch):
    before = counts()
    real = roster_write._insert
    written = []

    def fail_on_terms(table, columns, rows):
        if table == ResidentSearchTerm._meta.table_name:
            raise RuntimeError("disk unplugged")
        real(table, columns, rows)
        written.append(table)

    monkeypatch.setattr(roster_write, "_insert", fail_on_terms)
    with pytest.raises(RuntimeError):
        roster_import.run(ctx, roster_import.load(messy))
    assert written == ["household", "resident"]  # half the rows were in when it failed
    assert counts() == before


def test_a_cancel_before_the_commit_leaves_nothing(ctx, messy, counts):
    before = counts()

    def cancel(done: int, total: int) -> None:
        if done > total // 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        roster_import.run(ctx, roster_import.load(messy), progress=cancel)
    assert counts() == before


def test_a_gbk_and_a_utf8_csv(ctx, tmp_path):
    for encoding in ("gbk", "utf-8-sig", "utf-8"):
        path = rf.gbk_csv(tmp_path / f"{encoding}.csv", encoding)
        result = roster_import.run(ctx, roster_import.load(path), dry_run=True)
        assert [(r.name, r.status) for r in result.rows] == [
            ("欧阳华", "imported"), ("", "skipped"), ("买买提·艾力", "imported")], encoding
    roster_import.run(ctx, roster_import.load(tmp_path / "gbk.csv"))
    ouyang = Resident.get(Resident.name == "欧阳华")
    assert ouyang.phone == "13900139001" and ouyang.tags == "disabled"
    assert ouyang.note == "轮椅出行" and ouyang.id_number.isascii()


def test_an_xls_saved_by_libreoffice(ctx):
    result = roster_import.run(ctx, roster_import.load(rf.XLS_FIXTURE), dry_run=True)
    assert {s: sum(r.status == s for r in result.rows) for s in rf.EXPECTED} == {
        **rf.EXPECTED, "existing": 0, "imported": rf.EXPECTED["imported"] + 1}


def test_a_column_the_clerk_maps(ctx, tmp_path):
    path = rf.odd_header_xlsx(tmp_path / "odd.xlsx")
    roster = roster_import.load(path)
    assert roster.layout.fields == ("name", "ignore", "phone")
    mapped = roster_import.load(path, overrides={"公民证件": "id_number"})
    assert mapped.layout.fields == ("name", "id_number", "phone")
    assert roster_import.load(path, fields=["name", "id_number", "ignore"]).layout.fields == (
        "name", "id_number", "ignore")
    roster_import.run(ctx, mapped)
    assert Resident.get(Resident.name == "韩梅梅").id_number.startswith("110105")
    with pytest.raises(RosterBadMapping):
        roster_import.load(path, overrides={"公民证件": "birthday"})
    with pytest.raises(RosterBadMapping):
        roster_import.load(path, fields=["ignore", "id_number", "phone"])


def test_a_damaged_or_locked_file_is_a_clear_refusal(ctx, tmp_path):
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(RosterUnreadable) as caught:
        roster_import.load(broken)
    assert "坏.xlsx" in caught.value.message("zh") and "damaged" in caught.value.message("en")
    with pytest.raises(RosterUnreadable):
        roster_import.load(tmp_path / "none.xlsx")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    with pytest.raises(RosterLocked):
        roster_import.load(folder)


def test_the_report_lists_every_row_with_masked_numbers(ctx, resident, messy, tmp_path):
    result = roster_import.run(ctx, roster_import.load(messy))
    path = roster_report.write(result, tmp_path / "报告.xlsx")
    sheet = load_workbook(path).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:5] == ("行号", "姓名", "身份证号（隐去中间）", "结果", "原因")
    assert len(values) - 1 == len(result.rows) == len(rf.MESSY) + 1
    zhang = next(v for v in values if v[1] == "张三")
    assert zhang[2] == rf.ZHANG[:6] + "********" + rf.ZHANG[-4:] and zhang[3] == "已导入"
    text = " ".join(str(c) for row in values for c in row if c is not None)
    assert rf.ZHANG not in text and rf.REGISTERED_ID not in text
    assert {v[3] for v in values[1:]} == {"已导入", "未导入", "跳过", "已存在"}


def test_a_resident_registered_after_an_import_gets_the_next_number(ctx, messy):
    roster_import.run(ctx, roster_import.load(messy))
    later = residents.register(ctx, residents.ResidentInput(name="后来者", phone="13911112222"))
    assert int(later.resident_no) == Resident.select().count()
    household = residents.create_household(ctx, "新一户")
    assert household.id == Household.select().count()


def test_households_from_the_relation_column_alone_and_a_registered_head(ctx, tmp_path):
    path = tmp_path / "户籍.csv"
    rows = [["姓名", "与户主关系", "手机号", "住址"],
            ["刘一", "户主", "13700000001", "东风里1号"],
            ["刘二", "妻", "13700000002", "东风里1号"],
            ["刘三", "子", "13700000003", "东风里1号"],
            ["马一", "户主", "13700000004", "东风里2号"],
            ["马二", "女", "13700000005", "东风里2号"]]
    path.write_text("\n".join(",".join(r) for r in rows), encoding="gbk")
    result = roster_import.run(ctx, roster_import.load(path))
    assert result.households == 2
    homes = {r.name: r.household_id for r in Resident.select()}
    assert homes["刘一"] == homes["刘二"] == homes["刘三"] != homes["马一"] == homes["马二"]
    later = tmp_path / "补录.csv"
    later.write_text("姓名,户主姓名,与户主关系,手机号,住址\n刘四,刘一,孙子,13700000006,东风里1号\n"
                     "牛五,不在册,子,13700000007,东风里9号\n", encoding="utf-8")
    added = by_row(roster_import.run(ctx, roster_import.load(later)))
    assert Resident.get(Resident.name == "刘四").household_id == homes["刘一"]
    assert Resident.get(Resident.name == "牛五").household_id is None
    assert added[3].status == "imported" and "不在本文件中" in added[3].reason


def test_a_repeated_header_and_a_remark_that_mentions_totals(ctx, tmp_path):
    path = tmp_path / "分页.csv"
    path.write_text("姓名,手机号,备注\n石一,13600000001,合计两人同住\n姓名,手机号,备注\n"
                    "石二,13600000002,\n合计,2,\n", encoding="utf-8")
    rows = roster_import.run(ctx, roster_import.load(path), dry_run=True).rows
    assert [(r.name, r.status, r.reason) for r in rows] == [
        ("石一", "imported", ""), ("", "skipped", "重复的表头行"), ("石二", "imported", ""),
        ("合计", "skipped", "合计行")]


def test_a_row_with_an_id_is_a_resident_registered_without_one(ctx, tmp_path):
    """欧阳华 came to the desk before the roster and gave no ID number: the roster's row
    (ID, same name and phone) is that resident, not a second one."""
    residents.register(ctx, residents.ResidentInput("欧阳华", id_number="", id_type="none",
                                                    phone="13900139001"))
    result = roster_import.run(ctx, roster_import.load(rf.gbk_csv(tmp_path / "r.csv")))
    assert [(r.name, r.status) for r in result.rows] == [
        ("欧阳华", "existing"), ("", "skipped"), ("买买提·艾力", "imported")]
    assert "未填身份证号" in by_row(result)[2].reason
    assert Resident.select().where(Resident.name == "欧阳华").count() == 1
